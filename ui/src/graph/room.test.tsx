import "./testSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nexusFlow } from "../testing/fixtures";
import { emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import { finding, report } from "./fixtures";

beforeEach(() => {
  window.location.hash = "#graph";
});
afterEach(() => {
  window.location.hash = "";
});

const handoff = { kind: "handoff" as const, id: "website-wizard" };

describe("the audit of an empty workspace", () => {
  it("says there is nothing to check yet, not that no divergence was found", async () => {
    await renderApp(new MemoryBackend([emptyWorkspace("Fresh start")]));
    const panel = await screen.findByTestId("findings-panel");
    await waitFor(() => expect(within(panel).getByTestId("findings-nothing-to-check")).toHaveTextContent("Nothing to check yet"));
    expect(panel).not.toHaveTextContent("No divergences found");
  });
});

describe("a waiver's review date", () => {
  it("is sent with the waiver when the user picks one", async () => {
    const b = new MemoryBackend([nexusFlow()], { display_name: "Dana" });
    b.auditFor = () => report([finding("unowned-handoff", "warning", [handoff])]);
    const { user } = await renderApp(b);
    const item = await screen.findByTestId("finding");
    await user.click(within(item).getByTestId("finding-waive"));
    await user.type(screen.getByTestId("waive-reason-input"), "Agency contract covers it");
    await user.type(screen.getByTestId("waive-review-input"), "2027-03-01");
    await user.click(screen.getByTestId("waive-submit"));

    await waitFor(() => expect(b.edits()).toHaveLength(1));
    const [edit] = b.edits();
    expect(edit).toMatchObject({ type: "put_waiver", waiver: { reason: "Agency contract covers it", review: "2027-03-01" } });
  });

  it("shows 'review due' on a waived finding whose review day has come, as the library marks it", async () => {
    const b = new MemoryBackend([nexusFlow()]);
    const waived = { reason: "Fine for now", who: "Dana", when: "2026-01-05T10:00:00Z" };
    b.auditFor = () =>
      report([
        finding("unowned-handoff", "warning", [handoff], { waived: { ...waived, review: "2026-06-01", due: true } }),
        finding("orphan-touchpoint", "info", [{ kind: "element", id: "webinar" }], { waived: { ...waived, review: "2099-01-01" } }),
      ]);
    await renderApp(b);
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(2));
    const [due, later] = screen.getAllByTestId("finding");
    expect(within(due).getByTestId("finding-review-due")).toHaveTextContent("review due");
    expect(within(due).getByTestId("waiver-review")).toHaveAttribute("data-due", "true");
    expect(within(later).queryByTestId("finding-review-due")).not.toBeInTheDocument();
    expect(within(later).getByTestId("waiver-review")).toHaveTextContent("Review on");
  });
});
