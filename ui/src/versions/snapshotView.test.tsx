import "../graph/testSetup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { BackendError } from "../backend";
import { emptyLens } from "../lens/lens";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

const SLUG = "nexusflow-first-30-days";

/**
 * NexusFlow with a snapshot "Baseline" (taken by Dana, with a note, while the welcome email
 * and a scored readiness session existed), after which the welcome email was deleted.
 */
async function workspaceWithBaseline() {
  const doc = nexusFlow();
  doc.readiness = [{ id: "kickoff", name: "Kick-off", date: "2025-02-04", raters: [{ name: "Ana", scores: { strategy: 3 } }] }];
  const b = new MemoryBackend([doc], { display_name: "Dana" });
  const [slug] = (await b.listWorkspaces()).map((w) => w.slug);
  expect(slug).toBe(SLUG);
  await b.createSnapshot(slug, "Baseline", "Before the kick-off workshop");
  await b.applyEdit(slug, { type: "delete_element", id: "welcome" });
  b.calls.length = 0;
  return b;
}

const card = (id: string) => screen.queryAllByTestId("card").find((c) => c.dataset.cardId === id);
const edits = (b: MemoryBackend) => b.calls.filter((c) => ["applyEdit", "undo", "redo", "saveLayout", "importReadings"].includes(c.method));

/** Opens the Versions view and the snapshot "Baseline" from its row. */
async function openBaseline(user: Awaited<ReturnType<typeof renderApp>>["user"]) {
  window.location.hash = "#versions";
  const row = await screen.findByTestId("snapshot");
  await user.click(within(row).getByTestId("snapshot-open"));
  return screen.findByTestId("snapshot-banner");
}

afterEach(() => {
  window.location.hash = "";
});

