import type { XYPosition } from "@xyflow/react";
import ELK, { type ElkNode, type LayoutOptions } from "elkjs/lib/elk-api.js";
// The worker script is emitted as a file of the app (CSP 'self'), not a blob.
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

export { NODE_SIZE } from "./mapping";
/** Above this many nodes ELK gets its cheaper options. */
export const LARGE_LAYOUT = 500;
/** Without a worker, the in-thread ELK is used up to this many nodes (it freezes the window for longer). */
export const IN_THREAD_LIMIT = 300;

/** What the runner needs of ELK: `elk-api`'s worker-backed ELK, the bundled one, or a fake in tests. */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
  terminateWorker?(): void;
}

/** The worker could not be created or failed to load its script. */
export class WorkerUnavailable extends Error {}

const BASE_OPTIONS: LayoutOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.spacing.nodeNode": "36",
  "elk.layered.spacing.nodeNodeBetweenLayers": "110",
  "elk.spacing.edgeNode": "24",
  "elk.separateConnectedComponents": "true",
  "elk.spacing.componentComponent": "60",
};

/** The ELK options for a graph of `count` nodes: the careful ones, or cheaper ones for large graphs. */
export function layoutOptions(count: number): LayoutOptions {
  if (count <= LARGE_LAYOUT) return { ...BASE_OPTIONS, "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF" };
  return {
    ...BASE_OPTIONS,
    "elk.layered.layering.strategy": "LONGEST_PATH",
    "elk.layered.crossingMinimization.strategy": "LAYER_SWEEP",
    "elk.layered.thoroughness": "1",
    "elk.layered.nodePlacement.strategy": "SIMPLE",
    "elk.edgeRouting": "POLYLINE",
  };
}

/** The ELK graph of a layered left-to-right layout, handoffs flowing to the right. */
export function layoutGraph(nodes: LayoutNode[], edges: LayoutEdge[]): ElkNode {
  const ids = new Set(nodes.map((n) => n.id));
  return {
    id: "root",
    layoutOptions: layoutOptions(nodes.length),
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

function positionsOf(graph: ElkNode): Map<string, XYPosition> {
  const out = new Map<string, XYPosition>();
  for (const c of graph.children ?? []) out.set(c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) });
  return out;
}

/** ELK in a Web Worker. A worker that fails to start rejects the layout with `WorkerUnavailable`. */
export function workerEngine(): LayoutEngine {
  if (typeof Worker === "undefined") throw new WorkerUnavailable("Web Workers are not available");
  let failed: WorkerUnavailable | null = null;
  let rejectPending: ((e: Error) => void) | null = null;
  const elk = new ELK({
    workerFactory: () => {
      const w = new Worker(elkWorkerUrl);
      w.addEventListener("error", (ev) => {
        ev.preventDefault();
        failed = new WorkerUnavailable(ev.message || "the layout worker failed to start");
        rejectPending?.(failed);
      });
      return w;
    },
  });
  return {
    layout: (graph) => {
      if (failed) return Promise.reject(failed);
      return new Promise<ElkNode>((resolve, reject) => {
        rejectPending = reject;
        elk.layout(graph).then(resolve, reject);
      });
    },
    terminateWorker: () => elk.terminateWorker(),
  };
}

/** The bundled ELK, on the main thread: loaded only when no worker can be had. */
export async function inThreadEngine(): Promise<LayoutEngine> {
  const { default: Bundled } = await import("elkjs/lib/elk.bundled.js");
  return new Bundled();
}

export type LayoutOutcome =
  | { kind: "done"; positions: Map<string, XYPosition>; ms: number }
  | { kind: "cancelled" }
  | { kind: "stale" }
  | { kind: "failed"; message: string };

interface RunOptions {
  /** Asked when the result arrives: false (the document changed meanwhile) drops it as "stale". */
  stillValid?: () => boolean;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Runs one layout at a time, off the main thread. `cancel` ends the run at once (the worker is
 * terminated, a new one is made for the next run); a result that arrives after that is ignored.
 */
export class LayoutRunner {
  private engine: LayoutEngine | null = null;
  private run = 0;
  private settle: ((o: LayoutOutcome) => void) | null = null;

  constructor(
    private readonly makeEngine: () => LayoutEngine = workerEngine,
    private readonly makeInThread: () => Promise<LayoutEngine> = inThreadEngine,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get busy(): boolean {
    return this.settle !== null;
  }

  start(nodes: LayoutNode[], edges: LayoutEdge[], opts: RunOptions = {}): Promise<LayoutOutcome> {
    this.cancel();
    const id = ++this.run;
    const graph = layoutGraph(nodes, edges);
    const started = this.now();
    return new Promise<LayoutOutcome>((resolve) => {
      this.settle = resolve;
      const finish = (o: LayoutOutcome) => {
        if (id !== this.run) return;
        this.settle = null;
        resolve(o);
      };
      const done = (out: ElkNode) =>
        finish(
          opts.stillValid && !opts.stillValid()
            ? { kind: "stale" }
            : { kind: "done", positions: positionsOf(out), ms: Math.round(this.now() - started) },
        );
      this.layout(graph, id).then(done, (e: unknown) => {
        if (id !== this.run) return;
        if (!(e instanceof WorkerUnavailable)) return finish({ kind: "failed", message: `Auto-layout failed: ${message(e)}` });
        this.engine = null;
        if (nodes.length > IN_THREAD_LIMIT) {
          return finish({
            kind: "failed",
            message: `Auto-layout could not start its background worker (${e.message}). With ${nodes.length} elements it would freeze the window, so it did not run; arrange the nodes by hand.`,
          });
        }
        this.makeInThread()
          .then((elk) => (id === this.run ? elk.layout(graph) : Promise.reject(new Error("cancelled"))))
          .then(done, (err: unknown) => finish({ kind: "failed", message: `Auto-layout failed: ${message(err)}` }));
      });
    });
  }

  private layout(graph: ElkNode, id: number): Promise<ElkNode> {
    try {
      this.engine ??= this.makeEngine();
    } catch (e) {
      return Promise.reject(e instanceof WorkerUnavailable ? e : new WorkerUnavailable(message(e)));
    }
    const engine = this.engine;
    return id === this.run ? engine.layout(graph) : Promise.reject(new Error("cancelled"));
  }

  /** Ends the current run, if any: it resolves as "cancelled" and its worker is terminated. */
  cancel(): void {
    const settle = this.settle;
    if (!settle) return;
    this.run++;
    this.settle = null;
    this.engine?.terminateWorker?.();
    this.engine = null;
    settle({ kind: "cancelled" });
  }

  /** Cancels and lets the worker go (the view is leaving). */
  dispose(): void {
    this.cancel();
    this.engine?.terminateWorker?.();
    this.engine = null;
  }
}
