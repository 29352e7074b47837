import "./testSetup";
import { screen, waitFor } from "@testing-library/react";
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
});
