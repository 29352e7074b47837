import type { ActivityToElement, Edit, Element, LogPreview, Replay, Workspace } from "../backend";
import { BackendError } from "../backend";

/** What the Rust preview says of a small CSV log with the usual column names. */
export function sampleLogPreview(): LogPreview {
  return {
    kind: "csv",
    header: ["case_id", "activity", "timestamp", "org:resource"],
    rows: [
      ["c1", "Visit website", "2026-03-02T09:00:00Z", "web"],
      ["c1", "Lead created", "2026-03-02T09:05:00Z", "ana"],
    ],
    case: "case_id",
    activity: "activity",
    timestamp: "timestamp",
    resource: "org:resource",
    channel: null,
  };
}

/** A replay that saw nothing: the double's default answer. */
export function emptyReplay(log: string): Replay {
  return {
    log,
    cases: 0,
    events: 0,
    transitions: 0,
    fitness: null,
    unmapped: [],
    pairs: [],
    report: { findings: [], summary: { error: 0, warning: 0, info: 0, waived: 0, due: 0, nothing_to_check: false } },
    examples: [],
    notes: [],
  };
}

/**
 * The edit `throughline_reality::alias_edit` makes: each activity added as an alias of its
 * element (unless the element already answers to it), one `put_element` per element, in
 * one batch; null when nothing is new.
 */
export function aliasEditOf(doc: Workspace, mappings: ActivityToElement[]): Edit | null {
  const changed: Element[] = [];
  for (const m of mappings) {
    const activity = m.activity.trim();
    let el = changed.find((e) => e.id === m.element);
    if (!el) {
      const found = doc.elements.find((e) => e.id === m.element);
      if (!found)
        throw new BackendError(
          "invalid_input",
          `no element "${m.element}" in this workspace to map "${activity}" to; pick one of its elements`,
        );
      el = structuredClone(found);
      changed.push(el);
    }
    const folded = activity.toLowerCase();
    const aliases = el.aliases ?? [];
    const known = el.id.toLowerCase() === folded || el.name.toLowerCase() === folded || aliases.some((a) => a.toLowerCase() === folded);
    if (!known) el.aliases = [...aliases, activity];
  }
  const edits: Edit[] = changed
    .filter((e) => JSON.stringify(doc.elements.find((d) => d.id === e.id)) !== JSON.stringify(e))
    .map((element) => ({ type: "put_element", element }));
  return edits.length ? { type: "batch", edits } : null;
}
