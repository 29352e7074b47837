import { describe, expect, it } from "vitest";
import type { Rect } from "./detail";
import {
  cardsReadable,
  centreOn,
  FIT_PADDING,
  fitViewport,
  freeArea,
  keepInView,
  PAN_SCREENS,
  READABLE_ZOOM,
  showViewport,
  textPx,
} from "./readable";

/** Where the graph box `b` lands on the canvas under viewport `v`. */
const onCanvas = (b: Rect, v: { x: number; y: number; zoom: number }): Rect => ({
  x: v.x + b.x * v.zoom,
  y: v.y + b.y * v.zoom,
  width: b.width * v.zoom,
  height: b.height * v.zoom,
});
const within = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-6 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-6;

// The graph canvas at 1280 × 800: the window less the findings panel and the toolbar.
const CANVAS: Rect = { x: 0, y: 0, width: 900, height: 690 };
const MINIMAP: Rect = { x: 900 - 12 - 170, y: 690 - 12 - 114, width: 170, height: 114 };
const CONTROLS: Rect = { x: 12, y: 690 - 12 - 90, width: 28, height: 90 };
const INSPECTOR: Rect = { x: 900 - 12 - 380, y: 12, width: 380, height: 690 - 24 };

describe("the readable zoom", () => {
  it("draws cards only where their smallest text is at least 10 pixels high", () => {
    expect(textPx(READABLE_ZOOM)).toBeCloseTo(10, 6);
    expect(cardsReadable(READABLE_ZOOM)).toBe(true);
    expect(cardsReadable(1)).toBe(true);
    expect(cardsReadable(READABLE_ZOOM - 0.01)).toBe(false);
    expect(textPx(0.5), "the old fitted view of the sample").toBe(6);
  });
});

describe("the visible part of the canvas", () => {
  it("is the whole canvas when nothing floats over it", () => {
    expect(freeArea(CANVAS, [])).toEqual(CANVAS);
  });

  it("leaves out the minimap and the zoom buttons, keeping the largest area", () => {
    const free = freeArea(CANVAS, [MINIMAP, CONTROLS]);
    for (const cover of [MINIMAP, CONTROLS]) {
      const apart =
        free.x >= cover.x + cover.width ||
        free.x + free.width <= cover.x ||
        free.y >= cover.y + cover.height ||
        free.y + free.height <= cover.y;
      expect(apart).toBe(true);
    }
    // Cutting the bottom strip (114 + 12 pixels) loses less than cutting both sides.
    expect(free).toEqual({ x: 0, y: 0, width: 900, height: MINIMAP.y });
  });

  it("with the inspector open is the part left of it", () => {
    const free = freeArea(CANVAS, [INSPECTOR, MINIMAP, CONTROLS]);
    expect(free.x + free.width).toBeLessThanOrEqual(INSPECTOR.x);
    expect(free.width).toBeGreaterThan(400);
    // The minimap sits in the inspector's column; the zoom buttons' narrow column is cut off.
    expect(free).toEqual({ x: CONTROLS.x + CONTROLS.width, y: 0, width: INSPECTOR.x - 40, height: CANVAS.height });
  });

  it("is the whole canvas when a cover hides all of it", () => {
    expect(freeArea(CANVAS, [{ x: -5, y: -5, width: 1000, height: 800 }])).toEqual(CANVAS);
  });
});

describe("zoom to fit", () => {
  const free: Rect = { x: 0, y: 0, width: 900, height: 560 };

  it("fits a graph whose cards are readable when it fits, centred in the visible area", () => {
    const bounds = { x: 100, y: 50, width: 700, height: 300 };
    const v = fitViewport(bounds, free);
    expect(v.zoom).toBe(1);
    expect(within(onCanvas(bounds, v), free)).toBe(true);
    const placed = onCanvas(bounds, v);
    expect(placed.x - free.x).toBeCloseTo(free.x + free.width - (placed.x + placed.width), 6);
  });

  it("never goes below the readable zoom for a graph a few screens big: it shows the start, the person pans", () => {
    // About the sample graph: 1,900 × 700 units.
    const bounds = { x: 0, y: 0, width: 1900, height: 700 };
    const v = fitViewport(bounds, free);
    expect(v.zoom).toBe(READABLE_ZOOM);
    const placed = onCanvas(bounds, v);
    expect(placed.x, "its start (left edge) in view").toBe(FIT_PADDING);
    expect(placed.y, "taller than the area: from its top").toBe(FIT_PADDING);
    const flat = onCanvas({ x: 0, y: 0, width: 1900, height: 300 }, fitViewport({ x: 0, y: 0, width: 1900, height: 300 }, free));
    expect(flat.y + flat.height / 2, "a flat graph centred vertically").toBeCloseTo(free.height / 2, 6);
  });

  it("shows a graph of many screens whole, which is drawn as the overview", () => {
    // 2,000 elements on the fallback grid: about 60 × 34 cells of 260 × 140 units.
    const bounds = { x: 0, y: 0, width: 15600, height: 4760 };
    const z = READABLE_ZOOM;
    expect((bounds.width * z * bounds.height * z) / (free.width * free.height)).toBeGreaterThan(PAN_SCREENS);
    const v = fitViewport(bounds, free);
    expect(cardsReadable(v.zoom)).toBe(false);
    const placed = onCanvas(bounds, v);
    expect(within(placed, free), "all of it in view, not a smudge in a corner").toBe(true);
    expect(placed.width, "as wide as the area allows").toBeCloseTo(free.width - 2 * FIT_PADDING, 6);
  });

  it("honours a visible area that does not start at the canvas's corner", () => {
    const shifted = { x: 40, y: 0, width: 860, height: 560 };
    const bounds = { x: 0, y: 0, width: 400, height: 200 };
    expect(within(onCanvas(bounds, fitViewport(bounds, shifted)), shifted)).toBe(true);
  });
});

describe("showing a selection", () => {
  const free: Rect = { x: 0, y: 0, width: 500, height: 560 };
  const card = { x: 3000, y: 1200, width: 220, height: 76 };

  it("centres it beside the inspector at the current zoom when that is readable", () => {
    const v = showViewport(card, free, 0.9);
    expect(v.zoom).toBe(0.9);
    const placed = onCanvas(card, v);
    expect(placed.x + placed.width / 2).toBeCloseTo(250, 6);
    expect(placed.y + placed.height / 2).toBeCloseTo(280, 6);
  });

  it("comes in to a readable zoom from the overview, and out only as far as that", () => {
    expect(showViewport(card, free, 0.1).zoom).toBe(1);
    const wide = { x: 0, y: 0, width: 2000, height: 76 };
    expect(showViewport(wide, free, 1).zoom, "never below readable, even if it does not fit").toBe(READABLE_ZOOM);
    expect(centreOn(card, free, 1)).toEqual(showViewport(card, free, 1));
  });
});

describe("keeping a clicked card in view", () => {
  const free: Rect = { x: 0, y: 0, width: 500, height: 560 };

  it("leaves a card that is in view where it is", () => {
    expect(keepInView({ x: 100, y: 100, width: 200, height: 70 }, free)).toEqual({ dx: 0, dy: 0 });
  });

  it("moves a card from under the inspector the least that shows it whole", () => {
    const { dx, dy } = keepInView({ x: 450, y: 100, width: 200, height: 70 }, free, 16);
    expect(dx).toBe(500 - 16 - 650);
    expect(dy).toBe(0);
    expect(keepInView({ x: -50, y: 540, width: 200, height: 70 }, free, 16)).toEqual({ dx: 66, dy: 560 - 16 - 610 });
  });
});
