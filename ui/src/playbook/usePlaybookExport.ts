import { useCallback, useRef, useState } from "react";
import { toBackendError, type ExportedPlaybook, type PlaybookOptions } from "../backend";
import { useWorkspaceStore } from "../store/context";
import { withPdfExtension } from "./options";

export type ExportState =
  | { kind: "idle" }
  | { kind: "choosing" }
  | { kind: "writing"; path: string }
  | { kind: "done"; result: ExportedPlaybook }
  | { kind: "failed"; message: string };

/**
 * Export as a small state machine: ask where (the native save dialog), write, then show the
 * file or the backend's message. A cancelled dialog leaves everything as it was.
 */
export function usePlaybookExport(slug: string) {
  const store = useWorkspaceStore();
  const [state, setState] = useState<ExportState>({ kind: "idle" });
  const busy = useRef(false);

  const start = useCallback(
    async (options: PlaybookOptions) => {
      if (busy.current) return;
      busy.current = true;
      const before = state;
      try {
        setState({ kind: "choosing" });
        const picked = await store.backend.choosePdfPath(`${slug}-playbook.pdf`);
        if (!picked) {
          setState(before);
          return;
        }
        const path = withPdfExtension(picked);
        setState({ kind: "writing", path });
        const result = await store.backend.exportPlaybook(slug, path, options);
        setState({ kind: "done", result });
      } catch (e) {
        setState({ kind: "failed", message: toBackendError(e).message });
      } finally {
        busy.current = false;
      }
    },
    [store, slug, state],
  );

  return { state, start, busy: state.kind === "choosing" || state.kind === "writing" };
}
