import { useEffect, useRef, useState } from "react";
import { toBackendError, type ReadinessReport } from "../backend";
import { useWorkspaceStore } from "../store/context";

/** How long to wait after a change before asking again: a burst of keystrokes asks once. */
const DEBOUNCE_MS = 120;

export interface ReportState {
  report: ReadinessReport | null;
  error: string | null;
  loading: boolean;
}

/**
 * The backend's readiness report for `session` (null: the latest), asked again whenever the
 * workspace's revision changes. Every figure comes from the Rust library; an answer that
 * arrives after a newer question was asked is dropped, so a stale report never wins.
 */
export function useReadinessReport(slug: string, session: string | null, revision: number): ReportState {
  const store = useWorkspaceStore();
  const [state, setState] = useState<ReportState>({ report: null, error: null, loading: true });
  const asked = useRef(0);

  useEffect(() => {
    const ticket = ++asked.current;
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(() => {
      store.backend.readinessReport(slug, session).then(
        (report) => {
          if (ticket === asked.current) setState({ report, error: null, loading: false });
        },
        (e: unknown) => {
          if (ticket === asked.current) setState((s) => ({ ...s, error: toBackendError(e).message, loading: false }));
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [store, slug, session, revision]);

  return state;
}
