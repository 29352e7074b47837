import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Edit } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

const lastEdit = (b: MemoryBackend): Edit | undefined => b.edits().at(-1);

async function openWebsite() {
  const backend = new MemoryBackend([nexusFlow()]);
  const view = await renderApp(backend);
  await view.user.click(screen.getAllByTestId("card").find((c) => c.dataset.cardId === "website")!);
  const team = within(await screen.findByTestId("inspector")).getByTestId("inspector-team");
  return { backend, team, ...view };
}

describe("the team field", () => {
  it("links a typed name to the partner element of that name, whatever its case", async () => {
    const { backend, team, user } = await openWebsite();
    await user.clear(team);
    await user.type(team, "implementation PARTNER{Enter}");
    await waitFor(() =>
      expect(lastEdit(backend)).toMatchObject({ type: "put_element", element: { id: "website", team: "Implementation partner" } }),
    );
    await waitFor(() => expect(screen.getByTestId("inspector-team")).toHaveValue("Implementation partner"));
    const card = screen.getAllByTestId("card").find((c) => c.dataset.cardId === "website")!;
    expect(card.querySelector(".card-team")).toHaveTextContent("Implementation partner");
  });

  it("offers to add a new name as a team, in one undoable step with the change", async () => {
    const { backend, team, user } = await openWebsite();
    await user.clear(team);
    await user.type(team, "Customer care{Enter}");
    const offer = await screen.findByTestId("inspector-team-offer");
    expect(offer).toHaveTextContent("No team, person or partner is called “Customer care”");
    expect(lastEdit(backend), "nothing stored yet").toBeUndefined();
    await user.click(within(offer).getByTestId("inspector-team-create"));
    await waitFor(() =>
      expect(lastEdit(backend)).toEqual({
        type: "batch",
        edits: [
          { type: "put_element", element: { id: "customer-care", kind: "team", name: "Customer care" } },
          expect.objectContaining({ type: "put_element", element: expect.objectContaining({ id: "website", team: "Customer care" }) }),
        ],
      }),
    );
    await waitFor(() => expect(screen.getByTestId("lane-actors")).toHaveTextContent("Customer care"));
  });

  it("keeps a new name as plain text when asked", async () => {
    const { backend, team, user } = await openWebsite();
    await user.clear(team);
    await user.type(team, "Brand{Enter}");
    await user.click(await screen.findByTestId("inspector-team-keep"));
    await waitFor(() => expect(lastEdit(backend)).toMatchObject({ type: "put_element", element: { id: "website", team: "Brand" } }));
    expect(screen.queryByTestId("inspector-team-offer")).toBeNull();
  });

  it("drops the offer on Escape, changing nothing and keeping the inspector open", async () => {
    const { backend, team, user } = await openWebsite();
    await user.clear(team);
    await user.type(team, "Brand{Enter}");
    await screen.findByTestId("inspector-team-offer");
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("inspector-team-offer")).toBeNull();
    expect(screen.getByTestId("inspector"), "Escape closed only the offer").toBeInTheDocument();
    expect(screen.getByTestId("inspector-team"), "the stored team is back in the field").toHaveValue("Marketing");
    expect(backend.edits()).toEqual([]);
  });
});

describe("a team value that is an element's id", () => {
  it("shows as that element's name on the card and in the field", async () => {
    const doc = nexusFlow();
    const website = doc.elements.find((e) => e.id === "website")!;
    website.team = "impl-partner";
    const backend = new MemoryBackend([doc]);
    const { user } = await renderApp(backend);
    const card = screen.getAllByTestId("card").find((c) => c.dataset.cardId === "website")!;
    expect(card.querySelector(".card-team")).toHaveTextContent("Implementation partner");
    expect(card).not.toHaveTextContent("impl-partner");
    await user.click(card);
    expect(within(await screen.findByTestId("inspector")).getByTestId("inspector-team")).toHaveValue("Implementation partner");
  });
});
