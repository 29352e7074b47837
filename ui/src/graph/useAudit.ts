import { useEffect, useState } from "react";
import { toBackendError, type Report } from "../backend";
import type { WorkspaceStore } from "../store/workspaceStore";
import type { AuditStatus } from "./FindingsPanel";

interface State {
  slug: string;
  /** The workspace revision `report` is the audit of. */
  revision: number | null;
  report: Report | null;
  status: AuditStatus;
}

/**
 * How long an audit may take before "Checking…" shows. After an edit the answer usually
 * comes within a frame or two (it was asked for with the edit's answer): saying "Checking…"
 * and then showing the answer would draw the window twice for one change.
 */
export const CHECKING_SHOWN_AFTER_MS = 150;

/**
 * The audit library's report, asked for again after every change of the workspace
 * (`revision` moves with every edit, undo and redo) through the store, which shares one
 * answer per revision between views and asks for it as soon as an edit is saved. An answer
 * that arrives after a newer request was made is dropped, so the panel never shows an older
 * truth; `revision` says which state the report shown is of.
 */
export function useAudit(
  store: WorkspaceStore,
  slug: string,
  revision: number,
  /** False: ask nothing (and answer no report) until it turns true. */
  enabled = true,
): { report: Report | null; status: AuditStatus; revision: number | null } {
  const [state, setState] = useState<State>({ slug, revision: null, report: null, status: { kind: "idle" } });
  useEffect(() => (enabled ? store.watchAudit() : undefined), [store, enabled]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    // Another workspace's report is never shown while this one's is checked.
    setState((s) => (s.slug === slug ? s : { slug, revision: null, report: null, status: { kind: "running" } }));
    const slow = setTimeout(() => {
      if (live) setState((s) => ({ ...s, status: { kind: "running" } }));
    }, CHECKING_SHOWN_AFTER_MS);
    store.auditAt(slug, revision).then(
      (report) => {
        clearTimeout(slow);
        if (live) setState({ slug, revision, report, status: { kind: "idle" } });
      },
      (e: unknown) => {
        clearTimeout(slow);
        if (live) setState((s) => ({ ...s, status: { kind: "error", message: `The audit could not run: ${toBackendError(e).message}` } }));
      },
    );
    return () => {
      live = false;
      clearTimeout(slow);
    };
  }, [store, slug, revision, enabled]);
  if (!enabled) return { report: null, status: { kind: "idle" }, revision: null };
  return state.slug === slug ? state : { report: null, status: { kind: "running" }, revision: null };
}
