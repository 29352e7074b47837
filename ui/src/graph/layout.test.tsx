import "./testSetup";
import { render, screen } from "@testing-library/react";
import type { ElkNode } from "elkjs/lib/elk-api.js";
import { describe, expect, it, vi } from "vitest";
import type { Element } from "../backend";
import { GraphToolbar } from "./GraphToolbar";
import { IN_THREAD_LIMIT, LayoutRunner, WorkerUnavailable, layoutOptions, type LayoutEngine } from "./layout";
import { GRID_CELL, toNodes } from "./mapping";

/** A fake ELK whose answers the test releases by hand. */
class FakeEngine implements LayoutEngine {
  pending: { graph: ElkNode; resolve: (g: ElkNode) => void }[] = [];
  terminated = 0;
  layout(graph: ElkNode): Promise<ElkNode> {
    return new Promise((resolve) => this.pending.push({ graph, resolve }));
  }
  terminateWorker(): void {
    this.terminated++;
  }
  /** Answers the oldest request, every node at x = 10 × its index. */
  answer(i = 0): void {
    const p = this.pending[i];
    p.resolve({ ...p.graph, children: (p.graph.children ?? []).map((c, k) => ({ ...c, x: k * 10, y: 5 })) });
  }
}

const nodes = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `e${i}`, width: 220, height: 76 }));
const edges = [{ id: "h", source: "e0", target: "e1" }];
const flush = () => new Promise((r) => setTimeout(r, 0));
const never = () => Promise.reject(new Error("no in-thread ELK in this test"));

describe("the layout runner", () => {
  it("lays out in the engine and returns positions", async () => {
    const fake = new FakeEngine();
    const runner = new LayoutRunner(() => fake, never);
    const out = runner.start(nodes(3), edges);
    expect(runner.busy).toBe(true);
    await flush();
    expect(fake.pending[0].graph.edges).toHaveLength(1);
    fake.answer();
    const o = await out;
    expect(o.kind).toBe("done");
    if (o.kind === "done") expect(o.positions.get("e2")).toEqual({ x: 20, y: 5 });
    expect(runner.busy).toBe(false);
  });

  it("cancel ends the run at once, terminates the worker, and ignores the late result", async () => {
    const made: FakeEngine[] = [];
    const runner = new LayoutRunner(() => {
      const f = new FakeEngine();
      made.push(f);
      return f;
    }, never);
    const out = runner.start(nodes(3), edges);
    await flush();
    runner.cancel();
    expect(await out).toEqual({ kind: "cancelled" });
    expect(made[0].terminated).toBe(1);
    expect(runner.busy).toBe(false);
    made[0].answer();
    await flush();
    const next = runner.start(nodes(2), []);
    await flush();
    expect(made, "a fresh worker after a cancel").toHaveLength(2);
    made[1].answer();
    expect((await next).kind).toBe("done");
  });

  it("drops a result when the document changed meanwhile", async () => {
    const fake = new FakeEngine();
    const runner = new LayoutRunner(() => fake, never);
    let valid = true;
    const out = runner.start(nodes(3), edges, { stillValid: () => valid });
    await flush();
    valid = false;
    fake.answer();
    expect(await out).toEqual({ kind: "stale" });
  });

  it("without a worker, lays out small graphs in-thread and refuses large ones with a message", async () => {
    const inThread = new FakeEngine();
    const noWorker = () => {
      throw new WorkerUnavailable("blocked");
    };
    const runner = new LayoutRunner(noWorker, () => Promise.resolve(inThread));
    const small = runner.start(nodes(IN_THREAD_LIMIT), []);
    await flush();
    await flush();
    inThread.answer();
    expect((await small).kind).toBe("done");
    const big = await runner.start(nodes(IN_THREAD_LIMIT + 1), []);
    expect(big.kind).toBe("failed");
    if (big.kind === "failed") expect(big.message).toMatch(/background worker.*freeze the window/);
  });

  it("gives large graphs the cheaper ELK options", () => {
    expect(layoutOptions(100)["elk.layered.nodePlacement.strategy"]).toBe("BRANDES_KOEPF");
    expect(layoutOptions(2000)["elk.layered.nodePlacement.strategy"]).toBe("SIMPLE");
    expect(layoutOptions(2000)["elk.layered.thoroughness"]).toBe("1");
  });
});

describe("the first grid of a large workspace", () => {
  it("is about screen-shaped for 2,000 nodes, and grouped by kind", () => {
    const kinds = ["touchpoint", "system", "rule", "team", "person", "partner"] as const;
    const elements: Element[] = Array.from({ length: 2000 }, (_, i) => ({ id: `e${i}`, kind: kinds[i % 6], name: `Element ${i}` }));
    const ns = toNodes(elements, new Map(), new Map());
    const xs = ns.map((n) => n.position.x);
    const ys = ns.map((n) => n.position.y);
    const width = Math.max(...xs) - Math.min(...xs) + GRID_CELL.width;
    const height = Math.max(...ys) - Math.min(...ys) + GRID_CELL.height;
    expect(width / height).toBeGreaterThan(1);
    expect(width / height).toBeLessThan(2.5);
    expect(new Set(ns.map((n) => `${n.position.x},${n.position.y}`)).size, "no two nodes share a cell").toBe(2000);
    const firstRowKinds = new Set(ns.filter((n) => n.position.y === Math.min(...ys)).map((n) => n.data.kind));
    expect([...firstRowKinds]).toEqual(["touchpoint"]);
  });

  it("keeps a small workspace on 8 columns", () => {
    const elements: Element[] = Array.from({ length: 12 }, (_, i) => ({ id: `e${i}`, kind: "team", name: `T${i}` }));
    const xs = new Set(toNodes(elements, new Map(), new Map()).map((n) => n.position.x));
    expect(xs.size).toBe(8);
  });
});

describe("the graph toolbar while a layout runs", () => {
  it("shows Arranging… with a spinner, disables the button and offers Cancel", async () => {
    const onCancel = vi.fn();
    const props = { elements: [], onAdd: vi.fn(), onFind: vi.fn(), onLayout: vi.fn(), onCancelLayout: onCancel, onFit: vi.fn() };
    const { rerender } = render(<GraphToolbar {...props} laying={false} />);
    expect(screen.getByTestId("graph-layout")).toHaveTextContent("Auto-layout");
    expect(screen.queryByTestId("graph-layout-cancel")).toBeNull();
    rerender(<GraphToolbar {...props} laying />);
    const button = screen.getByTestId("graph-layout");
    expect(button).toHaveTextContent("Arranging…");
    expect(button).toBeDisabled();
    expect(button.querySelector(".spinner")).not.toBeNull();
    screen.getByTestId("graph-layout-cancel").click();
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
