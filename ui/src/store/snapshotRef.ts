/*
 * A state of a workspace is named as on the CLI: the workspace's slug for the workspace as
 * it is now, `SLUG@LABEL` for its snapshot `LABEL` (slugs never contain "@"). Read commands
 * take either; versions commands and every write take the plain slug.
 */

/** The slug of the workspace a state belongs to: `ws` for `ws` and for its snapshot `ws@label`. */
export function baseSlug(slug: string): string {
  const at = slug.indexOf("@");
  return at < 0 ? slug : slug.slice(0, at);
}

/** The label of the snapshot a state names (`ws@label` → `label`); null for the workspace as it is now. */
export function snapshotLabelOf(slug: string): string | null {
  const at = slug.indexOf("@");
  return at < 0 ? null : slug.slice(at + 1);
}

/** How read commands name the snapshot `label` of the workspace `slug`. */
export function snapshotSlug(slug: string, label: string): string {
  return `${baseSlug(slug)}@${label}`;
}
