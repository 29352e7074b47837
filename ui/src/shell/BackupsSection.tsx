import { useCallback, useEffect, useState } from "react";
import type { BackupInfo, LibraryStatus } from "../backend";
import { toBackendError } from "../backend";
import { useWorkspaceStore } from "../store/context";
import { ConfirmDialog } from "./ConfirmDialog";
import { backupKind, backupMoment, fileSize } from "./backupText";

/**
 * Settings' library section: where the library file and its backups live, every backup
 * (date, kind, size), "Back up now", and a Restore button per backup that asks first.
 */
export function BackupsSection({ onRestored }: { onRestored?: () => void }) {
  const store = useWorkspaceStore();
  const [status, setStatus] = useState<LibraryStatus | null>(null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const load = useCallback(async () => {
    try {
      const [s, b] = await Promise.all([store.libraryStatus(), store.listBackups()]);
      setStatus(s);
      setBackups(b);
      setProblem(null);
    } catch (e) {
      setProblem(toBackendError(e).message);
    }
  }, [store]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="backups" data-testid="backups-section" aria-labelledby="library-heading">
      <h3 id="library-heading">Library and backups</h3>
      {status?.path && (
        <p>
          Your workspaces live in <code data-testid="library-path">{status.path}</code>. Throughline backs it up once a day you use it, into{" "}
          <code data-testid="backups-folder">{status.backups_folder}</code>.
        </p>
      )}
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        data-testid="back-up-now"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await store.backUpNow();
          await load();
          setBusy(false);
        }}
      >
        {busy ? "Backing up…" : "Back up now"}
      </button>
      {backups && backups.length === 0 && <p className="muted">No backups yet.</p>}
      {backups && backups.length > 0 && (
        <table className="backup-list" data-testid="backup-list">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Kind</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="sr-only">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.path} data-testid="backup-row">
                <td>{backupMoment(b.taken_at)}</td>
                <td>{backupKind(b.kind)}</td>
                <td>{b.size === null ? "" : fileSize(b.size)}</td>
                <td>
                  {b.ok ? (
                    <button type="button" data-testid="restore-backup" onClick={() => setRestoring(b)}>
                      Restore
                    </button>
                  ) : (
                    <span className="muted" title={b.problem ?? undefined}>
                      Cannot be restored
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <ConfirmDialog
          title="Restore this backup?"
          confirmLabel="Restore"
          onClose={() => setRestoring(null)}
          onConfirm={() => {
            const path = restoring.path;
            void store.restoreBackup(path).then((outcome) => {
              if (outcome) onRestored?.();
            });
          }}
        >
          <p>
            Your library will be replaced by the backup taken {backupMoment(restoring.taken_at)}. Changes made since then will not be in it.
          </p>
          <p>The current library is backed up first and kept aside, so you can go back to it.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
