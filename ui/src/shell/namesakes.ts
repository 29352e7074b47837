import type { WorkspaceSummary } from "../backend";

/** Names as the library compares them: case and surrounding spaces do not count. */
function key(name: string): string {
  return name.trim().toLowerCase();
}

/** Whether another workspace in `all` has the same name as `w` (then the list shows its slug). */
export function sameName(w: WorkspaceSummary, all: WorkspaceSummary[]): boolean {
  return all.some((o) => o.slug !== w.slug && key(o.name) === key(w.name));
}

/** A workspace's last change (RFC 3339, UTC) as `2026-11-30 09:40 UTC`. */
export function lastChange(updatedAt: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(updatedAt);
  return m ? `${m[1]} ${m[2]}:${m[3]} UTC` : updatedAt;
}
