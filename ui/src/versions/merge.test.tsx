import "../graph/testSetup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Workspace } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

const THEIRS = "/tmp/import.throughline.json";

/** Their copy: the base with the wizard renamed their way and the welcome email described. */
function theirs(): Workspace {
  const doc = nexusFlow();
  for (const e of doc.elements) {
    if (e.id === "wizard") e.name = "Guided setup";
    if (e.id === "welcome") e.description = "Sent on day one";
  }
  return doc;
}

async function openMerge(b: MemoryBackend) {
  const app = await renderApp(b);
  const { user, store } = app;
  fireEvent.keyDown(window, { key: "S", ctrlKey: true, shiftKey: true });
  const snap = await screen.findByTestId("snapshot-dialog");
  await user.type(within(snap).getByTestId("snapshot-label"), "Workshop");
  await user.click(within(snap).getByTestId("snapshot-submit"));
  await waitFor(() => expect(screen.queryByTestId("snapshot-dialog")).toBeNull());
  const wizard = store.getState().current!.doc.elements.find((e) => e.id === "wizard")!;
  await store.edit({ type: "put_element", element: { ...wizard, name: "Setup wizard" } });
  window.location.hash = "#versions";
  await user.click(await screen.findByTestId("merge-choose"));
  return { ...app, dialog: await screen.findByTestId("merge-dialog") };
}

afterEach(() => {
  window.location.hash = "";
});

describe("merging a file into the workspace", { timeout: 20000 }, () => {
  it("shows each conflict side by side by name, from the newest snapshot as the base", async () => {
    const b = new MemoryBackend([nexusFlow()], { display_name: "Dana" });
    b.files.set(THEIRS, theirs());
    const { dialog } = await openMerge(b);

    expect(within(dialog).getByTestId("merge-base-picker")).toHaveValue("snapshot:Workshop");
    const conflict = await within(dialog).findByTestId("merge-conflict");
    expect(conflict).toHaveTextContent("Setup wizard");
    expect(conflict).toHaveTextContent("(card)");
    expect(conflict).not.toHaveTextContent("wizard ·");
    expect(within(conflict).getByTestId("merge-base")).toHaveTextContent("Onboarding wizard");
    expect(within(conflict).getByTestId("merge-ours")).toHaveTextContent("Setup wizard");
    expect(within(conflict).getByTestId("merge-theirs")).toHaveTextContent("Guided setup");
    expect(within(conflict).getByTestId("merge-take-ours")).toBeChecked();
    expect(within(dialog).getByTestId("merge-summary")).toHaveTextContent("1 conflict needs a choice");
    const entries = within(dialog).getAllByTestId("change-entry");
    expect(entries.map((e) => `${e.dataset.change} ${e.dataset.id}`)).toEqual(["changed welcome"]);
    const preview = b.calls.find((c) => c.method === "previewMerge");
    expect(preview?.args.slice(1)).toEqual([THEIRS, { kind: "snapshot", label: "Workshop" }, []]);
  });

  it("applies the chosen side as one change that undo takes back", async () => {
    const b = new MemoryBackend([nexusFlow()], { display_name: "Dana" });
    b.files.set(THEIRS, theirs());
    const { user, store, dialog } = await openMerge(b);
    const before = store.getState().current!.doc;

    const conflict = await within(dialog).findByTestId("merge-conflict");
    await user.click(within(conflict).getByTestId("merge-take-theirs"));
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByTestId("change-entry")
          .map((e) => `${e.dataset.change} ${e.dataset.id}`),
      ).toEqual(["changed welcome", "changed wizard"]),
    );
    await user.click(within(dialog).getByTestId("merge-apply"));
    await waitFor(() => expect(screen.queryByTestId("merge-dialog")).toBeNull());

    const doc = store.getState().current!.doc;
    expect(doc.elements.find((e) => e.id === "wizard")?.name).toBe("Guided setup");
    expect(doc.elements.find((e) => e.id === "welcome")?.description).toBe("Sent on day one");
    expect(store.getState().current?.undo?.label).toBe("Merge import.throughline.json");
    expect(screen.getByTestId("merge-message")).toHaveTextContent("Undo (Ctrl+Z)");
    const apply = b.calls.find((c) => c.method === "applyMerge");
    expect(apply?.args[3]).toEqual([{ collection: "elements", id: "wizard", field: "name", take: "theirs" }]);

    await store.undo();
    expect(store.getState().current!.doc, "undo brings back the workspace before the merge").toEqual(before);
  });

  it("takes another file as the base, and says so when the file cannot be read", async () => {
    const b = new MemoryBackend([nexusFlow()], { display_name: "Dana" });
    const { user, dialog } = await openMerge(b);
    expect(await within(dialog).findByTestId("merge-error")).toHaveTextContent("Cannot read /tmp/import.throughline.json");
    expect(within(dialog).getByTestId("merge-apply")).toBeDisabled();

    b.files.set(THEIRS, theirs());
    b.files.set("/tmp/base.throughline.json", nexusFlow());
    const original = b.chooseImportPath;
    b.chooseImportPath = () => Promise.resolve("/tmp/base.throughline.json");
    await user.selectOptions(within(dialog).getByTestId("merge-base-picker"), "choose-file");
    await waitFor(() => expect(within(dialog).getByTestId("merge-base-picker")).toHaveValue("file:/tmp/base.throughline.json"));
    expect(await within(dialog).findByTestId("merge-conflict")).toHaveTextContent("Guided setup");
    b.chooseImportPath = original;
  });
});
