import "@xyflow/react/dist/style.css";
import "./graph.css";
import { ReactFlowProvider } from "@xyflow/react";
import { useUi, useWorkspaceStore } from "../store/context";
import { GraphEditor } from "./GraphEditor";

/** The handoff graph of the current workspace, with its live audit. */
export function GraphView() {
  const store = useWorkspaceStore();
  const current = useUi((s) => s.current);
  if (!current) return null;
  return (
    <ReactFlowProvider>
      <GraphEditor key={current.summary.slug} store={store} slug={current.summary.slug} doc={current.doc} revision={current.revision} />
    </ReactFlowProvider>
  );
}
