import "./testSetup";
import { screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generatedWorkspace } from "../testing/fixtureBackend";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import {
  cardShown,
  clipSegment,
  countInView,
  curvePolyline,
  drawGraph,
  LARGE_GRAPH,
  nextDetail,
  OVERVIEW_ENTER,
  OVERVIEW_LEAVE,
  viewRect,
  withHidden,
  ZOOM_IN_TARGET,
  zoomInFrom,
  type Detail,
  type Pen,
  type Rect,
} from "./detail";
import type { ElementNode, HandoffEdge } from "./mapping";
import { curvePoint } from "./labelPlacement";
import { cardsReadable, MIN_TEXT_PX, READABLE_ZOOM, textPx } from "./readable";

/** `count` cards in a row, 300 units apart. */
function row(count: number): ElementNode[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    type: "element" as const,
    position: { x: i * 300, y: 0 },
    data: {
      name: `E${i}`,
      kind: "system" as const,
      team: null,
      channel: null,
      severity: null,
      open: 0,
      waived: 0,
      renaming: false,
      ghost: false,
    },
  }));
}

/** A view of the row showing cards `from` to `to - 1` whole. */
const showing = (from: number, to: number): Rect => ({ x: from * 300 - 10, y: -10, width: (to - from) * 300 - 60, height: 100 });

const START: Detail = { overview: false, cover: null };

describe("level of detail", () => {
  it("draws an overview when more cards are in view than can be read, with a gap before going back", () => {
    const nodes = row(1000);
    const wide = nextDetail(START, nodes, showing(0, 1000), 1);
    expect(wide).toEqual({ overview: true, cover: null });
    expect(nextDetail(wide, nodes, showing(0, 1000), 1), "unchanged, the same object").toBe(wide);

    const between = (OVERVIEW_LEAVE + OVERVIEW_ENTER) >> 1;
    expect(nextDetail(wide, nodes, showing(0, between), 1).overview, "still too many to leave").toBe(true);
    expect(nextDetail(START, nodes, showing(0, between), 1).overview, "too few to enter").toBe(false);

    const close = nextDetail(wide, nodes, showing(0, 40), 1);
    expect(close.overview).toBe(false);
    expect(close.cover!.width).toBeGreaterThan(showing(0, 40).width);
  });

  it("draws a large graph's overview wherever cards' text would be under 10 pixels, and keeps a small graph's cards", () => {
    const nodes = row(3);
    const view = showing(0, 3);
    expect(textPx(READABLE_ZOOM)).toBeCloseTo(MIN_TEXT_PX, 5);
    expect(MIN_TEXT_PX).toBe(10);
    expect(nextDetail(START, nodes, view, READABLE_ZOOM * 0.95, false)).toEqual({ overview: false, cover: null });
    expect(nextDetail(START, nodes, view, READABLE_ZOOM * 0.95, true).overview, "a large graph").toBe(true);
    const small = nextDetail(START, nodes, view, READABLE_ZOOM, false);
    expect(small, "a small graph at a readable zoom: every card, no cover").toEqual({ overview: false, cover: null });
    expect(nextDetail(small, nodes, view, 1, false), "unchanged, the same object").toBe(small);
    expect(nextDetail(START, nodes, view, READABLE_ZOOM, true).overview, "a few cards of a large graph at a readable zoom").toBe(false);
    // The zoom after "zoom to fit" on the sample at 1280 × 800 before this rule: text at 6 pixels.
    expect(cardsReadable(0.5)).toBe(false);
  });

  it("keeps the cards in the page while the view moves inside them, and moves them when it leaves", () => {
    const nodes = row(1000);
    const first = nextDetail(START, nodes, showing(100, 120), 1);
    expect(nextDetail(first, nodes, showing(101, 121), 1), "a small pan changes nothing").toBe(first);
    const moved = nextDetail(first, nodes, showing(200, 220), 1);
    expect(moved).not.toBe(first);
    expect(cardShown(moved, nodes[210])).toBe(true);
    expect(cardShown(moved, nodes[110])).toBe(false);
    expect(cardShown(moved, nodes[0])).toBe(false);
    expect(cardShown({ overview: true, cover: null }, nodes[210])).toBe(false);
    expect(cardShown(START, nodes[0]), "nothing is shown before the view is known").toBe(false);
  });

  it("counts what a viewport shows", () => {
    const nodes = row(100);
    // 3,000 pixels wide at zoom 0.5 show 6,000 units: 20 cards from x = 0.
    expect(countInView(nodes, viewRect([0, 0, 0.5], 3000, 200))).toBe(20);
    expect(countInView(nodes, viewRect([0, 0, 0.5], 3000, 200), 5)).toBe(5);
    expect(countInView(nodes, viewRect([0, 500, 1], 3000, 200)), "the view is above the row").toBe(0);
  });

  it("zooms in from the overview far enough to show cards", () => {
    expect(zoomInFrom(0.18, 2000)).toBeCloseTo(0.18 * Math.sqrt(2000 / ZOOM_IN_TARGET), 5);
    expect(ZOOM_IN_TARGET, "a click in the overview lands in the cards view").toBeLessThan(OVERVIEW_LEAVE);
    expect(zoomInFrom(0.3, 320), "at least twice as close, and readable").toBe(READABLE_ZOOM);
    expect(zoomInFrom(0.1, 100), "at least twice as close").toBe(READABLE_ZOOM);
    expect(zoomInFrom(0.45, 20), "at least twice as close").toBe(0.9);
    expect(zoomInFrom(0.5, 100000), "never past 1").toBe(1);
  });

  it("hides items by reusing the objects that did not change", () => {
    const nodes = row(4);
    const memo = new Map();
    const first = withHidden(nodes, (n) => n.id === "e1", memo);
    expect(first[0]).toBe(nodes[0]);
    expect(first[1]).toEqual({ ...nodes[1], hidden: true });
    const again = withHidden(nodes, (n) => n.id === "e1", memo);
    expect(again[1], "same hidden copy").toBe(first[1]);
    const shown = withHidden(nodes, () => false, memo);
    expect(shown[1]).toBe(nodes[1]);
    withHidden(nodes.slice(0, 2), () => true, memo);
    expect(memo.size, "forgets removed items").toBe(2);
  });
});

