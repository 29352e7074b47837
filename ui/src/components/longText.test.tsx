import "../graph/testSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import appCss from "../styles/app.css?raw";
import graphCss from "../graph/graph.css?raw";
import { nexusReport } from "../graph/fixtures";
import { LONG, longNames } from "../testing/longNames";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

/** The declarations of the first rule whose selector list is exactly `selector`. */
function rule(css: string, selector: string): Record<string, string> {
  const flat = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const re = /([^{}]+)\{([^{}]*)\}/g;
  for (let m = re.exec(flat); m; m = re.exec(flat)) {
    const selectors = m[1].split(",").map((s) => s.trim());
    if (!selectors.includes(selector)) continue;
    const out: Record<string, string> = {};
    for (const d of m[2].split(";")) {
      const i = d.indexOf(":");
      if (i > 0) out[d.slice(0, i).trim()] = d.slice(i + 1).trim();
    }
    return out;
  }
  throw new Error(`no CSS rule for ${selector}`);
}

/** Asserts that `el` is clamped (the `.clamp` rule) and carries the whole `text` on hover. */
function expectClamped(el: HTMLElement, text: string, what: string) {
  expect(el.classList.contains("clamp"), `${what} is clamped`).toBe(true);
  expect(el.getAttribute("title") ?? "", `${what} shows the whole text on hover`).toContain(text);
  expect(el.textContent, `${what} holds the whole text for screen readers and copy`).toBe(text);
}

function backend() {
  const b = new MemoryBackend([longNames()]);
  b.auditFor = (doc) => nexusReport(doc);
  return b;
}

afterEach(() => {
  window.location.hash = "";
});

describe("long names never widen a column", () => {
  it("clamps a line-clamped text by CSS: wrap anywhere, a number of lines, hidden overflow", () => {
    const clamp = rule(appCss, ".clamp");
    expect(clamp["-webkit-line-clamp"]).toBe("var(--lines, 2)");
    expect(clamp.display).toBe("-webkit-box");
    expect(clamp.overflow).toBe("hidden");
    expect(clamp["overflow-wrap"], "a 240-character word breaks too").toBe("anywhere");
  });

  it("sizes the board from its column count, never from its content", async () => {
    const board = rule(appCss, ".board");
    expect(board.width, "max-content would stretch a column to a long name").not.toMatch(/content/);
    expect(board["min-width"]).toContain("var(--cols)");
    expect(rule(appCss, ".tracks > *")["min-width"], "a grid item may not widen its track").toBe("0");
    for (const sel of [".card-name", ".card-team", ".stage-name"]) {
      expect(rule(appCss, sel)["white-space"], `${sel} may wrap`).toBeUndefined();
    }
    expect(rule(graphCss, ".gnode").width, "a graph node has a fixed width").toBe("220px");

    await renderApp(backend());
    const el = await screen.findByTestId("board");
    const tracks = el.style.getPropertyValue("--tracks");
    expect(tracks, "every stage column has a fixed minimum and shares the rest").toBe("repeat(6, minmax(var(--col-min), 1fr))");
    expect(el.style.getPropertyValue("--cols")).toBe("6");
  });

  it("clamps stage headers and cards in the stack, with the whole text on hover", async () => {
    await renderApp(backend());
    const stage = (await screen.findAllByTestId("stage-column"))[0];
    expectClamped(within(stage).getByRole("heading"), LONG.stage, "the stage name");

    const card = screen.getAllByTestId("card").find((c) => c.dataset.cardId === "website")!;
    expectClamped(card.querySelector<HTMLElement>(".card-name")!, LONG.touchpoint, "the card name");
    expectClamped(card.querySelector<HTMLElement>(".card-team")!, LONG.team, "the team, by its name");
    const unbroken = screen.getAllByTestId("card").find((c) => c.dataset.cardId === "chatbot")!;
    expectClamped(unbroken.querySelector<HTMLElement>(".card-name")!, LONG.unbroken, "a name without spaces");

    const moment = screen.getByLabelText(`Key moment of ${LONG.stage}`);
    expect(moment).toHaveValue(LONG.moment);
    expect(moment, "the key moment shows whole on hover").toHaveAttribute("title", LONG.moment);
    expect(rule(appCss, ".moment")["overflow-y"], "a long key moment scrolls, it is never cut").toBe("auto");
  });

  it("shows the whole name in the inspector, its id only in the details", async () => {
    const { user } = await renderApp(backend());
    const card = (await screen.findAllByTestId("card")).find((c) => c.dataset.cardId === "website")!;
    await user.click(card);
    const inspector = await screen.findByTestId("inspector");
    expectClamped(within(inspector).getByTestId("inspector-title"), LONG.touchpoint, "the inspector header");
    expect(within(inspector).getByTestId("inspector-name")).toHaveValue(LONG.touchpoint);
    const head = inspector.querySelector("header")!;
    expect(head, "no id in the header").not.toHaveTextContent("website");
    expect(within(inspector).getByTestId("inspector-details")).toHaveTextContent("website");
  });

  it("clamps the switcher's workspace name", async () => {
    const { user } = await renderApp(backend());
    const button = screen.getByTestId("workspace-switcher");
    expectClamped(button.querySelector<HTMLElement>(".switcher-name")!, LONG.workspace, "the current workspace");
    await user.click(button);
    const item = screen.getAllByTestId("workspace-item")[0];
    expectClamped(item.querySelector<HTMLElement>(".clamp")!, LONG.workspace, "a workspace in the list");
  });

  it("clamps graph nodes and findings", async () => {
    window.location.hash = "#graph";
    await renderApp(backend());
    await waitFor(() => expect(screen.getAllByTestId("graph-node").length).toBeGreaterThan(0));
    const node = screen.getAllByTestId("graph-node").find((n) => n.dataset.nodeId === "website")!;
    expectClamped(node.querySelector<HTMLElement>(".gnode-name")!, LONG.touchpoint, "the node name");
    const meta = node.querySelector<HTMLElement>(".gnode-meta")!;
    expect(meta.classList.contains("clamp")).toBe(true);
    expect(meta, "the node shows the team's name, not its id").toHaveTextContent(LONG.team);
    expect(meta).not.toHaveTextContent("north-success");

    await waitFor(() => expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0));
    for (const f of screen.getAllByTestId("finding")) {
      const message = f.querySelector<HTMLElement>(".finding-message")!;
      expectClamped(message, message.textContent ?? "", "a finding's message");
    }
  });
});
