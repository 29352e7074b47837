import "../graph/testSetup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Element, Handoff } from "../backend";
import { nexusReport } from "../graph/fixtures";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import { addMark, emptyLens, type Lens, lensedDoc, weightWidth } from "./lens";

const removedCard: Element = {
  id: "fax",
  kind: "touchpoint",
  name: "Fax order form",
  stages: ["sign-up"],
  claims: {},
} as unknown as Element;
const shadow: Handoff = {
  id: "shadow-website-agent",
  from: "website",
  to: "agent",
  carries: [],
  invariant: [],
  mode: "typed",
  trigger: "always",
} as unknown as Handoff;

/** A lens as Compare would make it: a changed card, a moved stage, a removed card, a weighted handoff. */
function sampleLens(): Lens {
  const lens = emptyLens("compare", "Compared with “Before workshop 2”");
  lens.legend = [
    { tone: "changed", label: "Changed" },
    { tone: "removed", label: "Removed" },
  ];
  addMark(lens, "elements", "wizard", { tone: "changed", label: "Changed", detail: "claims.setup.effort: low → medium" });
  addMark(lens, "stages", "set-up", { tone: "moved", label: "Moved", detail: "from 3rd to 4th" });
  addMark(lens, "elements", "fax", { tone: "removed", label: "Removed" });
  addMark(lens, "handoffs", "website-wizard", { tone: "warning", label: "p90 3.2 d" });
  lens.ghosts = { elements: [removedCard], handoffs: [shadow] };
  lens.weights = { "website-wizard": 1, "demo-wizard": 0 };
  return lens;
}

function backend() {
  const b = new MemoryBackend([nexusFlow()], { display_name: "Dana" });
  b.auditFor = (doc) => nexusReport(doc);
  return b;
}

const card = (id: string) => screen.getAllByTestId("card").find((c) => c.dataset.cardId === id);

afterEach(() => {
  window.location.hash = "";
});

describe("a lens's document", () => {
  it("appends the ghosts the workspace does not hold, and names them", () => {
    const doc = nexusFlow();
    const lens = sampleLens();
    lens.ghosts.elements.push(doc.elements[0]);
    const { doc: drawn, ghosts } = lensedDoc(doc, lens);
    expect(drawn.elements.map((e) => e.id)).toEqual([...doc.elements.map((e) => e.id), "fax"]);
    expect(drawn.handoffs.at(-1)?.id).toBe("shadow-website-agent");
    expect([...ghosts].sort()).toEqual(["fax", "shadow-website-agent"]);
    expect(lensedDoc(doc, null).doc, "no lens: the workspace itself").toBe(doc);
  });
});

describe("a lens over the stack", () => {
  it("marks cards and stages by icon and word, draws removed cards as ghosts, and closes", async () => {
    const { user, setLens } = await renderApp(backend());
    await screen.findAllByTestId("card");
    expect(screen.queryByTestId("lens-bar")).toBeNull();
    expect(screen.queryAllByTestId("marks")).toHaveLength(0);

    setLens(sampleLens());
    const bar = await screen.findByTestId("lens-bar");
    expect(bar).toHaveTextContent("Compared with “Before workshop 2”");
    expect(within(bar).getByTestId("marks")).toHaveTextContent("✎Changed−Removed");

    const wizard = card("wizard")!;
    expect(wizard.className).toContain("mark-changed");
    expect(within(wizard).getByTitle("claims.setup.effort: low → medium")).toHaveTextContent("Changed");
    const setUp = screen.getAllByTestId("stage-column").find((c) => c.dataset.stageId === "set-up")!;
    expect(within(setUp).getByTestId("marks")).toHaveTextContent("⇄Moved");

    const ghost = card("fax")!;
    expect(ghost, "the removed card is drawn in its stage").toBeDefined();
    expect(ghost.className).toContain("is-ghost");
    await user.click(ghost);
    expect(screen.queryByTestId("inspector"), "a ghost is not edited").toBeNull();

    await user.click(within(bar).getByTestId("lens-close"));
    expect(screen.queryByTestId("lens-bar")).toBeNull();
    expect(card("fax"), "the ghost goes with the lens").toBeUndefined();
    expect(card("wizard")!.className).not.toContain("has-mark");
  });

  it("draws a removed stage as a faded column where it stood, with its removed cards, and no edit controls", async () => {
    const { setLens } = await renderApp(backend());
    await screen.findAllByTestId("card");
    const lens = emptyLens("compare", "Compared with “Baseline”");
    const gone = { id: "renewal", name: "Renewal", emotion: 0, moment: "" };
    addMark(lens, "stages", "renewal", { tone: "removed", label: "Removed" });
    lens.ghosts = { elements: [{ ...removedCard, stages: ["renewal"] }], handoffs: [], stages: [{ stage: gone, index: 1 }] };
    setLens(lens);

    await waitFor(() => expect(screen.getAllByTestId("stage-column")[1]?.dataset.stageId).toBe("renewal"));
    const column = screen.getAllByTestId("stage-column")[1]!;
    expect(column.className).toContain("is-ghost");
    expect(column).toHaveTextContent("Renewal");
    expect(within(column).getByTestId("marks")).toHaveTextContent("−Removed");
    expect(within(column).queryAllByRole("button"), "a ghost stage cannot be renamed, moved or deleted").toHaveLength(0);
    expect(card("fax"), "its removed card is drawn in it").toBeDefined();
    fireEvent.keyDown(column, { key: "Delete" });
    expect(screen.getAllByTestId("stage-column").filter((c) => c.dataset.stageId !== "renewal")).toHaveLength(nexusFlow().stages.length);
  });

  it("closes with Escape", async () => {
    const { setLens } = await renderApp(backend());
    await screen.findAllByTestId("card");
    setLens(sampleLens());
    await screen.findByTestId("lens-bar");
    fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("lens-bar")).toBeNull());
  });
});

describe("a lens over the graph", () => {
  it("widens a handoff with its traffic, within bounds", () => {
    expect(weightWidth(0)).toBe(1.5);
    expect(weightWidth(1)).toBe(8.5);
    expect(weightWidth(0.5)).toBe(5);
    expect(weightWidth(7), "clamped").toBe(8.5);
    expect(weightWidth(Number.NaN), "no traffic figure: the thinnest").toBe(1.5);
  });

  it("marks cards and draws removed ones as ghosts that cannot be dragged or selected", async () => {
    window.location.hash = "#graph";
    const { setLens } = await renderApp(backend());
    await waitFor(() => expect(screen.getAllByTestId("graph-node").length).toBeGreaterThan(0));
    setLens(sampleLens());
    const node = (id: string) => screen.getAllByTestId("graph-node").find((n) => n.dataset.nodeId === id);
    await waitFor(() => expect(node("fax")).toBeDefined());
    expect(node("fax")!.className).toContain("is-ghost");
    expect(node("fax")!.closest(".react-flow__node")!.className, "not draggable").not.toContain("draggable");
    expect(node("wizard")!.closest(".react-flow__node")!.className, "a real card stays draggable").toContain("draggable");
    expect(node("wizard")!.className).toContain("mark-changed");
    expect(within(node("wizard")!).getByTestId("marks")).toHaveTextContent("Changed");
  });
});
