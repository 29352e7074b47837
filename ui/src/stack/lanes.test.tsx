import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Element, Report, Workspace } from "../backend";
import { emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import { laneRows, packRows, type Segment } from "./rows";

const STAGES = ["find", "try", "buy", "use"].map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1), emotion: 0, moment: "" }));
const CHANNELS = ["web", "email", "app", "chat", "phone"];

/** A workspace of `n` touchpoints spread over four stages and five channels, plus two teams. */
function bigWorkspace(n: number): Workspace {
  const ws = emptyWorkspace("Big");
  ws.stages = STAGES;
  const cards: Element[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    kind: "touchpoint",
    name: `Touchpoint ${i}`,
    channel: CHANNELS[i % CHANNELS.length],
    team: i % 2 ? "care" : "growth",
    stages: [STAGES[i % 4].id],
  }));
  ws.elements = [...cards, { id: "care", kind: "team", name: "Customer care" }, { id: "growth", kind: "team", name: "Growth" }];
  return ws;
}

const cardIds = () => screen.queryAllByTestId("card").map((c) => c.dataset.cardId!);
const seg = (start: number, span: number, id = `${start}/${span}`): Segment => ({
  element: { id, kind: "touchpoint", name: id },
  run: [],
  start,
  span,
});

describe("card rows", () => {
  it("packs cards into the first row with their columns free, as a dense grid does", () => {
    const rows = packRows([seg(0, 1, "a"), seg(0, 1, "b"), seg(1, 2, "c"), seg(0, 3, "d"), seg(2, 1, "e")], 3);
    expect(rows.map((r) => r.map((s) => s.element.id))).toEqual([["a", "c"], ["b", "e"], ["d"]]);
  });

  it("gives every lane at least one row, the empty ones a row for their hint", () => {
    const rows = laneRows(
      [
        { laneKey: "systems", layer: "system", title: "Systems", elements: [] },
        { laneKey: "web", layer: "touchpoint", title: "Touchpoints", elements: bigWorkspace(8).elements.slice(0, 8) },
      ],
      STAGES,
      false,
    );
    expect(rows.map((r) => [r.key, r.segments.length, r.last])).toEqual([
      ["systems#0", 0, true],
      ["web#0", 4, false],
      ["web#1", 4, true],
    ]);
  });
});

describe("a stack of 2,000 cards", () => {
  // jsdom lays nothing out: give the page a window, the board a height and each row one.
  const restore: (() => void)[] = [];
  const stub = (proto: object, prop: string, get: (this: HTMLElement) => number) => {
    const before = Object.getOwnPropertyDescriptor(proto, prop);
    Object.defineProperty(proto, prop, { configurable: true, get });
    restore.push(() => (before ? Object.defineProperty(proto, prop, before) : delete (proto as Record<string, unknown>)[prop]));
  };
  beforeEach(() => {
    stub(window.Element.prototype, "clientHeight", function () {
      return this === document.documentElement || this.classList?.contains("board-scroll") ? 800 : 0;
    });
    stub(HTMLElement.prototype, "offsetHeight", function () {
      return this.classList.contains("lane-row") ? 100 : 0;
    });
  });
  afterEach(() => {
    for (const r of restore.splice(0).reverse()) r();
  });

  it("draws only the rows on screen, and the next ones as the board scrolls", async () => {
    await renderApp(new MemoryBackend([bigWorkspace(2000)]));
    await waitFor(() => expect(cardIds().length).toBeGreaterThan(0));
    const first = cardIds();
    expect(first.length, "a screen of rows, not 2,000 cards").toBeLessThan(120);
    expect(first).toContain("t0");

    const board = document.querySelector<HTMLElement>(".board-scroll")!;
    expect(screen.getByTestId("lanes").style.height, "the list is as tall as all its rows").toMatch(/^\d{5,}px$/);
    await act(async () => {
      board.scrollTop = 30_000;
      fireEvent.scroll(board);
    });
    await waitFor(() => expect(cardIds()).not.toContain("t0"));
    expect(cardIds().length).toBeLessThan(120);
    expect(cardIds().length).toBeGreaterThan(0);
  });

  it("keeps the selected card in the page when it scrolls away, so focus and selection stay", async () => {
    const { user } = await renderApp(new MemoryBackend([bigWorkspace(2000)]));
    await waitFor(() => expect(cardIds()).toContain("t0"));
    const card = () => screen.getAllByTestId("card").find((c) => c.dataset.cardId === "t0")!;
    await user.click(card());
    card().focus();
    const board = document.querySelector<HTMLElement>(".board-scroll")!;
    await act(async () => {
      board.scrollTop = 30_000;
      fireEvent.scroll(board);
    });
    await waitFor(() => expect(cardIds()).not.toContain("t4"));
    expect(card()).toHaveClass("rel-selected");
    expect(card()).toHaveFocus();
  });

  it("finds a card among them by name, the count saying how many match", async () => {
    const { user } = await renderApp(new MemoryBackend([bigWorkspace(2000)]));
    await user.type(await screen.findByTestId("stack-search"), "touchpoint 1999");
    await waitFor(() => expect(cardIds()).toEqual(["t1999"]));
    expect(screen.getByTestId("stack-search-count")).toHaveTextContent("1 of 2002 cards");
  });
});

