import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { nexusFlow } from "../testing/fixtures";
import { emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

describe("workspaces with the same name", () => {
  it("are told apart in the switcher by slug and last change; others show their name alone", async () => {
    const backend = new MemoryBackend([nexusFlow(), nexusFlow(), emptyWorkspace("Spare")]);
    const { user } = await renderApp(backend);

    await user.click(screen.getByTestId("workspace-switcher"));

    const items = screen.getAllByTestId("workspace-item");
    const told = items.map((i) => within(i).queryByTestId("workspace-tell-apart")?.textContent?.trim() ?? null);
    expect(told).toEqual([
      expect.stringMatching(/^nexusflow-first-30-days · changed 2025-01-06 09:00 UTC$/),
      expect.stringMatching(/^nexusflow-first-30-days-2 · changed 2025-01-06 09:00 UTC$/),
      null,
    ]);
  });

  it("the app asks before importing a second copy, and imports nothing when told not to", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    backend.importFixture = nexusFlow();
    const { user } = await renderApp(backend);
    const imports = () => backend.calls.filter((c) => c.method === "importWorkspace");

    await user.click(screen.getByTestId("workspace-switcher"));
    await user.click(screen.getByTestId("import-workspace"));

    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("You already have “NexusFlow: first 30 days”");
    expect(within(dialog).getByTestId("import-namesakes")).toHaveTextContent("nexusflow-first-30-days");
    await user.click(within(dialog).getByRole("button", { name: "Don't import" }));
    expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument();
    expect(imports(), "nothing was imported").toHaveLength(0);

    await user.click(screen.getByTestId("workspace-switcher"));
    await user.click(screen.getByTestId("import-workspace"));
    await user.click(within(await screen.findByTestId("confirm-dialog")).getByTestId("confirm"));

    await waitFor(() => expect(imports()).toHaveLength(1));
    await user.click(screen.getByTestId("workspace-switcher"));
    expect(screen.getAllByTestId("workspace-tell-apart")).toHaveLength(2);
  });

  it("imports a workspace of a new name without asking", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    backend.importFixture = emptyWorkspace("Renewal journey");
    const { user } = await renderApp(backend);

    await user.click(screen.getByTestId("workspace-switcher"));
    await user.click(screen.getByTestId("import-workspace"));

    await waitFor(() => expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("Renewal journey"));
    expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument();
  });
});
