import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Workspace } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

const stageNames = () => screen.getAllByTestId("stage-column").map((c) => within(c).getByRole("heading").textContent);

function twoStages(): Workspace {
  const ws = emptyWorkspace("Workshop");
  ws.stages = [
    { id: "discover", name: "Discover", emotion: 0, moment: "" },
    { id: "set-up", name: "Set up", emotion: 0, moment: "" },
  ];
  return ws;
}

describe("stages", () => {
  it("adds a stage by name, with an id made from the name", async () => {
    const backend = new MemoryBackend([emptyWorkspace("Workshop")]);
    const { user } = await renderApp(backend);

    await user.click(screen.getAllByTestId("add-stage")[0]);
    await user.type(screen.getByTestId("stage-name-input"), "First login{Enter}");

    await waitFor(() => expect(stageNames()).toEqual(["First login"]));
    expect(backend.edits()).toEqual([
      { type: "put_stage", stage: { id: "first-login", name: "First login", emotion: 0, moment: "" }, index: null },
    ]);
  });

  it("renames, reorders and deletes a stage from the keyboard", async () => {
    const backend = new MemoryBackend([twoStages()]);
    const { user } = await renderApp(backend);
    const column = (name: string) => screen.getAllByTestId("stage-column").find((c) => c.textContent?.includes(name))!;

    column("Discover").focus();
    await user.keyboard("{F2}");
    const input = screen.getByTestId("stage-name-input");
    await user.clear(input);
    await user.type(input, "Find us{Enter}");
    await waitFor(() => expect(stageNames()).toEqual(["Find us", "Set up"]));

    column("Find us").focus();
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await waitFor(() => expect(stageNames()).toEqual(["Set up", "Find us"]));

    column("Set up").focus();
    await user.keyboard("{Delete}");
    await waitFor(() => expect(stageNames()).toEqual(["Find us"]));

    expect(backend.edits()).toEqual([
      { type: "put_stage", stage: { id: "discover", name: "Find us", emotion: 0, moment: "" }, index: null },
      { type: "move_stage", id: "discover", index: 1 },
      { type: "delete_stage", id: "set-up" },
    ]);
  });

  it("moves a stage with its buttons", async () => {
    const backend = new MemoryBackend([twoStages()]);
    const { user } = await renderApp(backend);
    await user.click(screen.getByRole("button", { name: "Move Set up left" }));
    await waitFor(() => expect(stageNames()).toEqual(["Set up", "Discover"]));
    expect(backend.edits()).toEqual([{ type: "move_stage", id: "set-up", index: 0 }]);
  });
});

describe("emotional arc", () => {
  it("sets a stage's feeling with the arrow keys and the buttons", async () => {
    const backend = new MemoryBackend([twoStages()]);
    const { user } = await renderApp(backend);
    const point = screen.getByRole("slider", { name: "Feeling at Set up" });
    point.focus();
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(screen.getByRole("slider", { name: "Feeling at Set up" })).toHaveAttribute("aria-valuenow", "-1"));
    await user.click(screen.getByRole("button", { name: "Lower the feeling at Set up" }));
    await waitFor(() => expect(screen.getByRole("slider", { name: "Feeling at Set up" })).toHaveAttribute("aria-valuenow", "-2"));
    expect(screen.getByRole("button", { name: "Lower the feeling at Set up" })).toBeDisabled();
    expect(backend.edits().map((e) => e.type === "put_stage" && e.stage.emotion)).toEqual([-1, -2]);
  });
});

describe("cards", () => {
  it("adds a touchpoint to the selected stage and edits its name and claims in the inspector", async () => {
    const backend = new MemoryBackend([twoStages()]);
    const { user } = await renderApp(backend);

    await user.click(screen.getAllByTestId("stage-column")[1]);
    await user.click(screen.getByTestId("add-touchpoint"));
    const inspector = await screen.findByTestId("inspector");
    expect(backend.edits()[0]).toEqual({
      type: "put_element",
      element: { id: "new-touchpoint", kind: "touchpoint", name: "New touchpoint", stages: ["set-up"] },
    });

    const name = within(inspector).getByTestId("inspector-name");
    await user.clear(name);
    await user.type(name, "Onboarding wizard{Enter}");
    await waitFor(() => expect(screen.getByTestId("card")).toHaveTextContent("Onboarding wizard"));

    const claims = within(inspector).getByTestId("claims");
    await user.type(within(claims).getByRole("textbox", { name: "New key" }), "setup.effort");
    await user.type(within(claims).getByRole("textbox", { name: "New value" }), "Connect a data source{Enter}");
    await waitFor(() => expect(within(claims).getAllByTestId("claims-row")).toHaveLength(1));

    const value = within(claims).getByRole("textbox", { name: "Value for setup.effort" });
    await user.clear(value);
    await user.type(value, "No setup needed");
    await user.tab();
    await waitFor(() => expect(backend.doc("workshop").elements[0].claims).toEqual({ "setup.effort": "No setup needed" }));

    await user.click(within(claims).getByRole("button", { name: "Remove setup.effort" }));
    await waitFor(() => expect(backend.doc("workshop").elements[0].claims).toBeUndefined());

    const sent = backend.edits().map((e) => (e.type === "put_element" ? e.element : null));
    expect(sent.map((e) => e?.name)).toEqual([
      "New touchpoint",
      "Onboarding wizard",
      "Onboarding wizard",
      "Onboarding wizard",
      "Onboarding wizard",
    ]);
    expect(sent[2]?.claims).toEqual({ "setup.effort": "Connect a data source" });
    expect(sent[2]?.id).toBe("new-touchpoint");
  });

  it("highlights what a selected card connects to, closes the inspector with Escape and deletes with Delete", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    const card = (id: string) => screen.getAllByTestId("card").find((c) => c.dataset.cardId === id)!;

    await user.click(card("chatbot"));
    expect(card("chatbot")).toHaveClass("rel-selected");
    expect(card("agent")).toHaveClass("rel-related"); // handoff chatbot -> agent
    expect(card("cdp")).toHaveClass("rel-related"); // the profile feeds it
    expect(card("bot-to-agent")).toHaveClass("rel-related"); // a rule covering it
    expect(card("website")).toHaveClass("rel-dimmed");

    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("inspector")).not.toBeInTheDocument();
    expect(card("website")).not.toHaveClass("rel-dimmed");

    await user.click(card("website"));
    await user.keyboard("{Delete}");
    await waitFor(() => expect(screen.getAllByTestId("card").some((c) => c.dataset.cardId === "website")).toBe(false));
    expect(backend.edits()).toEqual([{ type: "delete_element", id: "website" }]);
  });

  it("moves a card to other stages from the inspector's stage choices", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    await user.click(screen.getAllByTestId("card").find((c) => c.dataset.cardId === "wizard")!);
    const stages = within(screen.getByTestId("inspector")).getByTestId("inspector-stages");
    await user.click(within(stages).getByRole("checkbox", { name: /Get help/ }));
    await waitFor(() =>
      expect(backend.doc("nexusflow-first-30-days").elements.find((e) => e.id === "wizard")?.stages).toEqual(["set-up", "get-help"]),
    );
  });
});
