import type { Layer, VersionChange, Workspace } from "../backend";
import { MarkBadges } from "../lens/MarkBadges";
import { useUi, useWorkspaceStore } from "../store/context";
import { changeMarks } from "./compareLens";
import { LAYER_TITLE, showValue } from "./format";

const ORDER: (Layer | "records")[] = ["vision", "narrative", "system", "touchpoint", "records"];

export const COLLECTION_WORD: Record<string, string> = {
  workspace: "workspace",
  stages: "stage",
  elements: "card",
  handoffs: "handoff",
  principles: "principle",
  readiness: "readiness session",
  layer_scores: "layer score",
  waivers: "waiver",
  metrics: "metric",
  readings: "reading",
  reviews: "review",
};

/** The changes grouped by layer of the stack (records without a layer last). */
export function groupByLayer(changes: VersionChange[]): { group: Layer | "records"; changes: VersionChange[] }[] {
  return ORDER.map((group) => ({ group, changes: changes.filter((c) => (c.layer ?? "records") === group) })).filter(
    (g) => g.changes.length > 0,
  );
}

type Ends = { from?: unknown; to?: unknown };

/**
 * How a change is named in the list: its name; a handoff (which has none) by the names of its
 * two ends, looked up in the workspace and among the removed cards.
 */
export function changeName(c: VersionChange, changes: VersionChange[], doc: Workspace | undefined): string {
  if (c.collection !== "handoffs") return c.name || c.id;
  const ends = ((c.after ?? c.before) as Ends | undefined) ?? doc?.handoffs.find((h) => h.id === c.id);
  if (!ends || typeof ends.from !== "string" || typeof ends.to !== "string") return c.id;
  const name = (id: string) =>
    doc?.elements.find((e) => e.id === id)?.name ?? changes.find((x) => x.collection === "elements" && x.id === id)?.name ?? id;
  return `${name(ends.from)} → ${name(ends.to)}`;
}

/**
 * Every change, grouped by layer; an entry that is in the workspace now selects its item
 * (cards and stages open on the stack, handoffs on the graph).
 */
export function ChangeList({ changes, selectable }: { changes: VersionChange[]; selectable: boolean }) {
  const store = useWorkspaceStore();
  const doc = useUi((s) => s.current?.doc);
  const select = (c: VersionChange) => {
    if (c.collection === "elements") {
      store.selectElement(c.id);
      window.location.hash = "#stack";
    } else if (c.collection === "stages") {
      store.selectStage(c.id);
      window.location.hash = "#stack";
    } else if (c.collection === "handoffs") {
      window.location.hash = "#graph";
    }
  };
  const canSelect = (c: VersionChange) => selectable && c.change !== "removed" && ["elements", "stages", "handoffs"].includes(c.collection);
  return (
    <div className="change-list" data-testid="change-list">
      {groupByLayer(changes).map(({ group, changes: items }) => (
        <section key={group} className="change-group" aria-label={group === "records" ? "Records" : `${LAYER_TITLE[group]} layer`}>
          <h3>
            {group === "records" ? "Records" : LAYER_TITLE[group]} <span className="muted">({items.length})</span>
          </h3>
          <ul>
            {items.map((c) => {
              const fields = Object.entries(c.fields ?? {});
              const title = (
                <>
                  <MarkBadges marks={changeMarks(c)} />
                  <span className="change-name">{changeName(c, changes, doc)}</span>
                  <span className="muted small"> {COLLECTION_WORD[c.collection] ?? c.collection}</span>
                </>
              );
              return (
                <li
                  key={`${c.collection}:${c.id}`}
                  className="change-entry"
                  data-testid="change-entry"
                  data-change={c.change}
                  data-id={c.id}
                >
                  {canSelect(c) ? (
                    <button type="button" className="change-select" onClick={() => select(c)} title="Show it in the view">
                      {title}
                    </button>
                  ) : (
                    <div className="change-select">{title}</div>
                  )}
                  {fields.length > 0 && (
                    <dl className="field-diff small">
                      {fields.map(([path, f]) => (
                        <div key={path}>
                          <dt className="mono">{path}</dt>
                          <dd>
                            <del>{showValue(f.before)}</del> → <ins>{showValue(f.after)}</ins>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
