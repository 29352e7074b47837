import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import { memo } from "react";
import type { Detail } from "./detail";
import { DetailLayer, OverviewMiniMap } from "./DetailLayer";
import { ElementNode } from "./ElementNode";
import { HandoffEdge } from "./HandoffEdge";
import type { ElementNode as ElementNodeType, HandoffEdge as HandoffEdgeType } from "./mapping";

const nodeTypes = { element: ElementNode };
const edgeTypes = { handoff: HandoffEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };

interface Props {
  nodes: ElementNodeType[];
  edges: HandoffEdgeType[];
  /** What React Flow draws: the nodes and edges with the level of detail applied. */
  shown: { nodes: ElementNodeType[]; edges: HandoffEdgeType[]; farEdges: HandoffEdgeType[] };
  lod: { large: boolean; detail: Detail; setDetail: (d: Detail) => void };
  selectedIds: Set<string>;
  onNodesChange: (changes: NodeChange<ElementNodeType>[]) => void;
  onEdgesChange: (changes: EdgeChange<HandoffEdgeType>[]) => void;
  onNodeDragStop: (event: unknown, node: Node, dragged: Node[]) => void;
  onSelectionChange: (params: OnSelectionChangeParams) => void;
  onConnect: (c: Connection) => void;
  onRename: (id: string) => void;
  onPaneClick: (event: React.MouseEvent) => void;
  /** A snapshot is shown: nothing can be dragged, connected or renamed. */
  readOnly: boolean;
}

/**
 * Drawn again only when a prop changes: each new prop given to React Flow is written into its
 * store, and every card and handoff on the canvas then checks whether it is affected.
 *
 * The React Flow canvas: cards, handoffs, background, controls, the minimap, and the layer
 * that draws the overview where cards would be too small to read (the first view and "zoom
 * to fit" are set by `useViewport`, which knows what floats over the canvas).
 */
export const GraphCanvas = memo(function GraphCanvas({ nodes, edges, shown, lod, selectedIds, onRename, readOnly, ...handlers }: Props) {
  return (
    <ReactFlow<ElementNodeType, HandoffEdgeType>
      nodes={shown.nodes}
      edges={shown.edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      defaultEdgeOptions={defaultEdgeOptions}
      onNodesChange={handlers.onNodesChange}
      onEdgesChange={handlers.onEdgesChange}
      onNodeDragStop={handlers.onNodeDragStop}
      onSelectionChange={handlers.onSelectionChange}
      onConnect={handlers.onConnect}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      onNodeDoubleClick={(_, n) => !readOnly && onRename(n.id)}
      onPaneClick={handlers.onPaneClick}
      onlyRenderVisibleElements
      deleteKeyCode={null}
      multiSelectionKeyCode={["Shift", "Meta", "Control"]}
      minZoom={0.05}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
    >
      <DetailLayer
        nodes={nodes}
        edges={edges}
        farEdges={shown.farEdges}
        detail={lod.detail}
        onDetail={lod.setDetail}
        selected={selectedIds}
        large={lod.large}
      />
      <Background gap={24} size={1.2} color="#c9ced8" />
      <Controls showInteractive={false} position="bottom-left" />
      {/* The built-in minimap leaves out hidden cards: in the overview, all of them. */}
      <OverviewMiniMap nodes={nodes} />
    </ReactFlow>
  );
});
