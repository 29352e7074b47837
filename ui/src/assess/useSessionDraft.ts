import { useCallback, useRef, useState } from "react";
import type { ReadinessSession } from "../backend";
import { useReadOnly } from "../store/readOnly";
import { useWorkspaceStore } from "../store/context";

/**
 * The session as the grid shows it while keystrokes are on their way to the backend.
 * Each change is sent at once as a `put_session` edit (one undo step each); the next change
 * builds on the last one sent, never on an older saved copy, so fast typing loses nothing.
 * Once every edit has come back, the saved session (or what undo made of it) is shown again.
 * While a snapshot is shown nothing changes: the session is shown as it was saved.
 */
export function useSessionDraft(saved: ReadinessSession): [ReadinessSession, (change: (s: ReadinessSession) => ReadinessSession) => void] {
  const store = useWorkspaceStore();
  const readOnly = useReadOnly();
  const [draft, setDraft] = useState<ReadinessSession | null>(null);
  const pending = useRef(0);
  const latest = useRef(saved);
  const shown = draft ?? saved;
  latest.current = shown;

  const update = useCallback(
    (change: (s: ReadinessSession) => ReadinessSession) => {
      if (readOnly) return;
      const next = change(latest.current);
      if (next === latest.current) return;
      latest.current = next;
      setDraft(next);
      pending.current += 1;
      void store.edit({ type: "put_session", session: next }).finally(() => {
        pending.current -= 1;
        if (pending.current === 0) setDraft(null);
      });
    },
    [store, readOnly],
  );
  return [shown, update];
}
