import { useEffect, useRef, useState } from "react";
import { type Backend, toBackendError } from "../backend";
import { useWorkspaceStore } from "./context";

/** How long to wait after a change before asking again: a burst of keystrokes asks once. */
const DEBOUNCE_MS = 120;

export interface LibraryReport<T> {
  report: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * What the library answers to `ask`, asked again whenever one of `key` changes (pass the
 * workspace's revision among them to follow every change), `debounceMs` after the last change.
 * Every figure comes from Rust; the last answer stays while the next is asked; an answer that
 * arrives after a newer question was asked is dropped, so a stale report never wins.
 */
export function useLibraryReport<T>(
  ask: (backend: Backend) => Promise<T>,
  key: readonly unknown[],
  debounceMs: number = DEBOUNCE_MS,
): LibraryReport<T> {
  const store = useWorkspaceStore();
  const [state, setState] = useState<LibraryReport<T>>({ report: null, error: null, loading: true });
  const asked = useRef(0);
  const question = useRef(ask);
  question.current = ask;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what the question depends on
  useEffect(() => {
    const ticket = ++asked.current;
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(() => {
      question.current(store.backend).then(
        (report) => {
          if (ticket === asked.current) setState({ report, error: null, loading: false });
        },
        (e: unknown) => {
          if (ticket === asked.current) setState((s) => ({ ...s, error: toBackendError(e).message, loading: false }));
        },
      );
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [store, debounceMs, ...key]);

  return state;
}
