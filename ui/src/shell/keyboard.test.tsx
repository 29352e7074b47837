import "../graph/testSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Edit } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

afterEach(() => {
  window.location.hash = "";
});

const lastEdit = (b: MemoryBackend): Edit | undefined => b.edits().at(-1);

describe("a new card", () => {
  it("puts the cursor in its name, the placeholder name selected to type over", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    await user.click(screen.getByTestId("add-touchpoint"));
    const name = await screen.findByTestId("inspector-name");
    await waitFor(() => expect(name).toHaveFocus());
    const input = name as HTMLInputElement;
    expect(input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0)).toBe("New touchpoint");

    await user.keyboard("Pricing page{Enter}");
    await waitFor(() => expect(lastEdit(backend)).toMatchObject({ type: "put_element", element: { name: "Pricing page" } }));
  });

  it("does the same from Ctrl+N, and not when an existing card is selected", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    await user.keyboard("{Control>}n{/Control}");
    await waitFor(() => expect(screen.getByTestId("inspector-name")).toHaveFocus());

    await user.click(screen.getAllByTestId("card").find((c) => c.dataset.cardId === "demo")!);
    await waitFor(() => expect(screen.getByTestId("inspector-name")).toHaveValue("Sales demo"));
    expect(screen.getByTestId("inspector-name"), "selecting a card leaves the focus where it is").not.toHaveFocus();
  });
});

describe("Escape", () => {
  it("closes the workspace menu wherever the focus is, and gives the focus back to its button", async () => {
    const { user } = await renderApp(new MemoryBackend([nexusFlow()]));
    await user.click(screen.getByTestId("workspace-switcher"));
    expect(screen.getByRole("menu")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(screen.getByTestId("workspace-switcher")).toHaveFocus();
  });

  it("closes the graph's add menu first, and only then clears the selection", async () => {
    window.location.hash = "#graph";
    const { user, store } = await renderApp(new MemoryBackend([nexusFlow()]));
    await waitFor(() => expect(screen.getAllByTestId("graph-node").length).toBeGreaterThan(0));
    await user.type(screen.getByTestId("graph-search"), "Product website{Enter}");
    await screen.findByTestId("inspector");
    await user.click(screen.getByTestId("graph-add"));
    expect(screen.getByRole("menu")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(screen.getByTestId("inspector"), "the selection stays for the next Escape").toBeInTheDocument();
    await user.click(screen.getByTestId("graph-add"));
    await user.click(document.body);
    expect(screen.queryByRole("menu"), "a press outside closes it too").toBeNull();
    expect(store.getState().current).not.toBeNull();
  });
});

describe("a handoff without dragging", () => {
  it("is added from the inspector by picking where the work goes", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    await user.click(screen.getAllByTestId("card").find((c) => c.dataset.cardId === "check-in")!);
    const field = within(await screen.findByTestId("inspector")).getByTestId("handoffs");
    expect(within(field).getByTestId("add-handoff"), "nothing picked yet").toBeDisabled();
    await user.selectOptions(within(field).getByTestId("add-handoff-to"), "analytics");
    await user.click(within(field).getByTestId("add-handoff"));
    await waitFor(() =>
      expect(lastEdit(backend)).toMatchObject({ type: "put_handoff", handoff: { from: "check-in", to: "analytics", carries: [] } }),
    );
    await waitFor(() => expect(within(screen.getByTestId("handoffs")).getByText(/→ Journey analytics/)).toBeInTheDocument());
  });
});

describe("the shortcuts in Settings", () => {
  it("list the keys of every view: stack, graph, score grid and text fields", async () => {
    const { user } = await renderApp(new MemoryBackend([nexusFlow()]));
    await user.click(screen.getByTestId("open-settings"));
    const dialog = await screen.findByTestId("settings-dialog");
    const group = (name: string) =>
      within(within(dialog).getByRole("region", { name }))
        .getAllByRole("term")
        .map((t) => t.textContent);
    expect(group("Coherence Stack")).toEqual(
      expect.arrayContaining(["Ctrl+N", "Ctrl+F", "Delete", "F2 or Enter", "Alt+← / Alt+→", "↑ / ↓"]),
    );
    expect(group("Handoff graph")).toEqual(expect.arrayContaining(["Ctrl+F", "Ctrl+Shift+L", "F", "F2", "Delete or Backspace"]));
    expect(group("Readiness score grid")).toEqual(
      expect.arrayContaining(["← → ↑ ↓", "Home / End", "1 to 5", "0, Backspace or Delete", "Tab"]),
    );
    expect(group("Everywhere")).toEqual(expect.arrayContaining(["Ctrl+Z", "Ctrl+Shift+Z or Ctrl+Y", "Escape"]));
  });
});

describe("auto-layout", () => {
  it("is one step: Ctrl+Z puts every node back where it was, without undoing a document edit", async () => {
    window.location.hash = "#graph";
    const backend = new MemoryBackend([nexusFlow()]);
    const slug = backend.add({ ...nexusFlow(), workspace: { name: "Arranged by hand", vision: "" } });
    const doc = nexusFlow();
    const byHand = doc.elements.map((e, i) => ({ id: e.id, x: 1000 + i * 7, y: 3000 - i * 11 }));
    backend.layouts.set(slug, byHand);
    const { user, store } = await renderApp(backend);
    await store.openWorkspace(slug);
    await waitFor(() => expect(screen.getAllByTestId("graph-node").length).toBe(doc.elements.length));
    const saved = () => new Map((backend.layouts.get(slug) ?? []).map((p) => [p.id, `${p.x},${p.y}`]));
    const before = saved();

    await user.click(screen.getByTestId("graph-layout"));
    await waitFor(() => expect(saved(), "the layout moved the nodes").not.toEqual(before), { timeout: 5000 });
    const undos = () => backend.calls.filter((c) => c.method === "undo").length;
    const undone = undos();

    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(saved(), "every node is back").toEqual(before), { timeout: 3000 });
    expect(undos(), "the document's history is untouched").toBe(undone);

    await user.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    await waitFor(() => expect(saved(), "redo arranges them again").not.toEqual(before), { timeout: 3000 });
  });
});
