import { useState } from "react";
import { toBackendError, type ExportedPlaybook } from "../backend";
import { useWorkspaceStore } from "../store/context";
import { fileName, folderOf, formatSize } from "./options";
import type { ExportState } from "./usePlaybookExport";

/** The progress while the PDF is written, then the file or what went wrong. */
export function ExportStatus({ state }: { state: ExportState }) {
  if (state.kind === "writing") {
    return (
      <div className="pb-progress" data-testid="playbook-progress" role="status">
        <div className="pb-progress-bar" role="progressbar" aria-label="Writing the playbook">
          <span />
        </div>
        <span>Writing the playbook…</span>
      </div>
    );
  }
  if (state.kind === "failed") {
    return (
      <div className="pb-failure" data-testid="playbook-error" role="alert">
        <strong>The playbook was not written.</strong>
        <span>{state.message}</span>
      </div>
    );
  }
  if (state.kind === "done") return <ExportResult result={state.result} />;
  return null;
}

function ExportResult({ result }: { result: ExportedPlaybook }) {
  const store = useWorkspaceStore();
  const [problem, setProblem] = useState<string | null>(null);
  const run = (action: (path: string) => Promise<void>) => {
    setProblem(null);
    action(result.path).catch((e: unknown) => setProblem(toBackendError(e).message));
  };
  const folder = folderOf(result.path);
  return (
    <div className="pb-result" data-testid="playbook-result" role="status">
      <div className="pb-result-head">
        <span className="pb-result-icon" aria-hidden="true">
          PDF
        </span>
        <div className="pb-result-text">
          <strong className="pb-result-name" title={result.path}>
            {fileName(result.path)}
          </strong>
          <span className="muted small">
            {result.pages} {result.pages === 1 ? "page" : "pages"} · {formatSize(result.bytes)}
            {folder && (
              <>
                {" "}
                · in <span className="pb-result-folder">{folder}</span>
              </>
            )}
          </span>
        </div>
      </div>
      <div className="row">
        <button type="button" className="primary" data-testid="playbook-open" onClick={() => run((p) => store.backend.openPath(p))}>
          Open
        </button>
        <button type="button" data-testid="playbook-reveal" onClick={() => run((p) => store.backend.revealPath(p))}>
          Show in folder
        </button>
      </div>
      {problem && (
        <p className="pb-result-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
