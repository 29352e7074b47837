import { useDroppable } from "@dnd-kit/core";
import type { ReactNode } from "react";
import type { Element, Stage } from "../backend";
import type { LayerKey } from "../model/layers";
import { Card, type Relation } from "./Card";

/** Where a card dropped on this lane goes; `channel` is set on touchpoint sub-rows. */
export interface DropTarget {
  type: "lane";
  stageId: string | null;
  channel?: string | null;
}

interface Props {
  laneKey: string;
  layer: LayerKey;
  title: string;
  subtitle?: string;
  elements: Element[];
  stages: Stage[];
  unplaced: boolean;
  channel?: string | null;
  relationOf: (id: string) => Relation;
  onSelect: (id: string) => void;
  /** The display name of an element's team (an actor element's name, or the free text). */
  teamOf?: (e: Element) => string | null;
  /** Ids of the cards a lens shows that are not in the workspace. */
  ghosts?: ReadonlySet<string>;
  empty?: ReactNode;
}

/** Splits an element's stages into runs of neighbouring columns: one card segment each. */
export function runsOf(element: Element, stages: Stage[]): { start: number; ids: string[] }[] {
  const idx = (element.stages ?? [])
    .map((s) => stages.findIndex((st) => st.id === s))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
  const runs: { start: number; ids: string[] }[] = [];
  for (const i of idx) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.ids.length === i) last.ids.push(stages[i].id);
    else runs.push({ start: i, ids: [stages[i].id] });
  }
  return runs;
}

function Stripe({ id, data, column, label }: { id: string; data: DropTarget; column: number; label: string }) {
  const { setNodeRef, isOver } = useDroppable({ id, data });
  return (
    <div ref={setNodeRef} className={`stripe${isOver ? " is-over" : ""}`} style={{ gridColumn: column }} aria-hidden="true" title={label} />
  );
}

/** A layer's lane: a label, then the cards laid over the stage columns. */
export function Lane(props: Props) {
  const { laneKey, layer, title, subtitle, elements, stages, unplaced, channel, relationOf, onSelect, teamOf, ghosts, empty } = props;
  const n = stages.length;
  const cards: ReactNode[] = [];
  for (const e of elements) {
    const runs = runsOf(e, stages);
    const team = teamOf ? teamOf(e) : (e.team ?? null);
    if (runs.length === 0 && e.kind !== "touchpoint" && n > 0) {
      // Backbone elements tied to no stage sit under the whole journey.
      cards.push(
        <Card
          key={`${e.id}@none`}
          element={e}
          run={[]}
          column={`1 / span ${n}`}
          relation={relationOf(e.id)}
          onSelect={onSelect}
          team={team}
          ghost={ghosts?.has(e.id)}
          anyStage
        />,
      );
    } else if (runs.length === 0 && unplaced) {
      cards.push(
        <Card
          key={`${e.id}@none`}
          element={e}
          run={[]}
          column={`${n + 1}`}
          relation={relationOf(e.id)}
          onSelect={onSelect}
          ghost={ghosts?.has(e.id)}
          team={team}
        />,
      );
    }
    for (const r of runs) {
      cards.push(
        <Card
          key={`${e.id}@${r.ids[0]}`}
          element={e}
          run={r.ids}
          column={`${r.start + 1} / span ${r.ids.length}`}
          relation={relationOf(e.id)}
          onSelect={onSelect}
          team={team}
          ghost={ghosts?.has(e.id)}
        />,
      );
    }
  }
  const base = channel === undefined ? {} : { channel };
  return (
    <section className={`lane layer-${layer}`} aria-label={subtitle ? `${title}: ${subtitle}` : title} data-testid={`lane-${laneKey}`}>
      <div className="lane-label">
        <span className="lane-title">{title}</span>
        {subtitle && <span className="lane-subtitle">{subtitle}</span>}
      </div>
      <div className="lane-body">
        <div className="stripes tracks">
          {stages.map((s, i) => (
            <Stripe key={s.id} id={`${laneKey}|${s.id}`} data={{ type: "lane", stageId: s.id, ...base }} column={i + 1} label={s.name} />
          ))}
          {unplaced && <Stripe id={`${laneKey}|none`} data={{ type: "lane", stageId: null, ...base }} column={n + 1} label="No stage" />}
        </div>
        <div className="cards tracks">
          {cards}
          {cards.length === 0 && empty && (
            <div className="lane-empty" style={{ gridColumn: `1 / span ${n}` }}>
              {empty}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
