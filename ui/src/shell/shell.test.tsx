import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { nexusFlow } from "../testing/fixtures";
import { emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

describe("workspace switcher", () => {
  it("creates a workspace from the empty library and opens it", async () => {
    const backend = new MemoryBackend();
    const { user } = await renderApp(backend);
    expect(screen.getByText("Start a workspace")).toBeInTheDocument();

    await user.click(screen.getByTestId("empty-new-workspace"));
    await user.type(screen.getByTestId("workspace-name-input"), "Loyalty relaunch");
    await user.click(screen.getByTestId("workspace-name-submit"));

    expect(await screen.findByText("Lay out the customer's story")).toBeInTheDocument();
    expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("Loyalty relaunch");
    expect(backend.calls.find((c) => c.method === "createWorkspace")?.args).toEqual(["Loyalty relaunch"]);
  });

  it("renames the current workspace with a set_info edit", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);

    await user.click(screen.getByTestId("workspace-switcher"));
    await user.click(screen.getByTestId("rename-workspace"));
    const input = screen.getByTestId("workspace-name-input");
    await user.clear(input);
    await user.type(input, "NexusFlow onboarding{Enter}");

    await waitFor(() => expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("NexusFlow onboarding"));
    const [edit] = backend.edits();
    expect(edit).toMatchObject({ type: "set_info", info: { name: "NexusFlow onboarding" } });
    expect(edit.type === "set_info" && edit.info.vision).toBe(nexusFlow().workspace.vision);
  });

  it("deletes a workspace only after confirmation", async () => {
    const backend = new MemoryBackend([nexusFlow(), emptyWorkspace("Spare")]);
    const { user } = await renderApp(backend);
    const deleteCalls = () => backend.calls.filter((c) => c.method === "deleteWorkspace");

    await user.click(screen.getByTestId("workspace-switcher"));
    await user.click(screen.getByTestId("delete-workspace"));
    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveTextContent("Delete “NexusFlow: first 30 days”?");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(deleteCalls()).toHaveLength(0);

    await user.click(screen.getByTestId("workspace-switcher"));
    await user.click(screen.getByTestId("delete-workspace"));
    await user.click(within(screen.getByRole("dialog")).getByTestId("confirm"));

    await waitFor(() => expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("Spare"));
    expect(deleteCalls().map((c) => c.args)).toEqual([["nexusflow-first-30-days"]]);
  });
});

describe("undo, redo and the saved state", () => {
  it("undoes with Ctrl+Z and redoes with Ctrl+Shift+Z and Ctrl+Y through the backend", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    expect(screen.getByTestId("undo")).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Delete Discover" }));
    await waitFor(() => expect(screen.getByTestId("undo")).toBeEnabled());
    expect(screen.queryByRole("heading", { name: "Discover" })).not.toBeInTheDocument();

    await user.keyboard("{Control>}z{/Control}");
    expect(await screen.findByRole("heading", { name: "Discover" })).toBeInTheDocument();
    await user.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Discover" })).not.toBeInTheDocument());
    await user.keyboard("{Control>}z{/Control}");
    await screen.findByRole("heading", { name: "Discover" });
    await user.keyboard("{Control>}y{/Control}");
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Discover" })).not.toBeInTheDocument());

    expect(backend.calls.map((c) => c.method).filter((m) => m === "undo" || m === "redo")).toEqual(["undo", "redo", "undo", "redo"]);
  });

  it("shows Saving… while an edit is slow to be written, then Saved", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    expect(screen.getByTestId("save-state")).toHaveTextContent("Saved");

    const release = backend.hold();
    await user.click(screen.getByRole("button", { name: "Delete Discover" }));
    // In flight at once; the word shows only once the write has taken a while.
    expect(screen.getByTestId("save-state")).toHaveAttribute("data-state", "saving");
    expect(screen.getByTestId("save-state")).toHaveTextContent("Saved");
    await waitFor(() => expect(screen.getByTestId("save-state")).toHaveTextContent("Saving…"));
    await act(async () => release());
    await waitFor(() => expect(screen.getByTestId("save-state")).toHaveTextContent("Saved"));
  });

  it("shows the backend's message when an edit is refused, and keeps the workspace as it was", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);

    backend.failNext("invalid_edit", "stages[0].name: a name cannot be empty");
    await user.click(screen.getByRole("button", { name: "Delete Discover" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not save your change");
    expect(alert).toHaveTextContent("stages[0].name: a name cannot be empty");
    expect(screen.getByTestId("save-state")).toHaveTextContent("Not saved");
    expect(screen.getByRole("heading", { name: "Discover" })).toBeInTheDocument();
  });

  it("saves the display name in the settings", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    await user.click(screen.getByTestId("open-settings"));
    await user.type(screen.getByTestId("display-name-input"), "Alex Morgan");
    await user.click(screen.getByTestId("settings-submit"));
    await waitFor(() =>
      expect(backend.calls.filter((c) => c.method === "setSettings").at(-1)?.args[0]).toMatchObject({ display_name: "Alex Morgan" }),
    );
  });
});
