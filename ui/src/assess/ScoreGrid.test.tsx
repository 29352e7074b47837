import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReadinessReport, ReadinessSession, SessionSummary, Workspace } from "../backend";
import { emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeEach(() => {
  vi.stubGlobal("ResizeObserver", NoResize);
  window.location.hash = "#assess";
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = "";
});

function workshop(raters: ReadinessSession["raters"] = []): Workspace {
  const ws = emptyWorkspace("Workshop");
  ws.readiness = [{ id: "kickoff", name: "Kick-off", date: "2025-02-04", raters }];
  return ws;
}

const cell = (rater: string, dimension: string) =>
  screen.getAllByTestId("score-cell").find((c) => c.dataset.rater === rater && c.dataset.dimension === dimension)!;

const saved = (backend: MemoryBackend) => backend.doc("workshop").readiness[0];

describe("the scoring grid, by keyboard", () => {
  it("adds two raters with Enter and fills both rows with digits alone", async () => {
    const backend = new MemoryBackend([workshop()]);
    const { user } = await renderApp(backend);

    await user.type(await screen.findByTestId("rater-name-input"), "Ana{Enter}");
    await user.type(screen.getByTestId("rater-name-input"), "Ben{Enter}");
    await waitFor(() => expect(screen.getAllByTestId("rater-row")).toHaveLength(2));

    await user.click(cell("Ana", "strategy"));
    await user.keyboard("123454");
    expect(cell("Ben", "strategy")).toHaveFocus();
    await user.keyboard("543212");

    await waitFor(() =>
      expect(saved(backend).raters).toEqual([
        { name: "Ana", scores: { strategy: 1, data: 2, team: 3, technology: 4, culture: 5, metrics: 4 } },
        { name: "Ben", scores: { strategy: 5, data: 4, team: 3, technology: 2, culture: 1, metrics: 2 } },
      ]),
    );
    // One saved, undoable edit per score.
    expect(backend.edits().filter((e) => e.type === "put_session")).toHaveLength(2 + 12);
    expect(cell("Ben", "metrics")).toHaveFocus();
  }, 20000);

  it("moves with the arrows and clears with 0, Backspace and Delete", async () => {
    const backend = new MemoryBackend([
      workshop([
        { name: "Ana", scores: { strategy: 2, data: 3, team: 4 } },
        { name: "Ben", scores: { strategy: 5 } },
      ]),
    ]);
    const { user } = await renderApp(backend);

    await user.click(await waitFor(() => cell("Ana", "strategy")));
    await user.keyboard("{ArrowRight}");
    expect(cell("Ana", "data")).toHaveFocus();
    await user.keyboard("0");
    await user.keyboard("{ArrowRight}{Backspace}");
    await user.keyboard("{ArrowDown}{ArrowLeft}{ArrowLeft}");
    expect(cell("Ben", "strategy")).toHaveFocus();
    await user.keyboard("{Delete}");
    await user.keyboard("{ArrowUp}");
    expect(cell("Ana", "strategy")).toHaveFocus();
    await user.keyboard("{ArrowLeft}{ArrowUp}");
    expect(cell("Ana", "strategy")).toHaveFocus();

    await waitFor(() =>
      expect(saved(backend).raters).toEqual([
        { name: "Ana", scores: { strategy: 2 } },
        { name: "Ben", scores: {} },
      ]),
    );
  });

  it("refuses 6 to 9 with a message and changes nothing", async () => {
    const backend = new MemoryBackend([workshop([{ name: "Ana", scores: { data: 3 } }])]);
    const { user } = await renderApp(backend);

    await user.click(await waitFor(() => cell("Ana", "data")));
    await user.keyboard("7");

    expect(screen.getByTestId("grid-message")).toHaveTextContent("Scores run from 1 to 5.");
    expect(cell("Ana", "data")).toHaveFocus();
    expect(cell("Ana", "data")).toHaveAttribute("data-score", "3");
    expect(backend.edits()).toEqual([]);

    await user.keyboard("4");
    expect(screen.getByTestId("grid-message")).toBeEmptyDOMElement();
    await waitFor(() => expect(saved(backend).raters[0].scores).toEqual({ data: 4 }));
  });

  it("lets Tab leave the grid instead of walking every cell", async () => {
    const backend = new MemoryBackend([workshop([{ name: "Ana", scores: {} }])]);
    const { user } = await renderApp(backend);

    await user.click(await waitFor(() => cell("Ana", "team")));
    await user.tab();

    expect(document.activeElement).not.toHaveAttribute("data-testid", "score-cell");
    expect(document.activeElement).toHaveAttribute("data-testid", "rater-note");
    const tabbable = screen.getAllByTestId("score-cell").filter((c) => c.tabIndex === 0);
    expect(tabbable).toEqual([cell("Ana", "team")]);
  });

  it("removes a rater and brings them back with Undo", async () => {
    const backend = new MemoryBackend([
      workshop([
        { name: "Ana", scores: { data: 3 } },
        { name: "Ben", scores: {} },
      ]),
    ]);
    const { user } = await renderApp(backend);

    await user.click(await screen.findByRole("button", { name: "Remove Ana" }));
    await waitFor(() => expect(screen.getAllByTestId("rater-row")).toHaveLength(1));
    await user.click(screen.getByTestId("rater-removed-undo"));

    await waitFor(() => expect(screen.getAllByTestId("rater-row").map((r) => r.dataset.rater)).toEqual(["Ana", "Ben"]));
    expect(saved(backend).raters[0]).toEqual({ name: "Ana", scores: { data: 3 } });
  });
});

describe("the figures", () => {
  it("shows the backend's total, verdict and agreement words, asked for the shown session", async () => {
    const summary: SessionSummary = {
      session_id: "kickoff",
      name: "Kick-off",
      date: "2025-02-04",
      raters: 2,
      dimensions: [],
      total: 21.5,
      total_display: "21.5",
      total_max: 30,
      threshold: 18,
      unscored: [],
      verdict: { kind: "ready", sentence: "Ready to orchestrate: the foundations are in place." },
      weakest: ["data"],
      recommendations: [{ dimension: "data", mean: 2.5, text: "Unify the customer data first." }],
      agreement: {
        alpha: 0.71,
        reading: { kind: "broadly_agrees" },
        short: "alpha 0.71: the room broadly agrees",
        words: "The room broadly agrees.",
      },
      discuss: [],
    };
    const report: ReadinessReport = { session: summary, layers: { date: null, layers: [], patterns: [] }, trend: [] };
    const backend = new MemoryBackend([
      workshop([
        { name: "Ana", scores: { data: 3 } },
        { name: "Ben", scores: {} },
      ]),
    ]);
    backend.reportFor = () => report;
    await renderApp(backend);

    expect(await screen.findByTestId("readiness-total")).toHaveTextContent("21.5 / 30");
    expect(screen.getByTestId("readiness-verdict")).toHaveTextContent("Ready to orchestrate");
    expect(screen.getByTestId("readiness-agreement")).toHaveTextContent("The room broadly agrees.");
    expect(within(screen.getByTestId("readiness-weakest")).getByText(/Unify the customer data first/)).toBeInTheDocument();
    expect(backend.calls.find((c) => c.method === "readinessReport")?.args).toEqual(["workshop", "kickoff"]);
  });

  it("shows a new session as starting, not the previous one's grid, until it is saved", async () => {
    const backend = new MemoryBackend([workshop([{ name: "Ana", scores: { data: 3 } }])]);
    const { user } = await renderApp(backend);
    expect(await screen.findByTestId("session-name")).toHaveValue("Kick-off");

    await user.click(screen.getByTestId("assess-new-session"));
    await user.type(screen.getByTestId("session-name-input"), "Board offsite");
    const release = backend.hold();
    await user.keyboard("{Enter}");

    expect(await screen.findByTestId("assess-starting")).toHaveTextContent("Starting the session");
    expect(screen.queryByTestId("rater-name-input")).not.toBeInTheDocument();
    expect(screen.queryByTestId("session-name")).not.toBeInTheDocument();

    release();
    await waitFor(() => expect(screen.getByTestId("session-name")).toHaveValue("Board offsite"));
    expect(screen.queryByTestId("assess-starting")).not.toBeInTheDocument();
    expect(screen.queryAllByTestId("rater-row")).toHaveLength(0);
  });

  it("invites the facilitator to start when there is no session", async () => {
    const backend = new MemoryBackend([emptyWorkspace("Workshop")]);
    const { user } = await renderApp(backend);

    expect(await screen.findByText("No readiness session yet — start one for this workshop")).toBeInTheDocument();
    await user.click(screen.getByTestId("assess-new-session"));
    await user.type(screen.getByTestId("session-name-input"), "Kick-off{Enter}");

    await waitFor(() => expect(backend.doc("workshop").readiness).toHaveLength(1));
    expect(backend.doc("workshop").readiness[0]).toMatchObject({ id: "kick-off", name: "Kick-off", raters: [] });
    expect(await screen.findByTestId("rater-name-input")).toBeInTheDocument();
  });
});
