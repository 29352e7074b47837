import { useEffect, useState } from "react";
import { toBackendError, type Backend, type Report } from "../backend";
import type { AuditStatus } from "./FindingsPanel";

interface State {
  slug: string;
  report: Report | null;
  status: AuditStatus;
}

/**
 * The audit library's report, asked for again after every change of the workspace
 * (`revision` moves with every edit, undo and redo). An answer that arrives after a newer
 * request was made is dropped, so the panel never shows an older truth.
 */
export function useAudit(
  backend: Backend,
  slug: string,
  revision: number,
  /** False: ask nothing (and answer no report) until it turns true. */
  enabled = true,
): { report: Report | null; status: AuditStatus } {
  const [state, setState] = useState<State>({ slug, report: null, status: { kind: "idle" } });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ slug, report: s.slug === slug ? s.report : null, status: { kind: "running" } }));
    backend.auditWorkspace(slug).then(
      (report) => live && setState({ slug, report, status: { kind: "idle" } }),
      (e: unknown) =>
        live && setState((s) => ({ ...s, status: { kind: "error", message: `The audit could not run: ${toBackendError(e).message}` } })),
    );
    return () => {
      live = false;
    };
  }, [backend, slug, revision, enabled]);
  if (!enabled) return { report: null, status: { kind: "idle" } };
  return state.slug === slug ? state : { report: null, status: { kind: "running" } };
}
