import type {
  Comparison,
  EntityKind,
  FieldChange,
  FindingChange,
  ItemChangeKind,
  JsonValue,
  Layer,
  Report,
  VersionChange,
  Workspace,
} from "../backend";

/*
 * The test double's comparison of two workspace states: a small port of
 * `throughline_versions::changes` (items added, removed, changed field by field, moved) for
 * the component tests. Findings come from the double's canned audit; readiness is not
 * computed (the double computes no statistics).
 */

type Item = Record<string, unknown>;

interface Collection {
  name: string;
  kind: EntityKind;
  items: (ws: Workspace) => Item[];
  key: (item: Item) => string;
  layer: (item: Item) => Layer | null;
  ordered: boolean;
}

const byId = (item: Item) => String(item.id);
const SYSTEM_KINDS = new Set(["system", "rule", "team", "person", "partner"]);

/** The collections of a workspace in document order, as the library visits them. */
export const COLLECTIONS: Collection[] = [
  {
    name: "workspace",
    kind: "info",
    items: (ws) => [ws.workspace as unknown as Item],
    key: () => "workspace",
    layer: () => "vision",
    ordered: false,
  },
  { name: "stages", kind: "stage", items: (ws) => ws.stages as unknown as Item[], key: byId, layer: () => "narrative", ordered: true },
  {
    name: "elements",
    kind: "element",
    items: (ws) => ws.elements as unknown as Item[],
    key: byId,
    layer: (e) => (SYSTEM_KINDS.has(String(e.kind)) ? "system" : "touchpoint"),
    ordered: false,
  },
  { name: "handoffs", kind: "handoff", items: (ws) => ws.handoffs as unknown as Item[], key: byId, layer: () => "system", ordered: false },
  {
    name: "principles",
    kind: "principle",
    items: (ws) => ws.principles as unknown as Item[],
    key: byId,
    layer: () => "vision",
    ordered: true,
  },
  { name: "readiness", kind: "session", items: (ws) => ws.readiness as unknown as Item[], key: byId, layer: () => null, ordered: false },
  {
    name: "layer_scores",
    kind: "layer_score",
    items: (ws) => ws.layer_scores as unknown as Item[],
    key: (s) => `${s.layer}@${s.date}`,
    layer: () => null,
    ordered: false,
  },
  {
    name: "waivers",
    kind: "waiver",
    items: (ws) => ws.waivers as unknown as Item[],
    key: (w) => `${w.code}|${w.subject}`,
    layer: () => null,
    ordered: false,
  },
];

/** An item's name as people know it. */
export function itemName(value: unknown): string {
  if (!value || typeof value !== "object") return "";
  const v = value as Item;
  return typeof v.name === "string" ? v.name : typeof v.text === "string" ? v.text : "";
}

const isObject = (v: unknown): v is Item => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every field that differs, by dotted path; arrays compare whole; absent and null are the same. */
export function fieldChanges(
  before: unknown,
  after: unknown,
  prefix = "",
  out: Record<string, FieldChange> = {},
): Record<string, FieldChange> {
  if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return out;
  const b = before ?? null;
  const a = after ?? null;
  if ((isObject(b) || b === null) && (isObject(a) || a === null) && (isObject(a) || isObject(b))) {
    const keys = new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]);
    for (const k of [...keys].sort()) fieldChanges((b as Item | null)?.[k], (a as Item | null)?.[k], prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  out[prefix] = { before: b as JsonValue, after: a as JsonValue };
  return out;
}

/** Keys of the items whose order among the common items changed (all but a longest kept run). */
function movedKeys(old: string[], next: Map<string, number>): Set<string> {
  const common = old.filter((k) => next.has(k));
  const positions = common.map((k) => next.get(k) ?? 0);
  // Longest increasing subsequence, O(n²): the double sees small workspaces.
  const best = positions.map(() => 1);
  const prev = positions.map(() => -1);
  for (let i = 0; i < positions.length; i++) {
    for (let j = 0; j < i; j++) {
      if (positions[j] < positions[i] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        prev[i] = j;
      }
    }
  }
  const keep = new Set<number>();
  let at = best.length ? best.indexOf(Math.max(...best)) : -1;
  while (at >= 0) {
    keep.add(at);
    at = prev[at];
  }
  return new Set(common.filter((_, i) => !keep.has(i)));
}

/** The item-level changes from `a` to `b`. */
export function changes(a: Workspace, b: Workspace): VersionChange[] {
  const out: VersionChange[] = [];
  for (const c of COLLECTIONS) {
    const olds = c.items(a) ?? [];
    const news = c.items(b) ?? [];
    const old = new Map(olds.map((x, i) => [c.key(x), { i, x }]));
    const next = new Map(news.map((x, j) => [c.key(x), j]));
    const moved = c.ordered ? movedKeys([...old.keys()], next) : new Set<string>();
    const entry = (item: Item, key: string, change: ItemChangeKind): VersionChange => ({
      collection: c.name,
      id: key,
      change,
      name: itemName(item),
      layer: c.layer(item),
    });
    news.forEach((item, j) => {
      const key = c.key(item);
      const was = old.get(key);
      if (!was) {
        out.push({ ...entry(item, key, "added"), after: item as JsonValue });
        return;
      }
      const position = moved.has(key) ? { before: was.i, after: j } : undefined;
      const fields = fieldChanges(was.x, item);
      if (Object.keys(fields).length > 0) out.push({ ...entry(item, key, "changed"), fields, ...(position ? { position } : {}) });
      else if (position) out.push({ ...entry(item, key, "moved"), position });
    });
    let kept = 0;
    olds.forEach((item, i) => {
      const key = c.key(item);
      if (next.has(key)) {
        kept += 1;
        return;
      }
      const position = c.ordered ? { position: { before: i, after: kept } } : {};
      out.push({ ...entry(item, key, "removed"), before: item as JsonValue, ...position });
    });
  }
  return out;
}

function findingChanges(report: Report, except: Report): FindingChange[] {
  const seen = new Set(except.findings.map((f) => `${f.code}|${f.key}`));
  return report.findings
    .filter((f) => !seen.has(`${f.code}|${f.key}`))
    .map((f) => ({
      code: f.code,
      key: f.key,
      severity: f.severity,
      waived: f.waived !== null,
      layer: f.layer ?? null,
      message: f.message,
    }));
}

/** The comparison of `a` (older) with `b` (newer); `audit` is the double's canned audit. */
export function compareDocs(a: Workspace, b: Workspace, from: string, to: string, audit: (doc: Workspace) => Report): Comparison {
  const ra = audit(a);
  const rb = audit(b);
  return {
    from,
    to,
    changes: changes(a, b),
    findings: { introduced: findingChanges(rb, ra), resolved: findingChanges(ra, rb) },
    readiness: {
      before: null,
      after: null,
      layers: (["vision", "narrative", "system", "touchpoint"] as Layer[]).map((layer) => ({ layer, before: null, after: null })),
    },
  };
}
