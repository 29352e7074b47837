/**
 * Ids are slugs `^[a-z0-9][a-z0-9._-]*$`, at most 64 characters. The rule is the model's
 * (`Id::slug_from` in crates/model/src/ids.rs); `testing/conformance.test.ts` checks this
 * port against the cases the Rust library writes, so a change on either side fails a test.
 */
const ID_MAX = 64;

/** A slug made from a display name: "Week 2: Support" -> "week-2-support"; "" when nothing is left. */
export function slugify(name: string): string {
  let base = "";
  for (const c of name.toLowerCase()) {
    if (/^[a-z0-9]$/.test(c)) base += c;
    else if (base !== "" && !base.endsWith("-")) base += "-";
  }
  return base
    .replace(/-+$/, "")
    .slice(0, ID_MAX - 4)
    .replace(/-+$/, "");
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
