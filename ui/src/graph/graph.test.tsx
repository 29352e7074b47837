import "./testSetup";
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import { nexusReport } from "./fixtures";

function backend() {
  const b = new MemoryBackend([nexusFlow()], { display_name: "Dana" });
  b.auditFor = (doc) => nexusReport(doc);
  return b;
}

const findingEl = (code: string) => screen.getAllByTestId("finding").find((f) => f.dataset.code === code)!;

beforeEach(() => {
  window.location.hash = "#graph";
});
afterEach(() => {
  window.location.hash = "";
});

describe("the findings panel of the handoff graph", () => {
  it("lists the audit's findings with counts, and filters by severity and rule", async () => {
    const b = backend();
    const { user } = await renderApp(b);
    const panel = await screen.findByTestId("findings-panel");
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(2));
    expect(
      screen.getAllByTestId("finding").map((f) => f.dataset.code),
      "most serious first",
    ).toEqual(["conflicting-claim", "unowned-handoff"]);
    expect(within(panel).getByTestId("filter-error")).toHaveTextContent("1 error");
    await user.click(within(panel).getByTestId("filter-error"));
    expect(screen.getAllByTestId("finding").map((f) => f.dataset.code)).toEqual(["unowned-handoff"]);
    await user.click(within(panel).getByTestId("filter-error"));
    await user.selectOptions(within(panel).getByTestId("filter-rule"), "conflicting-claim");
    expect(screen.getAllByTestId("finding").map((f) => f.dataset.code)).toEqual(["conflicting-claim"]);
    await user.selectOptions(within(panel).getByTestId("filter-rule"), "");
    await user.selectOptions(within(panel).getByTestId("filter-team"), "Sales");
    expect(
      screen.getAllByTestId("finding").map((f) => f.dataset.code),
      "the demo belongs to Sales",
    ).toEqual(["unowned-handoff"]);
  });

  it("selects a finding's subject and opens its inspector", async () => {
    const { user } = await renderApp(backend());
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(2));
    await user.click(within(findingEl("conflicting-claim")).getByRole("button", { name: /conflicting claim/i }));
    const inspector = await screen.findByTestId("handoff-inspector");
    expect(inspector).toHaveTextContent("website-wizard");
    expect(findingEl("conflicting-claim").className).toContain("selected");
  });

  it("explains why: the values that disagree, where each comes from, and the fix", async () => {
    const { user } = await renderApp(backend());
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(2));
    const f = findingEl("conflicting-claim");
    await user.click(within(f).getByTestId("finding-why"));
    const why = within(f).getByTestId("finding-evidence");
    expect(why).toHaveTextContent("Product website");
    expect(why).toHaveTextContent("No setup needed");
    expect(why).toHaveTextContent("Connect a data source and configure API keys");
    expect(why).toHaveTextContent("Agree one wording");
  });

  it("scrolls an opened explanation into view, since it may open below the panel's fold", async () => {
    const scrolled: Element[] = [];
    const before = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      const { user } = await renderApp(backend());
      await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(2));
      const f = findingEl("conflicting-claim");
      expect(scrolled).not.toContain(f);
      await user.click(within(f).getByTestId("finding-why"));
      await waitFor(() => expect(scrolled, "the finding with its explanation").toContain(f));
      const times = scrolled.length;
      await user.click(within(f).getByTestId("finding-why"));
      expect(scrolled.length, "closing it does not move the list").toBe(times);
    } finally {
      Element.prototype.scrollIntoView = before;
    }
  });

  it("waives with a reason as one undoable edit, and shows the finding as waived", async () => {
    const b = backend();
    const { user, store } = await renderApp(b);
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(2));
    await user.click(within(findingEl("conflicting-claim")).getByTestId("finding-waive"));
    expect(within(findingEl("conflicting-claim")).getByTestId("waive-submit"), "no waiver without a reason").toBeDisabled();
    await user.type(screen.getByTestId("waive-reason-input"), "Legal signed off both wordings");
    await user.click(screen.getByTestId("waive-submit"));
    await waitFor(() => expect(findingEl("conflicting-claim").dataset.waived).toBe("true"));
    const edit = b.edits().at(-1);
    expect(edit?.type).toBe("put_waiver");
    if (edit?.type !== "put_waiver") return;
    expect(edit.waiver, "the window sends what the user wrote, not who or when").toEqual({
      code: "conflicting-claim",
      subject: "website-wizard",
      reason: "Legal signed off both wordings",
      who: "",
      when: "",
    });
    const saved = store.getState().current?.doc.waivers.find((w) => w.code === "conflicting-claim");
    expect(saved?.who, "the library records the display name").toBe("Dana");
    expect(Number.isNaN(Date.parse(saved?.when ?? "")), "and the time").toBe(false);
    expect(findingEl("conflicting-claim")).toHaveTextContent("Legal signed off both wordings");
    await act(() => store.undo());
    await waitFor(() => expect(findingEl("conflicting-claim").dataset.waived).toBe("false"));
  });

  it("runs the audit again after every edit", async () => {
    const b = backend();
    const { store } = await renderApp(b);
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(2));
    const before = b.calls.filter((c) => c.method === "auditWorkspace").length;
    b.auditFor = () => ({ findings: [], summary: { error: 0, warning: 0, info: 0, waived: 0, due: 0, nothing_to_check: false } });
    const wizard = nexusFlow().elements.find((e) => e.id === "wizard")!;
    await act(() => store.edit({ type: "put_element", element: { ...wizard, claims: { "setup.effort": "No setup needed" } } }));
    await waitFor(() => expect(screen.queryAllByTestId("finding")).toHaveLength(0));
    expect(b.calls.filter((c) => c.method === "auditWorkspace").length).toBe(before + 1);
    expect(screen.getByTestId("findings-panel")).toHaveTextContent("No divergences found");
  });
});
