import type { XYPosition } from "@xyflow/react";
import ELK from "elkjs/lib/elk.bundled.js";

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

/** The size a node is laid out with before React Flow has measured it. */
export const NODE_SIZE = { width: 220, height: 76 };

let elk: InstanceType<typeof ELK> | null = null;

/** A layered left-to-right layout (ELK), handoffs flowing to the right. */
export async function layeredLayout(nodes: LayoutNode[], edges: LayoutEdge[]): Promise<Map<string, XYPosition>> {
  elk ??= new ELK();
  const ids = new Set(nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.spacing.nodeNode": "36",
      "elk.layered.spacing.nodeNodeBetweenLayers": "110",
      "elk.spacing.edgeNode": "24",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.separateConnectedComponents": "true",
      "elk.spacing.componentComponent": "60",
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out = new Map<string, XYPosition>();
  for (const c of graph.children ?? []) out.set(c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) });
  return out;
}
