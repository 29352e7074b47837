import "../graph/testSetup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Report, Workspace } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import { NO_FILTER, timelineRows } from "./Timeline";

/** A canned audit: one error while the welcome email has no stage-agnostic twin, i.e. while it exists. */
function audit(doc: Workspace): Report {
  const welcome = doc.elements.some((e) => e.id === "welcome");
  const findings = welcome
    ? [
        {
          code: "orphan_touchpoint",
          severity: "error",
          key: "welcome",
          subjects: [],
          message: "Welcome email is fed by nothing.",
          evidence: [],
          fix: "Connect it.",
          waived: null,
        },
      ]
    : [];
  return {
    findings,
    summary: { error: findings.length, warning: 0, info: 0, waived: 0, due: 0, nothing_to_check: false },
  } as unknown as Report;
}

function backend() {
  const b = new MemoryBackend([nexusFlow()], { display_name: "Dana" });
  b.auditFor = audit;
  return b;
}

const card = (id: string) => screen.queryAllByTestId("card").find((c) => c.dataset.cardId === id);

afterEach(() => {
  window.location.hash = "";
});

async function takeSnapshot(user: Awaited<ReturnType<typeof renderApp>>["user"], label: string) {
  fireEvent.keyDown(window, { key: "S", ctrlKey: true, shiftKey: true });
  const dialog = await screen.findByTestId("snapshot-dialog");
  await user.type(within(dialog).getByTestId("snapshot-label"), label);
  await user.click(within(dialog).getByTestId("snapshot-submit"));
  await waitFor(() => expect(screen.queryByTestId("snapshot-dialog")).toBeNull());
}

describe("snapshots", { timeout: 20000 }, () => {
  it("are taken with Ctrl+Shift+S, listed, and a label taken twice is refused in the dialog", async () => {
    const b = backend();
    const { user } = await renderApp(b);
    await takeSnapshot(user, "Baseline");
    window.location.hash = "#versions";
    const panel = await screen.findByTestId("snapshots-panel");
    await waitFor(() =>
      expect(
        within(panel)
          .getAllByTestId("snapshot")
          .map((s) => s.dataset.label),
      ).toEqual(["Baseline"]),
    );
    expect(within(panel).getByTestId("snapshot")).toHaveTextContent("Dana");

    await user.click(screen.getByTestId("take-snapshot"));
    const dialog = await screen.findByTestId("snapshot-dialog");
    await user.type(within(dialog).getByTestId("snapshot-label"), "baseline");
    await user.click(within(dialog).getByTestId("snapshot-submit"));
    expect(await within(dialog).findByTestId("snapshot-error")).toHaveTextContent("already labelled “Baseline”");
  });

  it("restore as one change that undo takes back, and delete after asking", async () => {
    const b = backend();
    const { user, store } = await renderApp(b);
    await takeSnapshot(user, "Baseline");
    await store.edit({ type: "delete_element", id: "welcome" });
    window.location.hash = "#versions";
    await user.click(await screen.findByTestId("snapshot-restore"));
    expect(screen.getByTestId("restore-dialog")).toHaveTextContent("Undo (Ctrl+Z)");
    await user.click(screen.getByTestId("restore-confirm"));
    await waitFor(() => expect(store.getState().current?.doc.elements.some((e) => e.id === "welcome")).toBe(true));
    expect(store.getState().current?.undo?.label).toBe("Restore snapshot “Baseline”");
    expect(screen.getByTestId("snapshot-message")).toHaveTextContent("Restored “Baseline”");

    await store.undo();
    expect(
      store.getState().current?.doc.elements.some((e) => e.id === "welcome"),
      "undo brings back the edit",
    ).toBe(false);

    await user.click(screen.getByTestId("snapshot-delete"));
    await user.click(screen.getByTestId("confirm"));
    await waitFor(() => expect(screen.queryAllByTestId("snapshot")).toHaveLength(0));
    const slug = store.getState().current?.summary.slug;
    expect(b.calls.filter((c) => c.method === "deleteSnapshot").map((c) => c.args)).toEqual([[slug, "Baseline"]]);
  });
});

