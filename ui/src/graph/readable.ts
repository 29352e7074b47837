// Where the graph may be looked at, and how close. A card whose text is a smudge helps nobody,
// so cards are drawn only at zooms where their text is readable; further out the canvas draws
// the overview instead (see `detail.ts`). And the part of the canvas a person can see is the
// canvas less what floats over it (the inspector, the minimap, the zoom buttons): fitting and
// bringing a selection into view use that part, never the whole canvas.
import type { Rect } from "./detail";

/** Text smaller than this many screen pixels is not readable from a projector or a laptop. */
export const MIN_TEXT_PX = 10;
/**
 * The smallest running text on a card and on a handoff's label at zoom 1, in CSS pixels
 * (graph.css: `.gnode-meta`, `.glabel`; a card's name is larger, 14 px).
 */
export const CARD_TEXT_PX = 12;
/** The furthest-out zoom at which cards are drawn: below it their text is under `MIN_TEXT_PX`. */
export const READABLE_ZOOM = MIN_TEXT_PX / CARD_TEXT_PX;
/** The closest zoom "zoom to fit" and "show the selection" go to. */
export const FIT_MAX_ZOOM = 1;
/** Room kept between the graph and the edges of the visible area when fitting, in pixels. */
export const FIT_PADDING = 24;
/**
 * When the whole graph at a readable zoom would cover more than this many visible areas,
 * "zoom to fit" shows all of it as the overview; otherwise it shows readable cards from the
 * start of the flow (its left) and the person pans to see the rest.
 */
export const PAN_SCREENS = 4;

/** How tall a card's smallest text is on the screen at `zoom`. */
export function textPx(zoom: number): number {
  return zoom * CARD_TEXT_PX;
}

/** Whether cards may be drawn at `zoom` (their text at least `MIN_TEXT_PX`). */
export function cardsReadable(zoom: number): boolean {
  return zoom >= READABLE_ZOOM - 1e-6;
}

/** A React Flow viewport: the graph point (0, 0) sits at canvas pixel (x, y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

const area = (r: Rect) => Math.max(0, r.width) * Math.max(0, r.height);

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The four ways to move `r`'s edges so that it no longer overlaps `ob`. */
function cuts(r: Rect, ob: Rect): Rect[] {
  const right = r.x + r.width;
  const bottom = r.y + r.height;
  const obRight = ob.x + ob.width;
  const obBottom = ob.y + ob.height;
  return [
    { x: obRight, y: r.y, width: right - obRight, height: r.height },
    { x: r.x, y: r.y, width: ob.x - r.x, height: r.height },
    { x: r.x, y: obBottom, width: r.width, height: bottom - obBottom },
    { x: r.x, y: r.y, width: r.width, height: ob.y - r.y },
  ];
}

/**
 * The largest rectangle of `canvas` that none of `covers` (panels floating over it, in the
 * same coordinates) overlaps, found by cutting each cover off one side. With nothing left
 * (a cover over all of it) it is the whole canvas: better a covered view than none.
 */
export function freeArea(canvas: Rect, covers: readonly Rect[]): Rect {
  let best: Rect | null = null;
  const walk = (r: Rect, rest: readonly Rect[]) => {
    if (area(r) <= 0) return;
    const [first, ...others] = rest;
    if (!first) {
      if (!best || area(r) > area(best)) best = r;
      return;
    }
    if (!intersects(r, first)) return walk(r, others);
    for (const c of cuts(r, first)) walk(c, others);
  };
  walk(canvas, covers);
  return best ?? canvas;
}

/** The viewport that shows `bounds` (graph units) at `zoom`, centred in `free` (canvas pixels). */
export function centreOn(bounds: Rect, free: Rect, zoom: number): Viewport {
  return {
    x: free.x + (free.width - bounds.width * zoom) / 2 - bounds.x * zoom,
    y: free.y + (free.height - bounds.height * zoom) / 2 - bounds.y * zoom,
    zoom,
  };
}

/** The zoom at which `bounds` fits `free` with `FIT_PADDING` around it, at most `FIT_MAX_ZOOM`. */
export function zoomToFit(bounds: Rect, free: Rect): number {
  const w = Math.max(free.width - 2 * FIT_PADDING, 1) / Math.max(bounds.width, 1);
  const h = Math.max(free.height - 2 * FIT_PADDING, 1) / Math.max(bounds.height, 1);
  return Math.min(w, h, FIT_MAX_ZOOM);
}

/**
 * "Zoom to fit": the whole graph in the visible area when its cards are readable there. When
 * they are not, a graph that would take more than `PAN_SCREENS` visible areas at a readable
 * zoom is fitted whole and so drawn as the overview; a smaller one is shown at the readable
 * zoom from its start (left edge; centred vertically when it fits, else from its top).
 */
export function fitViewport(bounds: Rect, free: Rect): Viewport {
  const zoom = zoomToFit(bounds, free);
  if (cardsReadable(zoom)) return centreOn(bounds, free, zoom);
  const z = READABLE_ZOOM;
  const screens = (bounds.width * z * bounds.height * z) / Math.max(area(free), 1);
  if (screens > PAN_SCREENS) return centreOn(bounds, free, zoom);
  const tall = bounds.height * z > free.height - 2 * FIT_PADDING;
  return {
    x: free.x + FIT_PADDING - bounds.x * z,
    y: tall ? free.y + FIT_PADDING - bounds.y * z : free.y + (free.height - bounds.height * z) / 2 - bounds.y * z,
    zoom: z,
  };
}

/**
 * Showing a selection (from search, a finding, a list): centred in the visible area, at the
 * current zoom when that is readable and shows it whole, else the closest zoom that does but
 * never below the readable one.
 */
export function showViewport(bounds: Rect, free: Rect, current: number): Viewport {
  const fits = zoomToFit(bounds, free);
  const wanted = cardsReadable(current) ? Math.min(current, fits) : fits;
  return centreOn(bounds, free, Math.max(READABLE_ZOOM, wanted));
}

/**
 * The smallest move of the view that brings `item` (canvas pixels) inside `free` with
 * `margin` around it, as the pixels to add to the viewport's x and y; zero when it is inside.
 * An item larger than the area is aligned with its top left corner.
 */
export function keepInView(item: Rect, free: Rect, margin = 16): { dx: number; dy: number } {
  const axis = (start: number, size: number, from: number, room: number) => {
    const lo = from + margin;
    const hi = from + room - margin;
    if (size > hi - lo || start < lo) return lo - start;
    if (start + size > hi) return hi - (start + size);
    return 0;
  };
  return { dx: axis(item.x, item.width, free.x, free.width), dy: axis(item.y, item.height, free.y, free.height) };
}
