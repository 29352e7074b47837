import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Principle, Workspace } from "../backend";
import { emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

beforeEach(() => {
  window.location.hash = "#playbook";
  window.localStorage.clear();
});
afterEach(() => {
  window.location.hash = "";
});

function workshop(principles: Principle[] = []): Workspace {
  const ws = emptyWorkspace("Workshop");
  ws.principles = principles;
  return ws;
}

const THREE: Principle[] = [
  { id: "never-ask-twice", text: "Never ask a customer for something we already know.", non_negotiable: true },
  { id: "one-voice", text: "One signal, one voice.", non_negotiable: false },
  { id: "plain-setup", text: "Setup speaks the customer's language.", non_negotiable: false },
];

const row = (id: string) => screen.getAllByTestId("principle").find((r) => r.dataset.principleId === id)!;
const ids = () => screen.getAllByTestId("principle").map((r) => r.dataset.principleId);

describe("the principles editor", { timeout: 15000 }, () => {
  it("explains what a principle is when there is none, and adds one with Enter", async () => {
    const backend = new MemoryBackend([workshop()]);
    const { user } = await renderApp(backend);

    expect(await screen.findByTestId("principles-empty")).toHaveTextContent("a rule every team keeps");
    const input = screen.getByTestId("principle-add-input");
    await user.type(input, "Never ask a customer for something we already know.{Enter}");

    await waitFor(() => expect(screen.getAllByTestId("principle")).toHaveLength(1));
    expect(backend.edits()).toEqual([
      {
        type: "put_principle",
        principle: {
          id: "never-ask-a-customer-for-something",
          text: "Never ask a customer for something we already know.",
          non_negotiable: false,
        },
        index: null,
      },
    ]);
    expect(input).toHaveValue("");
    expect(input).toHaveFocus();
    expect(screen.queryByTestId("principles-empty")).toBeNull();
  });

  it("commits an edited text on Enter, and Escape puts the saved text back without an edit", async () => {
    const backend = new MemoryBackend([workshop(THREE)]);
    const { user } = await renderApp(backend);

    const text = within(await waitFor(() => row("one-voice"))).getByTestId("principle-text");
    await user.clear(text);
    await user.type(text, "One signal, one voice, one owner.{Enter}");
    await waitFor(() => expect(backend.doc("workshop").principles[1].text).toBe("One signal, one voice, one owner."));
    expect(backend.edits()).toEqual([
      { type: "put_principle", principle: { ...THREE[1], text: "One signal, one voice, one owner." }, index: null },
    ]);

    const other = within(row("plain-setup")).getByTestId("principle-text");
    await user.click(other);
    await user.type(other, " Always.{Escape}");
    expect(other).toHaveValue("Setup speaks the customer's language.");
    expect(backend.edits()).toHaveLength(1);
  });

  it("marks a principle as non-negotiable", async () => {
    const backend = new MemoryBackend([workshop(THREE)]);
    const { user } = await renderApp(backend);

    const toggle = within(await waitFor(() => row("one-voice"))).getByTestId("principle-non-negotiable");
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    await user.click(toggle);
    await waitFor(() => expect(row("one-voice")).toHaveAttribute("data-non-negotiable", "true"));
    expect(within(row("one-voice")).getByTestId("principle-non-negotiable")).toHaveAttribute("aria-pressed", "true");
    expect(backend.edits()).toEqual([{ type: "put_principle", principle: { ...THREE[1], non_negotiable: true }, index: null }]);
  });

  it("reorders with the buttons and with Alt+arrows, keeping focus on the moved row", async () => {
    const backend = new MemoryBackend([workshop(THREE)]);
    const { user } = await renderApp(backend);

    await user.click(within(await waitFor(() => row("plain-setup"))).getByTestId("principle-up"));
    await waitFor(() => expect(ids()).toEqual(["never-ask-twice", "plain-setup", "one-voice"]));
    expect(backend.edits()).toEqual([{ type: "put_principle", principle: THREE[2], index: 1 }]);

    const down = within(row("never-ask-twice")).getByTestId("principle-down");
    down.focus();
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    await waitFor(() => expect(ids()).toEqual(["plain-setup", "never-ask-twice", "one-voice"]));
    expect(backend.edits()[1]).toEqual({ type: "put_principle", principle: THREE[0], index: 1 });
    expect(within(row("never-ask-twice")).getByTestId("principle-down")).toHaveFocus();
    expect(within(screen.getAllByTestId("principle")[0]).getByTestId("principle-up")).toBeDisabled();
  });

  it("deletes a principle, and the shell's undo brings it back", async () => {
    const backend = new MemoryBackend([workshop(THREE)]);
    const { user } = await renderApp(backend);

    await user.click(within(await waitFor(() => row("one-voice"))).getByTestId("principle-delete"));
    await waitFor(() => expect(ids()).toEqual(["never-ask-twice", "plain-setup"]));
    expect(backend.edits()).toEqual([{ type: "delete_principle", id: "one-voice" }]);

    await user.click(screen.getByTestId("undo"));
    await waitFor(() => expect(ids()).toEqual(["never-ask-twice", "one-voice", "plain-setup"]));
  });
});
