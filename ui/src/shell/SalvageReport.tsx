import { useUi, useWorkspaceStore } from "../store/context";
import { Dialog } from "./Dialog";

/**
 * After a salvage: which workspaces were copied into the new library, which could not be
 * read and why, and where the damaged file was kept. Shown until the user closes it.
 */
export function SalvageReport() {
  const store = useWorkspaceStore();
  const salvaged = useUi((s) => s.salvaged);
  if (!salvaged) return null;
  const { report, damaged_kept_at } = salvaged;
  const close = () => store.dismissSalvageReport();

  return (
    <Dialog
      title="What the salvage saved"
      onClose={close}
      testId="salvage-report"
      footer={
        <button type="button" className="primary" onClick={close}>
          Close
        </button>
      }
    >
      <p data-testid="salvage-summary">
        {report.saved.length === 1 ? "1 workspace was" : `${report.saved.length} workspaces were`} copied into the new library
        {report.lost.length > 0
          ? `; ${report.lost.length === 1 ? "1 could" : `${report.lost.length} could`} not be read.`
          : ", and none was lost."}
      </p>
      {report.saved.length > 0 && (
        <section className="salvage-report">
          <h3>Saved</h3>
          <ul data-testid="salvage-saved">
            {report.saved.map((w) => (
              <li key={w.new_slug}>
                {w.name}
                {w.new_slug !== w.old_slug && (
                  <span className="muted">
                    {" "}
                    (now {w.new_slug}, was {w.old_slug})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.lost.length > 0 && (
        <section className="salvage-report">
          <h3>Not saved</h3>
          <ul data-testid="salvage-lost">
            {report.lost.map((w) => (
              <li key={w.slug}>
                <strong>{w.name}</strong> <span className="muted">({w.slug})</span>: {w.reason}
              </li>
            ))}
          </ul>
          <p className="muted">An older backup may still hold them: Settings lists the library's backups.</p>
        </section>
      )}
      {damaged_kept_at && (
        <p className="muted salvage-report" data-testid="salvage-kept">
          The damaged file is kept at <code>{damaged_kept_at}</code>.
        </p>
      )}
    </Dialog>
  );
}
