import { useEffect, useRef, useState } from "react";
import { type PlaybookOptions, toBackendError } from "../../backend";
import { useWorkspaceStore } from "../../store/context";

/** Rendering a large playbook takes a moment: wait for a pause in the clicks and edits. */
const DEBOUNCE_MS = 400;

export interface PdfState {
  bytes: Uint8Array | null;
  error: string | null;
  loading: boolean;
}

/**
 * The playbook PDF for these options, asked again when the options or the workspace (its
 * revision) change. The last pages stay while the next ones are made; an answer to an older
 * question is dropped.
 */
export function usePlaybookPdf(slug: string, options: PlaybookOptions, revision: number): PdfState {
  const store = useWorkspaceStore();
  const [state, setState] = useState<PdfState>({ bytes: null, error: null, loading: true });
  const asked = useRef(0);
  const key = JSON.stringify(options);

  useEffect(() => {
    const ticket = ++asked.current;
    const wanted = JSON.parse(key) as PlaybookOptions;
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(() => {
      store.backend.playbookPdf(slug, wanted).then(
        (bytes) => {
          if (ticket === asked.current) setState({ bytes, error: null, loading: false });
        },
        (e: unknown) => {
          if (ticket === asked.current) setState((s) => ({ ...s, error: toBackendError(e).message, loading: false }));
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [store, slug, key, revision]);

  return state;
}
