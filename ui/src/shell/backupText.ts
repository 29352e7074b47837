import type { BackupInfo } from "../backend";

const KIND: Record<BackupInfo["kind"], string> = {
  daily: "Daily",
  manual: "Made by you",
  before_migration: "Before an update",
  before_restore: "Before a restore",
};

/** What kind of backup it is, in words. */
export function backupKind(kind: BackupInfo["kind"]): string {
  return KIND[kind];
}

/** `2026-11-30T09:40:12Z` as `2026-11-30 09:40 UTC`: the moment the backup's name records. */
export function backupMoment(takenAt: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(takenAt);
  return m ? `${m[1]} ${m[2]}:${m[3]} UTC` : takenAt;
}

/** A size in bytes as people read it: `512 bytes`, `48 KB`, `12.3 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return mb < 100 ? `${mb.toFixed(1)} MB` : `${Math.round(mb)} MB`;
}
