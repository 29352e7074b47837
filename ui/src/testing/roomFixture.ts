import type { Dimension, DimensionStats, ReadinessReport, ReadinessSession, Score, SessionSummary, Workspace } from "../backend";
import { DIMENSIONS } from "../model/library";

const LONG = "Maximiliana Theodora Alexandrescu-Villeneuve, VP Customer Experience Operations";

/** Six raters, two with long names, split on data and culture: the grid's stress case (screenshots). */
export function sixRaterSession(date = "2026-04-15"): ReadinessSession {
  const names = ["Ana Duarte", LONG, "Ben Okafor", "Chloé Martin", `${LONG} (deputy)`, "Dev Raman"];
  const rows: Record<Dimension, number>[] = [
    { strategy: 4, data: 1, team: 3, technology: 4, culture: 2, metrics: 3 },
    { strategy: 3, data: 5, team: 3, technology: 4, culture: 5, metrics: 2 },
    { strategy: 4, data: 2, team: 2, technology: 3, culture: 2, metrics: 3 },
    { strategy: 3, data: 4, team: 3, technology: 4, culture: 4, metrics: 2 },
    { strategy: 4, data: 1, team: 4, technology: 3, culture: 1, metrics: 3 },
    { strategy: 3, data: 5, team: 3, technology: 4, culture: 4, metrics: 3 },
  ];
  return {
    id: "six-raters",
    name: "Leadership workshop",
    date,
    raters: names.map((name, i) => ({
      name,
      scores: rows[i] as Record<Dimension, Score>,
      ...(i === 1 ? { note: "Three CRMs, no owner for the merge; the data layer is where the story breaks." } : {}),
    })),
  };
}

/** The workspace with the six-rater session added as its latest. */
export function withSixRaters(doc: Workspace): Workspace {
  return { ...doc, readiness: [...doc.readiness, sixRaterSession()] };
}

function stats(session: ReadinessSession, d: Dimension): DimensionStats {
  const scores = session.raters.map((r) => r.scores[d]).filter((s): s is Score => s != null);
  const sorted = [...scores].sort((a, b) => a - b);
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  const spread = sorted[sorted.length - 1] - sorted[0];
  return {
    dimension: d,
    mean,
    median,
    lowest: sorted[0],
    highest: sorted[sorted.length - 1],
    count: scores.length,
    spread,
    disagreement: spread >= 2,
  };
}

/** Figures for the six-rater session, shaped like the library's (fixture tooling; not the library's numbers). */
export function sixRaterReport(base: ReadinessReport, session: ReadinessSession): ReadinessReport {
  const dimensions = DIMENSIONS.map((d) => stats(session, d));
  const total = dimensions.reduce((a, d) => a + (d.mean ?? 0), 0);
  const summary: SessionSummary = {
    session_id: session.id,
    name: session.name,
    date: session.date,
    raters: session.raters.length,
    dimensions,
    total,
    total_display: (Math.floor(total * 10) / 10).toFixed(1),
    total_max: 30,
    threshold: 18,
    unscored: [],
    verdict: { kind: total >= 18 ? "ready" : "foundations_first", sentence: "Fix the foundations first: the room is not there yet." },
    weakest: ["culture"],
    recommendations: [],
    agreement: {
      alpha: 0.18,
      reading: { kind: "disagrees" },
      short: "alpha 0.18: the room barely agrees",
      words:
        "The room barely agrees (alpha 0.18): discuss before acting, because the averages hide quite different views of where you stand.",
    },
    discuss: dimensions.filter((d) => d.disagreement).map((d) => d.dimension),
  };
  return { ...base, session: summary };
}
