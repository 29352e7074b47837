import "./testSetup";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import { NODE_SIZE } from "./mapping";
import { cardsReadable } from "./readable";

// jsdom lays nothing out: give the canvas the size it has in a 1280 × 800 window, and the
// inspector its place on the canvas's right.
const CANVAS = { left: 0, top: 100, width: 900, height: 690 };
const INSPECTOR = { left: 900 - 12 - 380, top: 112, width: 380, height: 690 - 24 };
/** The minimap in the canvas's bottom right corner (React Flow's panel margin, 15 pixels). */
const MINIMAP = { left: 900 - 15 - 170, top: 100 + 690 - 15 - 114, width: 170, height: 114 };
const box = (r: { left: number; top: number; width: number; height: number }) =>
  ({ ...r, x: r.left, y: r.top, right: r.left + r.width, bottom: r.top + r.height, toJSON: () => r }) as DOMRect;

/** The viewport React Flow shows once its animation has settled: `[x, y, zoom]`. */
function viewport(): [number, number, number] {
  const t = (document.querySelector(".react-flow__viewport") as HTMLElement).style.transform;
  const m = t.match(/translate\((-?[\d.e-]+)px, ?(-?[\d.e-]+)px\) scale\(([\d.e-]+)\)/);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 1];
}

describe("the view of the graph", () => {
  const original = HTMLElement.prototype.getBoundingClientRect;
  beforeEach(() => {
    window.location.hash = "#graph";
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      if (this.classList.contains("graph-canvas")) return box(CANVAS);
      if (this.classList.contains("graph-inspector")) return box(INSPECTOR);
      if (this.classList.contains("graph-minimap-box")) return box(MINIMAP);
      return original.call(this);
    };
  });
  afterEach(() => {
    window.location.hash = "";
    HTMLElement.prototype.getBoundingClientRect = original;
  });

  it("opens fitted at a readable zoom, and a card found by search lands beside the inspector, not under it", async () => {
    // Every card on one row, 300 units apart: the graph is wider than the canvas at a readable zoom.
    const doc = nexusFlow();
    const b = new MemoryBackend([doc]);
    const slug = (await b.listWorkspaces())[0].slug;
    const x = new Map(doc.elements.map((e, i) => [e.id, i * 300]));
    b.layouts.set(
      slug,
      doc.elements.map((e) => ({ id: e.id, x: x.get(e.id)!, y: 0 })),
    );
    const { user } = await renderApp(b);
    await waitFor(() => expect(screen.getAllByTestId("graph-node").length).toBeGreaterThan(0));
    await waitFor(() => expect(viewport()[2]).not.toBe(1));
    expect(cardsReadable(viewport()[2]), "the first view's cards are readable").toBe(true);
    expect(screen.queryByTestId("graph-overview")).toBeNull();

    await user.type(screen.getByTestId("graph-search"), "Product website{Enter}");
    await screen.findByTestId("inspector");
    const id = doc.elements.find((e) => e.name === "Product website")!.id;
    const at = () => {
      const [vx, , zoom] = viewport();
      return { left: vx + x.get(id)! * zoom, zoom };
    };
    await waitFor(() => {
      const { left, zoom } = at();
      expect(left + NODE_SIZE.width * zoom, "left of the inspector").toBeLessThanOrEqual(INSPECTOR.left);
      expect(left).toBeGreaterThanOrEqual(0);
    });
    expect(cardsReadable(at().zoom)).toBe(true);
  });

  it("opens fitted with no card under the minimap in the corner", async () => {
    // Sixteen cards in a 4 × 4 grid: fitted into the whole canvas, the bottom right card would
    // reach under the minimap; fitted into the canvas less the minimap, it stays clear of it.
    const doc = nexusFlow();
    const b = new MemoryBackend([doc]);
    const slug = (await b.listWorkspaces())[0].slug;
    const at = new Map(doc.elements.map((e, i) => [e.id, { x: (i % 4) * 260, y: Math.floor(i / 4) * 160 }]));
    b.layouts.set(
      slug,
      doc.elements.map((e) => ({ id: e.id, ...at.get(e.id)! })),
    );
    await renderApp(b);
    await waitFor(() => expect(screen.getAllByTestId("graph-node").length).toBeGreaterThan(0));
    await waitFor(() => expect(viewport()[2]).not.toBe(1));
    const [vx, vy, zoom] = viewport();
    expect(cardsReadable(zoom), "the cards are readable").toBe(true);
    const map = { x: MINIMAP.left - CANVAS.left, y: MINIMAP.top - CANVAS.top, width: MINIMAP.width, height: MINIMAP.height };
    for (const [id, p] of at) {
      const card = { x: vx + p.x * zoom, y: vy + p.y * zoom, width: NODE_SIZE.width * zoom, height: NODE_SIZE.height * zoom };
      const apart =
        card.x + card.width <= map.x || card.x >= map.x + map.width || card.y + card.height <= map.y || card.y >= map.y + map.height;
      expect(apart, `${id} is clear of the minimap`).toBe(true);
    }
  });

  it("moves a card clicked in the bottom right corner out from under the minimap and the inspector", async () => {
    const doc = nexusFlow();
    const b = new MemoryBackend([doc]);
    const slug = (await b.listWorkspaces())[0].slug;
    const at = new Map(doc.elements.map((e, i) => [e.id, { x: (i % 4) * 260, y: Math.floor(i / 4) * 160 }]));
    b.layouts.set(
      slug,
      doc.elements.map((e) => ({ id: e.id, ...at.get(e.id)! })),
    );
    await renderApp(b);
    await waitFor(() => expect(screen.getAllByTestId("graph-node").length).toBeGreaterThan(0));
    await waitFor(() => expect(viewport()[2]).not.toBe(1));
    const last = doc.elements[doc.elements.length - 1].id;
    const node = screen.getAllByTestId("graph-node").find((n) => n.dataset.nodeId === last)!;
    // A click alone (d3-drag, behind a card, needs a window on the press that jsdom does not give).
    fireEvent.click(node);
    await screen.findByTestId("inspector");
    const rel = (r: typeof MINIMAP) => ({ x: r.left - CANVAS.left, y: r.top - CANVAS.top, width: r.width, height: r.height });
    const apart = (a: { x: number; y: number; width: number; height: number }, c: typeof a) =>
      a.x + a.width <= c.x || a.x >= c.x + c.width || a.y + a.height <= c.y || a.y >= c.y + c.height;
    await waitFor(() => {
      const [vx, vy, zoom] = viewport();
      const p = at.get(last)!;
      const card = { x: vx + p.x * zoom, y: vy + p.y * zoom, width: NODE_SIZE.width * zoom, height: NODE_SIZE.height * zoom };
      expect(apart(card, rel(MINIMAP)), "clear of the minimap").toBe(true);
      expect(apart(card, rel(INSPECTOR)), "clear of the inspector").toBe(true);
    });
  });
});
