import {
  defaultRangeExtractor,
  measureElement,
  observeElementRect,
  type Range,
  useVirtualizer,
  type Virtualizer,
} from "@tanstack/react-virtual";
import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useState } from "react";
import type { Element as Item, Stage } from "../backend";
import type { Relation } from "./Card";
import { LaneBlock } from "./Lane";
import { type LaneRow, type LaneSpec, laneRows } from "./rows";

interface Props {
  lanes: LaneSpec[];
  stages: Stage[];
  unplaced: boolean;
  /** The scrolling board the lanes sit in. */
  scrollRef: RefObject<HTMLDivElement | null>;
  selected: string | null;
  relationOf: (id: string) => Relation;
  onSelect: (id: string) => void;
  teamOf: (e: Item) => string | null;
  ghosts?: ReadonlySet<string>;
}

/** A row's height before it is measured: a card of two lines and its gap. */
const ESTIMATE = 96;
/** Rows drawn beyond each edge of the screen, so Tab and quick scrolls find cards ready. */
const OVERSCAN = 4;
/**
 * A stack of at most this many rows draws every row: it costs little, and every card stays in
 * the page for screen readers, the window's own find and scrolling a card into view.
 */
const DRAW_ALL_ROWS = 60;

/**
 * Before the board has a height, the window's stands in, so the first screen of rows is
 * drawn rather than none; where nothing is laid out at all (a test's DOM without layout),
 * every row is drawn.
 */
const observeRect: typeof observeElementRect = (instance, cb) =>
  observeElementRect(instance, (rect) => {
    if (rect.height > 0) cb(rect);
    else cb({ width: rect.width, height: document.documentElement.clientHeight > 0 ? window.innerHeight : 1e9 });
  });

/** A row's drawn height; where nothing is laid out (a test's DOM), the estimate. */
const measureRow: typeof measureElement = (el, entry, instance) => measureElement(el, entry, instance) || ESTIMATE;

/**
 * The stack's lanes as one virtual list of card rows (@tanstack/react-virtual): only the rows
 * on screen, a few either side, and the selected card's rows are in the page, so a stack of
 * thousands of cards scrolls as lightly as a small one. Rows are measured as drawn; the rows
 * of one lane are drawn together under the lane's label, with its drop stripes behind them.
 */
export function StackLanes(props: Props) {
  const { lanes, stages, unplaced, scrollRef, selected, relationOf, onSelect, teamOf, ghosts } = props;
  const rows = useMemo(() => laneRows(lanes, stages, unplaced), [lanes, stages, unplaced]);
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const margin = useScrollMargin(list);
  const selectedRows = useMemo(
    () => (selected ? rows.flatMap((r, i) => (r.segments.some((s) => s.element.id === selected) ? [i] : [])) : []),
    [rows, selected],
  );
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      const extra = selectedRows.filter((i) => !shown.includes(i));
      return extra.length ? [...shown, ...extra].sort((a, b) => a - b) : shown;
    },
    [selectedRows],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    overscan: rows.length <= DRAW_ALL_ROWS ? rows.length : OVERSCAN,
    scrollMargin: margin,
    getItemKey: (i) => rows[i].key,
    observeElementRect: observeRect,
    measureElement: measureRow,
    // Scrolling redraws in React's next frame instead of inside every scroll event.
    useFlushSync: false,
    rangeExtractor,
  });
  useRevealSelected(virtualizer, selectedRows[0]);
  const items = virtualizer.getVirtualItems();
  const blocks = groupByLane(items, rows);
  return (
    <div ref={setList} className="lanes" data-testid="lanes" style={{ height: virtualizer.getTotalSize() }}>
      {blocks.map((b) => (
        <LaneBlock
          key={b.lane.laneKey}
          lane={b.lane}
          rows={b.rows}
          top={b.start - margin}
          stages={stages}
          unplaced={unplaced}
          relationOf={relationOf}
          onSelect={onSelect}
          teamOf={teamOf}
          ghosts={ghosts}
          measure={virtualizer.measureElement}
        />
      ))}
    </div>
  );
}

/** The shown rows, in runs of one lane each, with where each run starts. */
function groupByLane(items: { index: number; start: number }[], rows: LaneRow[]) {
  const blocks: { lane: LaneSpec; start: number; rows: { row: LaneRow; index: number }[] }[] = [];
  let prev = -2;
  for (const it of items) {
    const row = rows[it.index];
    if (!row) continue;
    const last = blocks.at(-1);
    if (last && last.lane === row.lane && it.index === prev + 1) last.rows.push({ row, index: it.index });
    else blocks.push({ lane: row.lane, start: it.start, rows: [{ row, index: it.index }] });
    prev = it.index;
  }
  return blocks;
}

/** How far the lanes start below the top of the scrolling board (the stage rows above them). */
function useScrollMargin(list: HTMLElement | null): number {
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    if (!list) return;
    const update = () => setMargin(list.offsetTop);
    update();
    const above = list.parentElement;
    if (!above || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(update);
    for (const child of Array.from(above.children)) if (child !== list) ro.observe(child);
    return () => ro.disconnect();
  }, [list]);
  return margin;
}

/** Scrolls a newly selected card's row into view when it is not wholly on screen. */
function useRevealSelected(virtualizer: Virtualizer<HTMLDivElement, Element>, row: number | undefined) {
  useEffect(() => {
    const el = virtualizer.scrollElement;
    if (row === undefined || !el || el.clientHeight === 0) return;
    const item = virtualizer.getVirtualItems().find((i) => i.index === row);
    const visible = item && item.start >= el.scrollTop && item.end <= el.scrollTop + el.clientHeight;
    if (!visible) virtualizer.scrollToIndex(row, { align: "auto" });
  }, [virtualizer, row]);
}
