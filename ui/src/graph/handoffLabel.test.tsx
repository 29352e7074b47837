import "./testSetup";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Position, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { GraphContext, type GraphCallbacks } from "./context";
import { HandoffEdge } from "./HandoffEdge";
import type { HandoffEdge as HandoffEdgeType } from "./mapping";
import type { LabelPlace } from "./labelPlacement";

const edge = (id: string, place: LabelPlace | null | undefined, selected = false): HandoffEdgeType => ({
  id,
  source: "a",
  target: "b",
  type: "handoff",
  selected,
  data: {
    label: "account.id, customer.email",
    carries: 2,
    invariant: 0,
    mode: "typed",
    trigger: "always",
    gate: false,
    severity: null,
    open: 0,
    waived: 0,
    ghost: false,
    ...(place === undefined ? {} : { place }),
  },
});
const callbacks = { selectEdge: () => {}, rename: () => {}, stopRenaming: () => {} } as unknown as GraphCallbacks;

/** The edges as React Flow would draw them between a card ending at x = 220 and one starting at x = 500. */
function show(edges: HandoffEdgeType[]) {
  render(
    <ReactFlowProvider>
      <GraphContext.Provider value={callbacks}>
        <ReactFlow nodes={[]} edges={[]}>
          <svg aria-hidden="true">
            {edges.map((e) => (
              <HandoffEdge
                key={e.id}
                id={e.id}
                source="a"
                target="b"
                type="handoff"
                data={e.data}
                selected={!!e.selected}
                sourceX={220}
                sourceY={38}
                targetX={500}
                targetY={38}
                sourcePosition={Position.Right}
                targetPosition={Position.Left}
                animated={false}
                deletable={false}
                selectable
              />
            ))}
          </svg>
        </ReactFlow>
      </GraphContext.Provider>
    </ReactFlowProvider>,
  );
}
const label = (id: string) => screen.queryAllByTestId("graph-edge-label").find((l) => l.dataset.edgeId === id) ?? null;

describe("a handoff's label", () => {
  it("shows where the placement put it: whole, shortened, or not at all until hovered", async () => {
    show([edge("whole", { t: 0.5, short: false }), edge("short", { t: 0.3, short: true }), edge("out", null)]);
    await waitFor(() => expect(label("whole")).not.toBeNull());
    expect(label("whole")!.dataset.place).toBe("whole");
    expect(label("short")!.className).toContain("short");
    expect(label("out"), "left out where it would collide").toBeNull();
    const path = document.querySelector(`path[data-edge-id="out"]`)!.nextElementSibling!;
    fireEvent.mouseEnter(path);
    expect(label("out"), "shown whole on hover").not.toBeNull();
    expect(label("out")!.className).toContain("raised");
    expect(label("out")!.className).not.toContain("short");
    fireEvent.mouseLeave(path);
    expect(label("out")).toBeNull();
  });

  it("shows a selected handoff's label whole even where the placement shortened it", async () => {
    show([edge("sel", { t: 0.3, short: true }, true)]);
    await waitFor(() => expect(label("sel")).not.toBeNull());
    expect(label("sel")!.className).not.toContain("short");
    expect(label("sel")!.title).toContain("account.id, customer.email");
  });
});
