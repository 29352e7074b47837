import { useDroppable } from "@dnd-kit/core";
import { memo } from "react";
import type { Element, Stage } from "../backend";
import { Clamped } from "../components/Clamped";
import { Card, type Relation } from "./Card";
import type { LaneRow, LaneSpec } from "./rows";

/** Where a card dropped on this lane goes; `channel` is set on touchpoint sub-rows. */
export interface DropTarget {
  type: "lane";
  stageId: string | null;
  channel?: string | null;
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

interface BlockProps {
  lane: LaneSpec;
  /** The lane's rows the virtual list shows now, in order, with their index in the list. */
  rows: { row: LaneRow; index: number }[];
  /** Where the first of them starts, from the top of the lanes. */
  top: number;
  stages: Stage[];
  unplaced: boolean;
  relationOf: (id: string) => Relation;
  onSelect: (id: string) => void;
  /** The display name of an element's team (an actor element's name, or the free text). */
  teamOf?: (e: Element) => string | null;
  /** Ids of the cards a lens shows that are not in the workspace. */
  ghosts?: ReadonlySet<string>;
  /** Hands each row to the virtual list to measure. */
  measure: (node: HTMLElement | null) => void;
}

/**
 * The part of a layer's lane that is on screen: its label, drop stripes under every stage
 * column, and the rows of cards the virtual list shows (each row measured by it).
 */
export function LaneBlock(props: BlockProps) {
  const { lane, rows, top, stages, unplaced, relationOf, onSelect, teamOf, ghosts, measure } = props;
  const { laneKey, layer, title, subtitle, channel } = lane;
  const n = stages.length;
  const base = channel === undefined ? {} : { channel };
  const ends = rows.at(-1)?.row.last;
  return (
    <section
      className={`lane lane-block layer-${layer}${ends ? " is-end" : ""}`}
      aria-label={subtitle ? `${title}: ${subtitle}` : title}
      data-testid={`lane-${laneKey}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div className="lane-label">
        <span className="lane-title">{title}</span>
        {subtitle && <Clamped className="lane-subtitle" lines={2} text={subtitle} />}
      </div>
      <div className="lane-body">
        <div className="stripes tracks">
          {stages.map((s, i) => (
            <Stripe key={s.id} id={`${laneKey}|${s.id}`} data={{ type: "lane", stageId: s.id, ...base }} column={i + 1} label={s.name} />
          ))}
          {unplaced && <Stripe id={`${laneKey}|none`} data={{ type: "lane", stageId: null, ...base }} column={n + 1} label="No stage" />}
        </div>
        {rows.map(({ row, index }) => (
          <CardRow
            key={row.key}
            row={row}
            index={index}
            columns={Math.max(n, 1)}
            relationOf={relationOf}
            onSelect={onSelect}
            teamOf={teamOf}
            ghosts={ghosts}
            measure={measure}
          />
        ))}
      </div>
    </section>
  );
}

interface RowProps {
  row: LaneRow;
  /** The row's index in the virtual list. */
  index: number;
  columns: number;
  relationOf: (id: string) => Relation;
  onSelect: (id: string) => void;
  teamOf?: (e: Element) => string | null;
  ghosts?: ReadonlySet<string>;
  measure: (node: HTMLElement | null) => void;
}

/** One row of cards; drawn again only when what it shows changes, not on every scroll. */
const CardRow = memo(function CardRow({ row, index, columns, relationOf, onSelect, teamOf, ghosts, measure }: RowProps) {
  return (
    <div
      ref={measure}
      data-index={index}
      className={`cards tracks lane-row${row.index === 0 ? " is-first" : ""}${row.last ? " is-last" : ""}`}
    >
      {row.segments.map((s) => {
        const e = s.element;
        return (
          <Card
            key={`${e.id}@${s.run[0] ?? "none"}`}
            element={e}
            run={s.run}
            column={`${s.start + 1} / span ${s.span}`}
            relation={relationOf(e.id)}
            onSelect={onSelect}
            team={teamOf ? teamOf(e) : (e.team ?? null)}
            ghost={ghosts?.has(e.id)}
            anyStage={s.anyStage}
          />
        );
      })}
      {row.segments.length === 0 && row.lane.empty && (
        <div className="lane-empty" style={{ gridColumn: `1 / span ${columns}` }}>
          {row.lane.empty}
        </div>
      )}
    </div>
  );
});
