import { useEffect, useRef, useState } from "react";
import { toBackendError, type PlaybookOptions, type SectionPreview } from "../backend";
import { useWorkspaceStore } from "../store/context";

/** A short pause after a change, so a burst of clicks or edits asks the backend once. */
const DEBOUNCE_MS = 80;

export interface OutlineState {
  outline: SectionPreview[] | null;
  error: string | null;
  loading: boolean;
}

/**
 * The backend's outline of the playbook for these options, asked again when the options or
 * the workspace (its revision) change. An answer to an older question is dropped.
 */
export function usePlaybookOutline(slug: string, options: PlaybookOptions, revision: number): OutlineState {
  const store = useWorkspaceStore();
  const [state, setState] = useState<OutlineState>({ outline: null, error: null, loading: true });
  const asked = useRef(0);
  const key = JSON.stringify(options);

  useEffect(() => {
    const ticket = ++asked.current;
    const wanted = JSON.parse(key) as PlaybookOptions;
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(() => {
      store.backend.playbookOutline(slug, wanted).then(
        (outline) => {
          if (ticket === asked.current) setState({ outline, error: null, loading: false });
        },
        (e: unknown) => {
          if (ticket === asked.current) setState({ outline: null, error: toBackendError(e).message, loading: false });
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [store, slug, key, revision]);

  return state;
}
