import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

describe("first launch", () => {
  it("asks for the user's name and stores it in the library's settings", async () => {
    const backend = new MemoryBackend([nexusFlow()], { display_name: "Someone", named: false });
    const { user } = await renderApp(backend);

    const prompt = await screen.findByTestId("first-run-name");
    expect(prompt).toHaveTextContent("signs the findings you waive");
    expect(screen.getByTestId("first-run-submit"), "an empty name is not a name").toBeDisabled();
    await user.type(screen.getByTestId("first-run-name-input"), "  Dana Whitfield {Enter}");

    await waitFor(() => expect(screen.queryByTestId("first-run-name")).not.toBeInTheDocument());
    const saved = backend.calls.find((c) => c.method === "setSettings")?.args[0];
    expect(saved).toMatchObject({ display_name: "Dana Whitfield" });
    expect((await backend.getSettings()).named).toBe(true);
  });

  it("can be put off with Later, and does not ask a user who has given their name", async () => {
    const unnamed = new MemoryBackend([nexusFlow()], { named: false });
    const first = await renderApp(unnamed);
    await first.user.click(await screen.findByTestId("first-run-later"));
    expect(screen.queryByTestId("first-run-name")).not.toBeInTheDocument();
    expect(unnamed.calls.some((c) => c.method === "setSettings")).toBe(false);
    first.unmount();

    await renderApp(new MemoryBackend([nexusFlow()], { display_name: "Dana", named: true }));
    expect(screen.queryByTestId("first-run-name")).not.toBeInTheDocument();
  });

  it("lets the name be changed later in Settings", async () => {
    const backend = new MemoryBackend([nexusFlow()], { display_name: "Dana", named: true });
    const { user } = await renderApp(backend);
    await user.click(screen.getByTestId("open-settings"));
    const input = screen.getByTestId("display-name-input");
    await user.clear(input);
    await user.type(input, "Dana W.");
    await user.click(screen.getByTestId("settings-submit"));
    await waitFor(() => expect(backend.calls.some((c) => c.method === "setSettings")).toBe(true));
    expect((await backend.getSettings()).display_name).toBe("Dana W.");
  });
});

describe("new workspace", () => {
  it("offers an empty workspace and the four templates, each with a line on what it holds", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    await user.click(screen.getByTestId("workspace-switcher"));
    await user.click(screen.getByTestId("new-workspace"));

    const picker = await screen.findByTestId("template-picker");
    await waitFor(() => expect(within(picker).getAllByTestId("template-option")).toHaveLength(4));
    expect(within(picker).getByTestId("template-empty")).toBeChecked();
    const ids = within(picker)
      .getAllByTestId("template-option")
      .map((o) => o.dataset.template);
    expect(ids).toEqual(["saas-onboarding", "retail-loyalty", "rising-intent", "spring-promotions"]);
    expect(picker).toHaveTextContent("One intent signal sets off an SDR call");
    expect(screen.getByTestId("workspace-name-submit"), "an empty workspace needs a name").toBeDisabled();
  });

  it("creates a workspace from a template, under the template's name unless one is typed", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    await user.click(screen.getByTestId("workspace-switcher"));
    await user.click(screen.getByTestId("new-workspace"));
    const option = (await screen.findAllByTestId("template-option")).find((o) => o.dataset.template === "retail-loyalty")!;
    await user.click(option);
    expect(screen.getByTestId("workspace-name-input")).toHaveAttribute("placeholder", "Retail loyalty app");
    await user.click(screen.getByTestId("workspace-name-submit"));

    await waitFor(() => expect(backend.calls.find((c) => c.method === "createFromTemplate")?.args).toEqual(["retail-loyalty", null]));
    await waitFor(() => expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("Retail loyalty app"));
    expect(backend.calls.some((c) => c.method === "createWorkspace")).toBe(false);
  });
});

describe("duplicating a workspace", () => {
  it("copies the open workspace under a new name and opens the copy", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    const name = nexusFlow().workspace.name;
    await user.click(screen.getByTestId("workspace-switcher"));
    await user.click(screen.getByTestId("duplicate-workspace"));
    const input = screen.getByTestId("workspace-name-input");
    expect(input).toHaveValue(`${name} (copy)`);
    await user.clear(input);
    await user.type(input, "Onboarding, variant B{Enter}");

    await waitFor(() => expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("Onboarding, variant B"));
    const [slug, copyName] = backend.calls.find((c) => c.method === "duplicateWorkspace")?.args ?? [];
    expect(copyName).toBe("Onboarding, variant B");
    expect(typeof slug).toBe("string");
    const list = await backend.listWorkspaces();
    expect(list.map((w) => w.name).sort()).toEqual([name, "Onboarding, variant B"].sort());
    const copy = list.find((w) => w.name === "Onboarding, variant B")!;
    expect(copy.elements, "the copy has the same content").toBe(nexusFlow().elements.length);
  });
});

describe("the window title", () => {
  it("names the open workspace, and follows a switch", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    const name = nexusFlow().workspace.name;
    await waitFor(() => expect(backend.windowTitle).toBe(`${name} – Throughline`));

    await user.click(screen.getByTestId("workspace-switcher"));
    await user.click(screen.getByTestId("duplicate-workspace"));
    await user.click(screen.getByTestId("workspace-name-submit"));
    await waitFor(() => expect(backend.windowTitle).toBe(`${name} (copy) – Throughline`));
  });
});
