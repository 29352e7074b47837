import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReadinessReport, ReadinessSession, SessionSummary, Workspace } from "../backend";
import { emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import { anonymousSession, raterAlias } from "./dimensions";
import { layerHistory } from "./LayerHistory";

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

const LONG = "Maximiliana Theodora Alexandrescu-Villeneuve, Vice President of Customer Experience Operations";

/** Six raters, two with long names, who disagree on data. */
function sixRaters(): ReadinessSession["raters"] {
  const names = ["Ana", LONG, "Ben", "Chloé", `${LONG} (deputy)`, "Dev"];
  return names.map((name, i) => ({
    name,
    scores: { strategy: 3, data: i % 2 === 0 ? 1 : 5, team: 3, technology: 4, culture: 2, metrics: 3 },
    note: i === 1 ? "Data is split across three CRMs and nobody owns the merge." : undefined,
  }));
}

function workshop(): Workspace {
  const ws = emptyWorkspace("Workshop");
  ws.readiness = [
    { id: "q1", name: "Q1 workshop", date: "2026-01-15", raters: sixRaters() },
    { id: "q2", name: "Q2 workshop", date: "2026-04-15", raters: sixRaters() },
  ];
  ws.layer_scores = [
    { layer: "vision", score: 2, date: "2026-01-15", session: "q1" },
    { layer: "system", score: 1, date: "2026-01-15", session: "q1" },
  ];
  return ws;
}

describe("raters without names", () => {
  it("follow the library's rule: Rater A to Z, then AA", () => {
    expect([0, 1, 25, 26, 27].map(raterAlias)).toEqual(["Rater A", "Rater B", "Rater Z", "Rater AA", "Rater AB"]);
    const anon = anonymousSession(workshop().readiness[0]);
    expect(anon.raters.map((r) => r.name)).toEqual(["Rater A", "Rater B", "Rater C", "Rater D", "Rater E", "Rater F"]);
    expect(anon.raters.every((r) => r.note === undefined)).toBe(true);
    expect(anon.raters[1].scores).toEqual(workshop().readiness[0].raters[1].scores);
  });

  it("replace the names in presenter mode when the facilitator hides them", async () => {
    const backend = new MemoryBackend([workshop()]);
    const summary: SessionSummary = {
      session_id: "q2",
      name: "Q2 workshop",
      date: "2026-04-15",
      raters: 6,
      dimensions: [],
      total: 17,
      total_display: "17.0",
      total_max: 30,
      threshold: 18,
      unscored: [],
      verdict: { kind: "foundations_first", sentence: "Fix the foundations first." },
      weakest: ["culture"],
      recommendations: [],
      agreement: {
        alpha: 0.18,
        reading: { kind: "disagrees" },
        short: "alpha 0.18: the room barely agrees",
        words: "The room barely agrees (alpha 0.18).",
      },
      discuss: [],
    };
    backend.reportFor = () => ({ session: summary, layers: { date: null, layers: [], patterns: [] }, trend: [] });
    const { user } = await renderApp(backend);
    await user.click(await screen.findByTestId("presenter-toggle"));
    const presenter = await screen.findByTestId("presenter");
    await waitFor(() => expect(within(presenter).getByTestId("readiness-radar").dataset.raters).toContain("Ana"));

    await user.click(within(presenter).getByTestId("presenter-anonymous"));
    const shown = within(presenter).getByTestId("readiness-radar").dataset.raters ?? "";
    expect(shown.split("|")).toEqual(["Rater A", "Rater B", "Rater C", "Rater D", "Rater E", "Rater F"]);
    expect(presenter).not.toHaveTextContent("Ana");
  });
});

describe("a grid of six raters with long names", () => {
  it("keeps one row per rater and one cell per dimension, the whole name on hover", async () => {
    await renderApp(new MemoryBackend([workshop()]));
    await waitFor(() => expect(screen.getAllByTestId("rater-row")).toHaveLength(6));
    for (const row of screen.getAllByTestId("rater-row")) {
      expect(within(row).getAllByTestId("score-cell")).toHaveLength(6);
      expect(within(row).getAllByTestId("rater-note")).toHaveLength(1);
    }
    const long = screen.getAllByTestId("rater-row")[1];
    const text = long.querySelector(".rater-name-text");
    expect(text, "a long name is clamped in its own element").not.toBeNull();
    expect(text).toHaveAttribute("title", LONG);
  });
});

describe("layer scores", () => {
  it("are rated in the session on screen, on its date", async () => {
    const backend = new MemoryBackend([workshop()]);
    const { user } = await renderApp(backend);
    expect(await screen.findByTestId("layer-session")).toHaveTextContent("Q2 workshop");
    const narrative = screen.getAllByTestId("layer-score").find((b) => b.dataset.layer === "narrative" && b.dataset.score === "3")!;
    await user.click(narrative);
    await waitFor(() => expect(backend.edits()).toHaveLength(1));
    expect(backend.edits()[0]).toEqual({
      type: "put_layer_score",
      score: { layer: "narrative", score: 3, date: "2026-04-15", session: "q2" },
    });
  });

  it("are charted over time, a point per dated rating named by its session", async () => {
    const ws = workshop();
    ws.layer_scores.push({ layer: "vision", score: 3, date: "2026-04-15", session: "q2" });
    ws.layer_scores.push({ layer: "system", score: 2, date: "2025-10-01" });
    const points = layerHistory(ws.layer_scores, ws.readiness);
    expect(points.map((p) => [p.date, p.session])).toEqual([
      ["2025-10-01", null],
      ["2026-01-15", "Q1 workshop"],
      ["2026-04-15", "Q2 workshop"],
    ]);
    expect(points[1].scores).toEqual({ vision: 2, system: 1 });

    const backend = new MemoryBackend([ws]);
    const report: ReadinessReport = { session: null, layers: { date: null, layers: [], patterns: [] }, trend: [] };
    backend.reportFor = () => report;
    await renderApp(backend);
    expect(await screen.findByTestId("layer-history")).toHaveAttribute("data-points", "3");
  });

  it("wait for a second rating before drawing a history", async () => {
    const ws = workshop();
    await renderApp(new MemoryBackend([ws]));
    expect(await screen.findByTestId("layer-history-empty")).toBeInTheDocument();
  });
});