/** Four cards over two channels and two teams; the audit finds something about one. */
function small(): { backend: MemoryBackend } {
  const ws = emptyWorkspace("Small");
  ws.stages = STAGES.slice(0, 2);
  ws.elements = [
    { id: "site", kind: "touchpoint", name: "Pricing page", channel: "web", team: "growth", stages: ["find"] },
    {
      id: "mail",
      kind: "touchpoint",
      name: "Welcome mail",
      description: "Sent after the trial starts",
      channel: "email",
      team: "care",
      stages: ["try"],
    },
    { id: "faq", kind: "touchpoint", name: "Help centre", channel: "web", team: "care", stages: ["try"] },
    { id: "crm", kind: "system", name: "CRM", capability: "data", stages: ["find"] },
    { id: "care", kind: "team", name: "Customer care" },
    { id: "growth", kind: "team", name: "Growth" },
  ];
  const backend = new MemoryBackend([ws]);
  backend.auditFor = (): Report => ({
    findings: [
      {
        code: "orphan-touchpoint",
        severity: "warning",
        key: "faq",
        subjects: [{ kind: "element", id: "faq" }],
        message: "Help centre serves no stage.",
        evidence: [],
        fix: "Attach it.",
        waived: null,
      },
    ],
    summary: { error: 0, warning: 1, info: 0, waived: 0, due: 0, nothing_to_check: false },
  });
  return { backend };
}

describe("finding cards on the stack", () => {
  it("hides the cards whose name and text do not hold every word typed, and counts the rest", async () => {
    const { backend } = small();
    const { user } = await renderApp(backend);
    expect(screen.getByTestId("stack-search-count")).toHaveTextContent("6 cards");
    await user.type(screen.getByTestId("stack-search"), "TRIAL sent");
    await waitFor(() => expect(cardIds()).toEqual(["mail"]));
    expect(screen.getByTestId("stack-search-count")).toHaveTextContent("1 of 6 cards");
  });

  it("filters by channel, by team (by its name) and to the cards with findings", async () => {
    const { backend } = small();
    const { user } = await renderApp(backend);
    await user.selectOptions(screen.getByTestId("stack-filter-channel"), "web");
    await waitFor(() => expect(cardIds().sort()).toEqual(["faq", "site"]));
    await user.selectOptions(screen.getByTestId("stack-filter-team"), "Customer care");
    await waitFor(() => expect(cardIds()).toEqual(["faq"]));
    await user.selectOptions(screen.getByTestId("stack-filter-channel"), "");
    await waitFor(() => expect(cardIds().sort()).toEqual(["faq", "mail"]));
    await user.click(screen.getByTestId("stack-filter-findings"));
    await waitFor(() => expect(cardIds()).toEqual(["faq"]));
    expect(screen.getByTestId("stack-search-count")).toHaveTextContent("1 of 6 cards");
  });

  it("says so when nothing matches, and Escape in the field shows every card again", async () => {
    const { backend } = small();
    const { user } = await renderApp(backend);
    await user.type(screen.getByTestId("stack-search"), "nothing like this");
    expect(await screen.findByTestId("stack-no-match")).toBeInTheDocument();
    expect(cardIds()).toEqual([]);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(cardIds()).toHaveLength(6));
    expect(screen.getByTestId("stack-search")).toHaveValue("");
  });

  it("puts the cursor in the search field on Ctrl+F", async () => {
    const { backend } = small();
    const { user } = await renderApp(backend);
    await user.click(screen.getAllByTestId("card")[0]);
    await user.keyboard("{Control>}f{/Control}");
    expect(screen.getByTestId("stack-search")).toHaveFocus();
  });

  it("keeps a matching card's team and lane", async () => {
    const { backend } = small();
    const { user } = await renderApp(backend);
    await user.type(screen.getByTestId("stack-search"), "welcome");
    await waitFor(() => expect(cardIds()).toEqual(["mail"]));
    const lane = screen.getByTestId("lane-touchpoints-email");
    expect(within(lane).getByTestId("card")).toHaveTextContent("Customer care");
  });
});