describe("clipping a handoff's line to the view", () => {
  const view = { x: 0, y: 0, width: 100, height: 100 };
  it("keeps a line inside, cuts one that crosses, drops one that misses", () => {
    expect(clipSegment(10, 10, 90, 90, view)).toEqual([10, 10, 90, 90]);
    expect(clipSegment(-100, 50, 200, 50, view)).toEqual([0, 50, 100, 50]);
    expect(clipSegment(50, -1000, 50, 1000, view)).toEqual([50, 0, 50, 100]);
    expect(clipSegment(-50, -50, -10, 500, view)).toBeNull();
    expect(clipSegment(200, 0, 300, 100, view)).toBeNull();
  });
});

/** A pen that records what was drawn. */
function recorder() {
  const calls: string[] = [];
  const pen = {
    fillStyle: "",
    strokeStyle: "",
    lineWidth: 1,
    globalAlpha: 1,
    setTransform: () => calls.push("setTransform"),
    clearRect: () => calls.push("clearRect"),
    beginPath: () => calls.push("beginPath"),
    moveTo: () => calls.push("moveTo"),
    lineTo: () => calls.push("lineTo"),
    stroke: () => calls.push("stroke"),
    fillRect: () => calls.push("fillRect"),
    strokeRect: () => calls.push("strokeRect"),
    setLineDash: (d: number[]) => calls.push(d.length > 0 ? "dashed" : "solid"),
  } as unknown as Pen;
  const count = (name: string) => calls.filter((c) => c === name).length;
  return { pen, count };
}

const edge = (id: string, source: string, target: string, severity: "error" | "warning" | null = null): HandoffEdge => ({
  id,
  source,
  target,
  type: "handoff",
  data: {
    label: "",
    carries: 0,
    invariant: 0,
    mode: "typed",
    trigger: "always",
    gate: false,
    severity,
    open: severity ? 1 : 0,
    waived: 0,
    ghost: false,
  },
});

describe("far handoffs among cards", () => {
  it("are drawn as the cards' curves, cut to the view, not as straight lines", () => {
    // Two cards one above the other's right: a straight line would be one piece.
    const nodes = [row(1)[0], { ...row(1)[0], id: "b", position: { x: 600, y: 400 } }];
    const { pen, count } = recorder();
    drawGraph(pen, nodes, [edge("far", "e0", "b")], { x: -100, y: -100, width: 1200, height: 800 }, 1, new Set(), false);
    expect(count("moveTo"), "one line").toBe(1);
    expect(count("lineTo"), "of many pieces, following the curve").toBeGreaterThan(8);
    const pts = curvePolyline(220, 38, 600, 438);
    expect(pts.slice(0, 2)).toEqual([220, 38]);
    expect(pts.slice(-2)).toEqual([600, 438]);
    const [mx, my] = [pts[12], pts[13]];
    expect([mx, my], "its middle is where React Flow puts the label").toEqual(curvePoint(220, 38, 600, 438, 0.5));
    const { pen: cut, count: cutCount } = recorder();
    drawGraph(cut, nodes, [edge("far", "e0", "b")], { x: 1000, y: 1000, width: 100, height: 100 }, 1, new Set(), false);
    expect(cutCount("lineTo"), "nothing of it in view, nothing drawn").toBe(0);
  });
});