describe("the Compare view", { timeout: 20000 }, () => {
  it("compares a snapshot with now: the change list by layer, findings resolved, and marks on the stack", async () => {
    const b = backend();
    const { user, store } = await renderApp(b);
    await takeSnapshot(user, "Baseline");
    const wizard = store.getState().current!.doc.elements.find((e) => e.id === "wizard")!;
    await store.edit({ type: "put_element", element: { ...wizard, name: "Setup wizard" } });
    await store.edit({ type: "delete_element", id: "welcome" });

    window.location.hash = "#versions";
    await user.click(await screen.findByTestId("snapshot-compare"));
    const result = await screen.findByTestId("compare-result");
    expect(within(result).getByTestId("compare-summary")).toHaveTextContent(
      "“Baseline” → Now: 3 changes: 0 added, 1 changed, 0 moved, 2 removed.",
    );
    const entries = within(result).getAllByTestId("change-entry");
    expect(entries.map((e) => `${e.dataset.change} ${e.dataset.id}`)).toEqual([
      "removed signup-welcome",
      "changed wizard",
      "removed welcome",
    ]);
    expect(entries[1]).toHaveTextContent("Onboarding wizard → Setup wizard");
    expect(entries[0], "a handoff is named by its two ends, a removed one included").toHaveTextContent("Sign-up form → Welcome email");
    expect(within(screen.getByTestId("findings-resolved")).getByText("orphan_touchpoint")).toBeInTheDocument();
    expect(screen.getByTestId("findings-introduced")).toHaveTextContent("Introduced (0)");

    const bar = screen.getByTestId("lens-bar");
    expect(bar).toHaveTextContent("Changes from “Baseline” to Now");

    // An entry selects its card on the stack, where the lens marks it.
    await user.click(within(entries[1]).getByRole("button"));
    await waitFor(() => expect(window.location.hash).toBe("#stack"));
    await waitFor(() => expect(card("wizard")?.className).toContain("mark-changed"));
    expect(store.getState().selectedElement).toBe("wizard");
    expect(card("welcome")?.className, "the removed card is a ghost").toContain("is-ghost");
  });

  it("redoes the comparison when the workspace changes while the lens is on", async () => {
    const b = backend();
    const { user, store } = await renderApp(b);
    await takeSnapshot(user, "Baseline");
    window.location.hash = "#versions";
    await user.click(await screen.findByTestId("snapshot-compare"));
    expect(await screen.findByTestId("compare-summary")).toHaveTextContent("no change");
    window.location.hash = "#stack";
    await store.edit({ type: "delete_element", id: "welcome" });
    await waitFor(() => expect(card("welcome")?.className).toContain("is-ghost"));
  });

  it("says why the views are not marked when the newer state is not now, and shows a file's read error", async () => {
    const b = backend();
    const { user, store } = await renderApp(b);
    await takeSnapshot(user, "Baseline");
    await store.edit({ type: "delete_element", id: "welcome" });
    await takeSnapshot(user, "After");
    window.location.hash = "#versions";
    await screen.findAllByTestId("snapshot");
    await waitFor(() => expect(screen.getAllByTestId("snapshot")).toHaveLength(2));
    await user.selectOptions(screen.getByTestId("compare-from"), "snapshot:Baseline");
    await user.selectOptions(screen.getByTestId("compare-to"), "snapshot:After");
    await user.click(screen.getByTestId("compare-run"));
    expect(await screen.findByTestId("compare-summary")).toHaveTextContent("“Baseline” → “After”: 2 changes");
    expect(screen.getByTestId("compare-result")).toHaveTextContent("marked only when the newer state is “Now”");
    expect(screen.queryByTestId("lens-bar")).toBeNull();

    await user.selectOptions(screen.getByTestId("compare-from"), "choose-file");
    await waitFor(() => expect(screen.getByTestId("compare-from")).toHaveValue("file:/tmp/import.throughline.json"));
    await user.click(screen.getByTestId("compare-run"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Cannot read /tmp/import.throughline.json");
  });
});

describe("the timeline", { timeout: 20000 }, () => {
  it("lists change batches newest first with snapshots marked, filters by item and person, and shows an item's history", async () => {
    const b = backend();
    const { user, store } = await renderApp(b);
    const wizard = store.getState().current!.doc.elements.find((e) => e.id === "wizard")!;
    await store.edit({ type: "put_element", element: { ...wizard, name: "Setup wizard" } });
    await takeSnapshot(user, "Baseline");
    await store.edit({ type: "delete_element", id: "welcome" });
    window.location.hash = "#versions";
    const timeline = await screen.findByTestId("timeline");
    await waitFor(() => expect(within(timeline).getAllByTestId("timeline-batch")).toHaveLength(2));
    const rows = within(timeline).getAllByRole("listitem");
    expect(rows.map((r) => r.dataset.testid)).toEqual(["timeline-batch", "timeline-snapshot", "timeline-batch"]);

    await user.type(within(timeline).getByTestId("timeline-item"), "wizard");
    await waitFor(() => expect(within(timeline).getAllByTestId("timeline-batch")).toHaveLength(1));
    expect(within(timeline).queryByTestId("timeline-snapshot"), "snapshots are not items").toBeNull();
    const history = await screen.findByTestId("versions-item-history");
    expect(history).toHaveTextContent("History of Setup wizard");
    expect(await within(history).findByTestId("item-history")).toHaveTextContent("Onboarding wizard → Setup wizard");
    expect(history).toHaveTextContent("Dana · app");

    await user.clear(within(timeline).getByTestId("timeline-item"));
    await user.selectOptions(within(timeline).getByTestId("timeline-who"), "Dana");
    expect(within(timeline).getAllByTestId("timeline-batch")).toHaveLength(2);
  });

  it("compares the workspace as it was after any change with now", async () => {
    const b = backend();
    const { user, store } = await renderApp(b);
    const wizard = store.getState().current!.doc.elements.find((e) => e.id === "wizard")!;
    await store.edit({ type: "put_element", element: { ...wizard, name: "Setup wizard" } });
    await store.edit({ type: "delete_element", id: "welcome" });
    window.location.hash = "#versions";
    const timeline = await screen.findByTestId("timeline");
    await waitFor(() => expect(within(timeline).getAllByTestId("timeline-batch")).toHaveLength(2));
    const [newest, older] = within(timeline).getAllByTestId("timeline-batch");
    expect(newest).toHaveTextContent("welcome");
    await user.click(within(older!).getByTestId("timeline-compare-batch"));
    const result = await screen.findByTestId("compare-result");
    const batch = b.calls.find((c) => c.method === "compareVersions")?.args[1] as { kind: string; id: number };
    expect(batch.kind).toBe("batch");
    expect(within(result).getByTestId("compare-summary")).toHaveTextContent(`After change ${batch.id} → Now: 2 changes`);
    expect(
      within(result)
        .getAllByTestId("change-entry")
        .map((e) => `${e.dataset.change} ${e.dataset.id}`),
    ).toEqual(["removed signup-welcome", "removed welcome"]);
  });

  it("keeps rows within the dates given", () => {
    const batch = (id: number, at: string) => ({
      id,
      at,
      who: "Dana",
      source: "ui" as const,
      label: `b${id}`,
      state: "done" as const,
      items: [],
    });
    const rows = timelineRows([batch(1, "2026-01-02T10:00:00Z"), batch(2, "2026-02-02T10:00:00Z")], [], {
      ...NO_FILTER,
      since: "2026-02-01",
    });
    expect(rows.map((r) => (r.kind === "batch" ? r.batch.id : 0))).toEqual([2]);
    expect(timelineRows([batch(1, "2026-01-02T10:00:00Z")], [], { ...NO_FILTER, until: "2026-01-02" })).toHaveLength(1);
  });
});

describe("the inspector", { timeout: 20000 }, () => {
  it("shows a card's history, field by field, when opened", async () => {
    const b = backend();
    const { user, store } = await renderApp(b);
    const wizard = store.getState().current!.doc.elements.find((e) => e.id === "wizard")!;
    await store.edit({ type: "put_element", element: { ...wizard, name: "Setup wizard" } });
    store.selectElement("wizard");
    const inspector = await screen.findByTestId("inspector");
    const history = within(inspector).getByTestId("inspector-history");
    await user.click(within(history).getByText("History"));
    expect(await within(history).findByTestId("item-history")).toHaveTextContent("Changed");
    expect(within(history).getByTestId("item-history")).toHaveTextContent("name");
    expect(within(history).getByTestId("item-history")).toHaveTextContent("Onboarding wizard → Setup wizard");
  });
});
