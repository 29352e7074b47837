import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { describePath, fieldProblems } from "../store/problems";
import { nexusFlow } from "../testing/fixtures";
import { emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

describe("error contract in the window", () => {
  it("shows each problem of a refused change beside its field and by name in the banner", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(backend);
    await user.click(screen.getAllByTestId("card").find((c) => c.textContent?.includes("Product website"))!);
    const inspector = await screen.findByTestId("inspector");

    backend.failNext("invalid_edit", "elements[0].name: the name cannot be empty", [
      { path: "elements[0].name", message: "the name cannot be empty" },
      { path: "stages[1].name", message: "two stages are called “Evaluate”" },
    ]);
    const name = within(inspector).getByTestId("inspector-name");
    await user.clear(name);
    await user.type(name, "W{Enter}");

    const banner = await screen.findByTestId("error-banner");
    expect(banner).toHaveAttribute("data-code", "invalid_edit");
    const items = within(banner)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "Card “Product website”, name: the name cannot be empty",
      "Stage “Evaluate”, name: two stages are called “Evaluate”",
    ]);
    expect(banner).not.toHaveTextContent("elements[0]");
    const beside = within(inspector).getByTestId("field-problem");
    expect(beside).toHaveAttribute("data-field", "name");
    expect(beside).toHaveTextContent("the name cannot be empty");
    expect(screen.getAllByTestId("field-problem").map((p) => p.textContent)).toContain("two stages are called “Evaluate”");

    await user.click(within(banner).getByRole("button", { name: "Dismiss the message" }));
    expect(screen.queryByTestId("field-problem")).not.toBeInTheDocument();
  }, 15_000);

  it("says what to do when the library is newer than the app", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { store } = await renderApp(backend);
    backend.failNext("newer_database", "this library was written by a newer Throughline (schema 9)");
    await act(async () => void (await store.init()));
    const banner = await screen.findByTestId("error-banner");
    expect(banner).toHaveAttribute("data-code", "newer_database");
    expect(within(banner).getByTestId("error-advice")).toHaveTextContent("Install the newest Throughline");
    expect(within(banner).queryByTestId("error-retry")).not.toBeInTheDocument();
  });

  it("offers to try again when the library is busy, and clears the message when it works", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { store, user } = await renderApp(backend);
    backend.failNext("locked", "database is locked");
    await act(async () => void (await store.init()));
    const banner = await screen.findByTestId("error-banner");
    expect(within(banner).getByTestId("error-advice")).toHaveTextContent("Wait a moment, then try again");
    await user.click(within(banner).getByTestId("error-retry"));
    await waitFor(() => expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument());
  });
});

describe("live updates", () => {
  it("shows a workspace another program added, and reloads the open one when it changed elsewhere", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const { store, user } = await renderApp(backend);
    const stop = store.follow();

    const slug = backend.add(emptyWorkspace("Imported by the CLI"));
    await act(async () => backend.externalChange({ slug, source: "cli", kind: "created" }));
    await user.click(screen.getByTestId("workspace-switcher"));
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId("workspace-item")
          .map((i) => i.textContent)
          .join(" "),
      ).toContain("Imported by the CLI"),
    );

    const open = store.getState().current!.summary.slug;
    backend.doc(open).workspace.name = "Renamed elsewhere";
    await act(async () => backend.externalChange({ slug: open, source: "cli", kind: "edited" }));
    await waitFor(() => expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("Renamed elsewhere"));
    stop();
  });
});

describe("problem paths", () => {
  it("groups problems by the field after a prefix", () => {
    const problems = [
      { path: "elements[2].claims.setup", message: "a" },
      { path: "elements[2].claims", message: "b" },
      { path: "elements[20].name", message: "c" },
    ];
    expect(fieldProblems(problems, "elements[2]")).toEqual({ claims: "a; b" });
  });

  it("keeps a path it cannot name as it is", () => {
    expect(describePath("workspace.name", null)).toBe("workspace.name");
    expect(describePath("handoffs[0].to", null)).toBe("Handoff 1, to");
  });
});
