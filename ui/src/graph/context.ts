import { createContext, useContext } from "react";

/** What nodes and edges can ask of the graph view, without re-rendering when it changes. */
export interface GraphCallbacks {
  rename: (id: string, name: string) => void;
  stopRenaming: () => void;
  selectEdge: (id: string) => void;
}

export const GraphContext = createContext<GraphCallbacks | null>(null);

export function useGraphCallbacks(): GraphCallbacks {
  const c = useContext(GraphContext);
  if (!c) throw new Error("useGraphCallbacks outside GraphContext");
  return c;
}
