import type { ReactNode } from "react";
import type { Element, Stage } from "../backend";
import type { LayerKey } from "../model/layers";
import { runsOf } from "./Lane";

/** One card segment laid on the stage columns: a run of neighbouring stages, or no stage. */
export interface Segment {
  element: Element;
  /** The stages this segment spans (empty: not on a stage). */
  run: string[];
  /** First column, from 0. */
  start: number;
  span: number;
  /** Tied to no stage: drawn under the whole journey. */
  anyStage?: boolean;
}

/** A lane of the stack: a layer's cards (or one channel's touchpoints). */
export interface LaneSpec {
  laneKey: string;
  layer: LayerKey;
  title: string;
  subtitle?: string;
  /** Set on touchpoint lanes: the channel a card dropped here takes (null: none). */
  channel?: string | null;
  elements: Element[];
  empty?: ReactNode;
}

/** One row of cards in a lane: what the virtual list measures and draws. */
export interface LaneRow {
  key: string;
  lane: LaneSpec;
  /** The row's place in its lane, from 0. */
  index: number;
  last: boolean;
  segments: Segment[];
}

/** The segments of an element: one per run of neighbouring stages, or one for no stage. */
export function segmentsOf(e: Element, stages: Stage[], unplaced: boolean): Segment[] {
  const n = stages.length;
  const runs = runsOf(e, stages);
  if (runs.length === 0 && e.kind !== "touchpoint" && n > 0) return [{ element: e, run: [], start: 0, span: n, anyStage: true }];
  if (runs.length === 0) return unplaced ? [{ element: e, run: [], start: n, span: 1 }] : [];
  return runs.map((r) => ({ element: e, run: r.ids, start: r.start, span: r.ids.length }));
}

/**
 * Packs segments into rows the way a dense grid does: each goes in the first row with its
 * columns free, in order, so a lane is as short as its busiest column allows.
 */
export function packRows(segments: Segment[], columns: number): Segment[][] {
  const rows: Segment[][] = [];
  const used: Uint8Array[] = [];
  // The first row that may still have room in each column: rows above it are full there.
  const firstFree = new Array<number>(columns).fill(0);
  for (const s of segments) {
    let r = firstFree[s.start] ?? 0;
    for (; r < rows.length; r++) {
      let free = true;
      for (let c = s.start; c < s.start + s.span && free; c++) free = used[r][c] === 0;
      if (free) break;
    }
    if (r === rows.length) {
      rows.push([]);
      used.push(new Uint8Array(columns));
    }
    rows[r].push(s);
    for (let c = s.start; c < s.start + s.span; c++) used[r][c] = 1;
    // Every row from the old first free one down to r was full in this column, and r is now.
    if (s.span === 1) firstFree[s.start] = r + 1;
  }
  return rows;
}

/** Every lane's rows, in order: the flat list the virtual list scrolls through. */
export function laneRows(lanes: LaneSpec[], stages: Stage[], unplaced: boolean): LaneRow[] {
  const columns = Math.max(stages.length, 1) + (unplaced ? 1 : 0);
  const out: LaneRow[] = [];
  for (const lane of lanes) {
    const segments = lane.elements.flatMap((e) => segmentsOf(e, stages, unplaced));
    const rows = segments.length > 0 ? packRows(segments, columns) : [[]];
    for (const [i, segs] of rows.entries()) {
      out.push({ key: `${lane.laneKey}#${i}`, lane, index: i, last: i === rows.length - 1, segments: segs });
    }
  }
  return out;
}
