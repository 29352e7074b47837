import { useEffect, useRef, useState } from "react";
import { type MonitorReport, toBackendError } from "../backend";
import { useWorkspaceStore } from "../store/context";

const DEBOUNCE_MS = 120;

export interface MonitorState {
  report: MonitorReport | null;
  error: string | null;
  loading: boolean;
}

/**
 * The backend's monitor report as of `asOf` (null: the newest reading), asked again whenever
 * the workspace's revision changes. Every figure comes from the Rust library; an answer that
 * arrives after a newer question was asked is dropped.
 */
export function useMonitorReport(slug: string, asOf: string | null, revision: number): MonitorState {
  const store = useWorkspaceStore();
  const [state, setState] = useState<MonitorState>({ report: null, error: null, loading: true });
  const asked = useRef(0);

  useEffect(() => {
    const ticket = ++asked.current;
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(() => {
      store.backend.monitorReport(slug, asOf).then(
        (report) => {
          if (ticket === asked.current) setState({ report, error: null, loading: false });
        },
        (e: unknown) => {
          if (ticket === asked.current) setState((s) => ({ ...s, error: toBackendError(e).message, loading: false }));
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [store, slug, asOf, revision]);

  return state;
}
