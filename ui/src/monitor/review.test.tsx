import "../graph/testSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { today } from "../assess/dimensions";
import type { Workspace } from "../backend";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import { driftReport, measuredNexus } from "./fixtures";

vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => {
  window.location.hash = "#monitor";
});
afterEach(() => {
  window.location.hash = "";
});

function withReview(): Workspace {
  const ws = measuredNexus();
  ws.reviews = [
    { id: "review-2026-02", date: "2026-02-27", attendees: ["Dana", "Lee"], decisions: "Keep the wizard as it is." },
    {
      id: "review-2026-03",
      date: "2026-04-02",
      attendees: ["Dana"],
      decisions: "Rework the wizard's second step.",
      findings: ["metric-drift|wizard-csat"],
    },
  ];
  return ws;
}

function backend(doc: Workspace) {
  const b = new MemoryBackend([doc]);
  b.monitorFor = driftReport;
  return b;
}

const slugOf = (b: MemoryBackend) => b.calls.find((c) => c.method === "openWorkspace")?.args[0] as string;

describe("the review log", () => {
  it("lists reviews newest first with who came, what was decided and the findings discussed", async () => {
    await renderApp(backend(withReview()));
    const reviews = await screen.findAllByTestId("review");
    expect(reviews.map((r) => r.dataset.reviewId)).toEqual(["review-2026-03", "review-2026-02"]);
    expect(reviews[0]).toHaveTextContent("2026-04-02");
    expect(reviews[0]).toHaveTextContent("with Dana");
    expect(reviews[0]).toHaveTextContent("Rework the wizard's second step.");
    expect(within(reviews[0]).getByTestId("review-findings")).toHaveTextContent("Discussed: metric-drift on wizard-csat");
  });

  it("adds a review linked to the open findings, and edits it", async () => {
    const b = backend(measuredNexus());
    const { user } = await renderApp(b);
    await screen.findAllByTestId("monitor-finding");
    await user.click(screen.getByTestId("review-add"));
    const form = screen.getByTestId("review-form");
    expect(within(form).getByTestId("review-date")).toHaveValue(today());
    // The findings open now are linked by default; the user unticks the gap.
    const boxes = within(form).getAllByTestId("review-finding");
    expect(boxes.map((x) => x.dataset.ref)).toEqual(["metric-drift|wizard-csat", "promise-gap|set-up"]);
    await user.click(boxes[1]);
    await user.clear(within(form).getByTestId("review-date"));
    await user.type(within(form).getByTestId("review-date"), "2026-04-30");
    await user.type(within(form).getByTestId("review-attendees"), "Dana, Lee , ");
    await user.type(within(form).getByTestId("review-decisions"), "Roll back the wizard change.");
    await user.click(within(form).getByTestId("review-save"));
    await waitFor(() =>
      expect(b.edits().at(-1)).toEqual({
        type: "put_review",
        review: {
          id: `review-${today()}`,
          date: "2026-04-30",
          attendees: ["Dana", "Lee"],
          decisions: "Roll back the wizard change.",
          findings: ["metric-drift|wizard-csat"],
        },
      }),
    );
    await user.click(await screen.findByTestId("review-edit"));
    await user.type(screen.getByTestId("review-decisions"), " Check again in May.");
    await user.click(screen.getByTestId("review-save"));
    await waitFor(() => expect(b.doc(slugOf(b)).reviews?.[0].decisions).toBe("Roll back the wizard change. Check again in May."));
    expect(b.doc(slugOf(b)).reviews).toHaveLength(1);
  });

  it("refuses a review without a proper date", async () => {
    const b = backend(measuredNexus());
    const { user } = await renderApp(b);
    await user.click(await screen.findByTestId("review-add"));
    await user.clear(screen.getByTestId("review-date"));
    await user.type(screen.getByTestId("review-date"), "April");
    await user.click(screen.getByTestId("review-save"));
    expect(screen.getByRole("alert")).toHaveTextContent("Give the review's date, written YYYY-MM-DD.");
    expect(b.edits()).toHaveLength(0);
  });

  it("loops back to Assess: starts a readiness session from a review and remembers it", async () => {
    const b = backend(withReview());
    const { user } = await renderApp(b);
    const latest = (await screen.findAllByTestId("review"))[0];
    await user.click(within(latest).getByTestId("review-loop-back"));
    await waitFor(() => expect(window.location.hash).toBe("#assess"));
    const id = "follow-up-of-the-2026-04-02-review";
    expect(b.edits().at(-1)).toEqual({
      type: "batch",
      edits: [
        { type: "put_session", session: { id, name: "Follow-up of the 2026-04-02 review", date: today(), raters: [] } },
        {
          type: "put_review",
          review: {
            id: "review-2026-03",
            date: "2026-04-02",
            attendees: ["Dana"],
            decisions: "Rework the wizard's second step.",
            findings: ["metric-drift|wizard-csat"],
            session: id,
          },
        },
      ],
    });
    // Assess opens on the new session.
    expect(
      await screen.findByText("Follow-up of the 2026-04-02 review", { selector: "h1, h2, [aria-current] *, [aria-current]" }),
    ).toBeInTheDocument();
    window.location.hash = "#monitor";
    const again = (await screen.findAllByTestId("review"))[0];
    expect(within(again).getByTestId("review-session")).toHaveTextContent("Looped back to Assess: Follow-up of the 2026-04-02 review");
  });
});