describe("the overview drawing", () => {
  it("draws every card in view as a block and every handoff as a line, in short paths", () => {
    const nodes = row(10);
    const edges = Array.from({ length: 100 }, (_, i) => edge(`h${i}`, `e${i % 10}`, `e${(i + 3) % 10}`, i < 5 ? "error" : null));
    const { pen, count } = recorder();
    drawGraph(pen, nodes, edges, { x: -100, y: -100, width: 4000, height: 400 }, 0.3, new Set(["e2"]));
    expect(count("fillRect")).toBe(10);
    expect(count("moveTo")).toBe(100);
    expect(count("stroke"), "95 grey lines in 3 paths of at most 32, 5 red in one").toBe(4);
    expect(count("strokeRect"), "the selected card is outlined").toBe(1);
  });

  it("shows severity by shape as well as colour: dashed warning lines, crossed and struck blocks", () => {
    const nodes = row(4).map((n, i) => ({ ...n, data: { ...n.data, severity: ([null, "error", "warning", "info"] as const)[i] } }));
    const { pen, count } = recorder();
    drawGraph(
      pen,
      nodes,
      [edge("plain", "e0", "e1"), edge("w", "e0", "e1", "warning"), edge("bad", "e1", "e2", "error")],
      { x: -100, y: -100, width: 2000, height: 400 },
      0.3,
      new Set(),
    );
    expect(count("dashed"), "only the warnings' lines").toBe(1);
    expect(count("moveTo"), "3 handoffs, 2 lines crossing the error's block, 1 striking the warning's").toBe(6);
    expect(count("fillRect")).toBe(4);

    const small = recorder();
    drawGraph(small.pen, nodes, [], { x: -100, y: -100, width: 2000, height: 400 }, 0.01, new Set(), true, false);
    expect(small.count("moveTo"), "no marks on a minimap").toBe(0);
  });

  it("under cards draws lines only, and only those that cross the view", () => {
    const nodes = row(10);
    const edges = [edge("near", "e0", "e1", "warning"), edge("far", "e8", "e9")];
    const { pen, count } = recorder();
    drawGraph(pen, nodes, edges, { x: 0, y: 0, width: 600, height: 100 }, 1, new Set(), false);
    expect(count("fillRect")).toBe(0);
    expect(count("moveTo")).toBe(1);
    expect(count("dashed"), "among cards a dashed line means a conditional handoff, not a warning").toBe(0);
  });
});

describe("a large graph in the editor", () => {
  beforeEach(() => {
    window.location.hash = "#graph";
  });
  afterEach(() => {
    window.location.hash = "";
  });

  it("puts only the cards near the view in the page, draws the other handoffs, and has its own minimap", async () => {
    const doc = generatedWorkspace(LARGE_GRAPH + 100);
    const backend = new MemoryBackend([doc]);
    await renderApp(backend);
    await waitFor(() => expect(screen.getByTestId("graph-minimap")).toBeInTheDocument());
    expect(document.querySelector(".react-flow__minimap"), "the built-in minimap would show only the cards in the page").toBeNull();
    // jsdom's view is 200 × 60 pixels: a card or two, not 400.
    await waitFor(() => expect(screen.getAllByTestId("graph-node").length).toBeGreaterThan(0));
    expect(screen.getAllByTestId("graph-node").length).toBeLessThanOrEqual(20);
    expect(screen.queryAllByTestId("graph-edge").length).toBeLessThan(100);
    expect(screen.getByTestId("graph-far-edges"), "handoffs to cards not in the page are drawn").toBeInTheDocument();
  });

  it("leaves a small graph at a readable zoom all cards, with the minimap of every element", async () => {
    const doc = generatedWorkspace(12);
    await renderApp(new MemoryBackend([doc]));
    await waitFor(() => expect(screen.getAllByTestId("graph-node")).toHaveLength(12));
    expect(screen.getByTestId("graph-minimap"), "the built-in one leaves out hidden cards").toBeInTheDocument();
    expect(screen.queryByTestId("graph-far-edges"), "every handoff of a small graph is a curve").toBeNull();
    expect(screen.queryByTestId("graph-overview")).toBeNull();
  });
});
