import { useState } from "react";
import { useUi, useWorkspaceStore } from "../store/context";
import { backupKind, backupMoment } from "./backupText";

/**
 * What the window shows when the library file is damaged: what happened, the newest good
 * backup and its date, and the two ways back (restore it, or salvage what can be read).
 * Nothing is deleted either way: the damaged file is kept aside under a dated name.
 */
export function RecoveryScreen() {
  const store = useWorkspaceStore();
  const recovery = useUi((s) => s.recovery);
  const error = useUi((s) => s.error);
  const [busy, setBusy] = useState<"restore" | "salvage" | null>(null);
  if (!recovery) return null;
  const { status } = recovery;
  const damage = status.damage;
  const newest = damage?.newest_good_backup ?? recovery.backups.find((b) => b.ok) ?? null;

  return (
    <main className="recovery" data-testid="recovery-screen" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Your library is damaged</h2>
      <p>
        Throughline could not read part of <code>{status.path}</code>, so it has not opened it and has changed nothing. This usually follows
        a disk fault or a crash while the file was being copied.
      </p>
      {damage && (
        <details>
          <summary>What the check found</summary>
          <p className="muted damage-detail" data-testid="damage-detail">
            {damage.detail}
          </p>
        </details>
      )}
      {error && (
        <p className="field-problem" role="alert">
          {error.message}
        </p>
      )}
      {newest ? (
        <section className="recovery-option">
          <h3>Restore the newest good backup</h3>
          <p data-testid="newest-backup">
            The newest backup that reads correctly was taken <strong>{backupMoment(newest.taken_at)}</strong> (
            {backupKind(newest.kind).toLowerCase()}
            ). Changes made after it will not be in the restored library.
          </p>
          <button
            type="button"
            className="primary"
            data-testid="restore-newest"
            disabled={busy !== null}
            onClick={async () => {
              setBusy("restore");
              await store.restoreBackup(newest.path);
              setBusy(null);
            }}
          >
            {busy === "restore" ? "Restoring…" : "Restore this backup"}
          </button>
        </section>
      ) : (
        <p data-testid="no-backup">There is no backup of this library that reads correctly.</p>
      )}
      <section className="recovery-option">
        <h3>Salvage what can be read</h3>
        <p>Copies every workspace that can still be read into a new library, which takes the damaged one's place.</p>
        <button
          type="button"
          className={newest ? undefined : "primary"}
          data-testid="salvage"
          disabled={busy !== null}
          onClick={async () => {
            setBusy("salvage");
            await store.salvageLibrary();
            setBusy(null);
          }}
        >
          {busy === "salvage" ? "Salvaging…" : "Salvage readable workspaces into a new library"}
        </button>
      </section>
      <p className="muted">
        Either way, the damaged file is kept beside the library under a name with today's date; Throughline never deletes it.
      </p>
    </main>
  );
}