describe("a snapshot opened from the Versions panel", { timeout: 30000 }, () => {
  it("is named by a banner, shown in the stack instead of now, and names the window", async () => {
    const b = await workspaceWithBaseline();
    const { user, store } = await renderApp(b);
    const banner = await openBaseline(user);

    expect(banner).toHaveAttribute("role", "status");
    expect(banner).toHaveTextContent("Snapshot “Baseline”");
    expect(banner).toHaveTextContent("by Dana");
    expect(banner).toHaveTextContent("read only");
    expect(within(banner).getByTestId("snapshot-banner-note")).toHaveTextContent("Before the kick-off workshop");
    expect(b.calls.find((c) => c.method === "openSnapshot")?.args).toEqual([SLUG, "Baseline"]);
    expect(store.getState().current?.summary.slug).toBe(`${SLUG}@Baseline`);
    await waitFor(() => expect(b.windowTitle).toBe("NexusFlow: first 30 days @ Baseline – Throughline"));

    window.location.hash = "#stack";
    await waitFor(() => expect(card("welcome"), "the snapshot still has the welcome email").toBeDefined());
    expect(screen.getByTestId("add-touchpoint"), "nothing can be added").toBeDisabled();
    for (const stage of screen.getAllByTestId("stage-column")) {
      const name = stage.dataset.stageId;
      expect(within(stage).getByRole("button", { name: /^Delete / }), `${name} cannot be deleted`).toBeDisabled();
    }
    expect(store.getState().settings.last_workspace, "a snapshot is never the workspace opened last").toBe(SLUG);
  });

  it("sends no edit from a key or from the inspector", async () => {
    const b = await workspaceWithBaseline();
    const { user, store } = await renderApp(b);
    await openBaseline(user);
    window.location.hash = "#stack";
    await waitFor(() => expect(card("welcome")).toBeDefined());

    await user.click(card("welcome")!);
    const inspector = await screen.findByTestId("inspector");
    const name = within(inspector).getByTestId("inspector-name");
    expect(name, "the inspector shows the values").toHaveValue("Welcome email");
    expect(name).toBeDisabled();
    await user.type(name, " (changed){Enter}");
    expect(within(inspector).getByTestId("inspector-delete")).toBeDisabled();

    fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    fireEvent.keyDown(window, { key: "Delete" });
    fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    fireEvent.keyDown(window, { key: "z", ctrlKey: true, shiftKey: true });
    await store.edit({ type: "delete_element", id: "welcome" });
    expect(edits(b), "nothing was sent to be written").toEqual([]);
    expect(store.getState().current?.doc.elements.some((e) => e.id === "welcome")).toBe(true);

    fireEvent.keyDown(window, { key: "Escape" });
    fireEvent.keyDown(window, { key: "Escape" });
    expect(screen.getByTestId("snapshot-banner"), "Escape does not leave the snapshot").toBeInTheDocument();
  });

  it("shows on the graph without a way to add, arrange, delete or save a layout", async () => {
    const b = await workspaceWithBaseline();
    const { user } = await renderApp(b);
    await openBaseline(user);
    window.location.hash = "#graph";
    await waitFor(() => expect(screen.getAllByTestId("graph-node").some((n) => n.dataset.nodeId === "welcome")).toBe(true));
    expect(screen.getByTestId("graph-add")).toBeDisabled();
    expect(screen.getByTestId("graph-layout")).toBeDisabled();
    expect(b.calls.find((c) => c.method === "auditWorkspace")?.args, "the findings are the snapshot's").toEqual([`${SLUG}@Baseline`]);

    fireEvent.click(screen.getAllByTestId("graph-node").find((n) => n.dataset.nodeId === "welcome")!);
    fireEvent.keyDown(window, { key: "Delete" });
    fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    fireEvent.keyDown(window, { key: "L", ctrlKey: true, shiftKey: true });
    await new Promise((r) => setTimeout(r, 700));
    expect(edits(b), "no edit and no layout save").toEqual([]);
  });

  it("shows its readiness session in Assess with the grid read-only", async () => {
    const b = await workspaceWithBaseline();
    const { user } = await renderApp(b);
    await openBaseline(user);
    window.location.hash = "#assess";
    const grid = await screen.findByTestId("score-grid");
    expect(grid).toHaveAttribute("aria-readonly", "true");
    expect(screen.getByTestId("assess-new-session")).toBeDisabled();
    expect(screen.getByTestId("rater-name-input")).toBeDisabled();
    const cell = screen.getAllByTestId("score-cell").find((c) => c.dataset.rater === "Ana" && c.dataset.dimension === "strategy")!;
    expect(cell).toHaveAttribute("data-score", "3");
    await user.click(cell);
    await user.keyboard("5");
    expect(cell).toHaveAttribute("data-score", "3");
    expect(edits(b)).toEqual([]);
  });

  it("is what Monitor reports on, with nothing to add or import", async () => {
    const b = await workspaceWithBaseline();
    const { user } = await renderApp(b);
    await openBaseline(user);
    window.location.hash = "#monitor";
    await screen.findByTestId("monitor-view");
    await waitFor(() => expect(b.calls.some((c) => c.method === "monitorReport" && c.args[0] === `${SLUG}@Baseline`)).toBe(true));
    expect(screen.getByTestId("monitor-empty-add")).toBeDisabled();
    expect(screen.getByTestId("metric-add")).toBeDisabled();
    expect(screen.getByTestId("readings-import")).toBeDisabled();
  });

  it("replays the workspace's stored logs in the reality check, with nothing to import or add", async () => {
    const b = await workspaceWithBaseline();
    await b.importLog(SLUG, "/tmp/tickets.csv", "tickets", null, false);
    const { user } = await renderApp(b);
    await openBaseline(user);
    window.location.hash = "#reality";
    await screen.findByTestId("reality-view");
    expect(screen.getByTestId("log-import")).toBeDisabled();
    await waitFor(() => expect(screen.getByTestId("log-replay")).toBeEnabled());
    await user.click(screen.getByTestId("log-replay"));
    await waitFor(() => expect(b.calls.find((c) => c.method === "replayLog")?.args).toEqual([`${SLUG}@Baseline`, "tickets"]));
    expect(b.calls.find((c) => c.method === "listLogs")?.args).toEqual([`${SLUG}@Baseline`]);
  });

  it("is what the playbook preview asks for, by SLUG@LABEL", async () => {
    const b = await workspaceWithBaseline();
    const { user } = await renderApp(b);
    await openBaseline(user);
    window.location.hash = "#playbook";
    await screen.findByTestId("playbook-preview");
    await waitFor(() => expect(b.calls.some((c) => c.method === "playbookOutline" && c.args[0] === `${SLUG}@Baseline`)).toBe(true));
    await waitFor(() => expect(b.calls.some((c) => c.method === "playbookPdf" && c.args[0] === `${SLUG}@Baseline`)).toBe(true));
  });

  it("is left for now by “Back to now” and by Ctrl+Shift+N", async () => {
    const b = await workspaceWithBaseline();
    const { user, store } = await renderApp(b);
    const banner = await openBaseline(user);
    await user.click(within(banner).getByTestId("snapshot-back"));
    await waitFor(() => expect(screen.queryByTestId("snapshot-banner")).toBeNull());
    expect(store.getState().current?.summary.slug).toBe(SLUG);
    expect(
      store.getState().current?.doc.elements.some((e) => e.id === "welcome"),
      "now has no welcome email",
    ).toBe(false);
    await waitFor(() => expect(b.windowTitle).toBe("NexusFlow: first 30 days – Throughline"));

    await openBaseline(user);
    fireEvent.keyDown(window, { key: "N", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(screen.queryByTestId("snapshot-banner")).toBeNull());
    expect(store.getState().current?.summary.slug).toBe(SLUG);
  });

  it("is restored as one undoable change by “Restore this snapshot…”, and then now is shown", async () => {
    const b = await workspaceWithBaseline();
    const { user, store } = await renderApp(b);
    const banner = await openBaseline(user);
    await user.click(within(banner).getByTestId("snapshot-banner-restore"));
    await user.click(within(await screen.findByTestId("restore-dialog")).getByTestId("restore-confirm"));
    await waitFor(() => expect(screen.queryByTestId("snapshot-banner")).toBeNull());
    expect(b.calls.filter((c) => c.method === "restoreSnapshot").map((c) => c.args)).toEqual([[SLUG, "Baseline"]]);
    const now = store.getState().current;
    expect(now?.summary.slug).toBe(SLUG);
    expect(now?.doc.elements.some((e) => e.id === "welcome")).toBe(true);
    expect(now?.undo?.label).toBe("Restore snapshot “Baseline”");
    expect(screen.getByTestId("undo")).toBeEnabled();
  });

  it("is exported from the banner as a workspace file", async () => {
    const b = await workspaceWithBaseline();
    const { user } = await renderApp(b);
    const banner = await openBaseline(user);
    await user.click(within(banner).getByTestId("snapshot-banner-export"));
    expect(await within(banner).findByTestId("snapshot-banner-exported")).toHaveTextContent(
      "/tmp/NexusFlow: first 30 days - Baseline.throughline.json",
    );
    expect(b.calls.filter((c) => c.method === "exportSnapshot").map((c) => c.args)).toEqual([
      [SLUG, "Baseline", "/tmp/NexusFlow: first 30 days - Baseline.throughline.json"],
    ]);
  });

  it("opens from its mark in the timeline too", async () => {
    const b = await workspaceWithBaseline();
    const { user, store } = await renderApp(b);
    window.location.hash = "#versions";
    await user.click(await screen.findByTestId("timeline-snapshot-open"));
    expect(await screen.findByTestId("snapshot-banner")).toHaveTextContent("Baseline");
    expect(store.getState().viewing?.label).toBe("Baseline");
    // The versions of the workspace are still listed while its snapshot is shown.
    expect(b.calls.filter((c) => c.method === "listSnapshots").every((c) => c.args[0] === SLUG)).toBe(true);
  });

  it("is what Compare starts from in the Versions view, which still answers for the workspace", async () => {
    const b = await workspaceWithBaseline();
    await b.createSnapshot(SLUG, "Later", null);
    const { user } = await renderApp(b);
    window.location.hash = "#versions";
    const rows = await screen.findAllByTestId("snapshot");
    await waitFor(() => expect(screen.getByTestId("compare-from")).toHaveValue("snapshot:Later"));
    await user.click(within(rows.find((r) => r.dataset.label === "Baseline")!).getByTestId("snapshot-open"));
    await screen.findByTestId("snapshot-banner");
    await waitFor(() => expect(screen.getByTestId("compare-from")).toHaveValue("snapshot:Baseline"));
    await user.click(screen.getByTestId("compare-run"));
    await waitFor(() =>
      expect(b.calls.find((c) => c.method === "compareVersions")?.args).toEqual([
        SLUG,
        { kind: "snapshot", label: "Baseline" },
        { kind: "current" },
      ]),
    );
  });

  it("drops a lens drawn over now, which does not fit the snapshot", async () => {
    const b = await workspaceWithBaseline();
    const { user, setLens, lens } = await renderApp(b);
    setLens(emptyLens("reality", "Replay of tickets"));
    expect(lens()?.kind).toBe("reality");
    await openBaseline(user);
    await waitFor(() => expect(lens()).toBeNull());
  });

  it("stays on screen after a change made elsewhere, and is left for another workspace", async () => {
    const b = await workspaceWithBaseline();
    const other = b.add({ ...nexusFlow(), workspace: { name: "Retail", vision: "" } });
    const { user, store } = await renderApp(b);
    await openBaseline(user);
    await b.applyEdit(SLUG, { type: "delete_element", id: "demo" });
    b.externalChange({ slug: SLUG, source: "cli", kind: "edited" });
    await waitFor(() => expect(b.calls.filter((c) => c.method === "listWorkspaces").length).toBeGreaterThan(1));
    expect(store.getState().current?.summary.slug).toBe(`${SLUG}@Baseline`);
    expect(store.getState().current?.doc.elements.some((e) => e.id === "demo")).toBe(true);

    await store.openWorkspace(other);
    expect(screen.queryByTestId("snapshot-banner")).toBeNull();
    expect(store.getState().viewing).toBeNull();
  });
});

describe("the test double, given a snapshot's SLUG@LABEL", () => {
  it("answers read commands for the snapshot and refuses every write as forbidden", async () => {
    const b = await workspaceWithBaseline();
    // The canned audit counts the cards it was given.
    b.auditFor = (doc) => ({
      findings: [],
      summary: { error: 0, warning: 0, info: doc.elements.length, waived: 0, due: 0, nothing_to_check: false },
    });
    const state = await b.openSnapshot(SLUG, "baseline");
    expect(state.summary.slug).toBe(`${SLUG}@Baseline`);
    expect(state.revision).toBe(0);
    expect(state.undo).toBeNull();
    expect(state.doc.elements.some((e) => e.id === "welcome")).toBe(true);
    const cards = nexusFlow().elements.length;
    expect((await b.auditWorkspace(`${SLUG}@Baseline`)).summary.info, "the snapshot's cards").toBe(cards);
    expect((await b.auditWorkspace(SLUG)).summary.info, "now one card fewer").toBe(cards - 1);

    const writes: [string, () => Promise<unknown>][] = [
      ["applyEdit", () => b.applyEdit(`${SLUG}@Baseline`, { type: "delete_element", id: "welcome" })],
      ["undo", () => b.undo(`${SLUG}@Baseline`)],
      ["saveLayout", () => b.saveLayout(`${SLUG}@Baseline`, [])],
      ["importReadings", () => b.importReadings(`${SLUG}@Baseline`, "/tmp/readings.csv", null, false)],
    ];
    for (const [what, write] of writes) {
      const error = await write().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, what).toBeInstanceOf(BackendError);
      expect((error as BackendError).code, what).toBe("forbidden");
      expect((error as BackendError).message, what).toContain("is a snapshot: a snapshot cannot be changed");
    }
    const unknown = await b.openSnapshot(SLUG, "Nope").then(
      () => null,
      (e: unknown) => e,
    );
    expect((unknown as BackendError).code).toBe("not_found");
  });
});
