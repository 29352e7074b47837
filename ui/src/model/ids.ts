/** Ids are slugs `^[a-z0-9][a-z0-9._-]*$`, at most 64 characters (see crates/model/src/ids.rs). */
const ID_MAX = 64;

/** A slug made from a display name: "Week 2: Support" -> "week-2-support". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, ID_MAX - 4)
    .replace(/-+$/, "");
  return slug;
}

/** A new id derived from `name`, with a numeric suffix when the slug is taken. */
export function uniqueId(name: string, taken: Iterable<string>, fallback = "item"): string {
  const used = new Set(taken);
  const base = slugify(name) || fallback;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
