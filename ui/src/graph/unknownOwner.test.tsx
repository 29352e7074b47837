import "./testSetup";
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Finding, Workspace } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import { report } from "./fixtures";

/**
 * The test double runs no audit rules: this gives, as the library's `unknown-owner` rule would
 * (crates/audit/src/rules/owners.rs), one finding per handoff owner that is neither the id nor
 * (ignoring case) the name of a team, person or partner. In the test workspace that is the
 * owner of the handoff from the Product website to the Onboarding wizard, "Product marketing".
 */
function unknownOwners(doc: Workspace): Finding[] {
  const actors = doc.elements.filter((e) => e.kind === "team" || e.kind === "person" || e.kind === "partner");
  const known = (v: string) => actors.some((a) => a.id === v || a.name.trim().toLowerCase() === v.toLowerCase());
  const name = (id: string) => doc.elements.find((e) => e.id === id)?.name ?? id;
  return doc.handoffs
    .filter((h) => h.owner?.trim() && !known(h.owner.trim()))
    .map((h) => ({
      code: "unknown-owner",
      severity: "warning",
      key: h.owner!.trim().toLowerCase(),
      subjects: [{ kind: "handoff", id: h.id }],
      message: `"${h.owner}" is named as the owner of the handoff from ${name(h.from)} to ${name(h.to)}, but no team, person or partner in the workspace is called that, so nobody can tell who answers for it.`,
      evidence: [{ subject: { kind: "handoff", id: h.id }, field: "owner", value: h.owner!, note: "names no team, person or partner" }],
      fix: `Pick the team, person or partner meant in each of these fields, or add a team, person or partner named "${h.owner}" if the map is missing them.`,
      waived: null,
    }));
}

function backend() {
  const b = new MemoryBackend([nexusFlow()], { display_name: "Dana" });
  b.auditFor = (doc) => report(unknownOwners(doc));
  return b;
}

const unknownFinding = () => screen.queryAllByTestId("finding").find((f) => f.dataset.code === "unknown-owner") ?? null;

beforeEach(() => {
  window.location.hash = "#graph";
});
afterEach(() => {
  window.location.hash = "";
});

describe("an owner that names nobody, fixed from its finding", () => {
  it("offers, in words, to add the name it quotes as a team or as a person", async () => {
    const { user } = await renderApp(backend());
    await waitFor(() => expect(unknownFinding()).not.toBeNull());
    const f = unknownFinding()!;
    const add = within(f).getByTestId("finding-add-team");
    expect(add).toHaveTextContent("Add “Product marketing” as a team");
    expect(within(f).getByTestId("finding-add-person")).toHaveAccessibleName("Add “Product marketing” as a person");
    expect(f.textContent, "the rule is named in words, not by its code").not.toContain("unknown-owner");
    expect(f.textContent, "the handoff is named by its ends, not its id").not.toContain("website-wizard");
    expect(f).toHaveTextContent("Product website → Onboarding wizard");
    await user.click(within(f).getByTestId("finding-why"));
    expect(within(f).getByTestId("finding-evidence").textContent, "nor in its evidence").not.toContain("website-wizard");
  });

  it("adds the team in one edit, which clears the finding, and Undo takes it away again", async () => {
    const b = backend();
    const { user, store } = await renderApp(b);
    await waitFor(() => expect(unknownFinding()).not.toBeNull());
    const before = b.edits().length;
    await user.click(within(unknownFinding()!).getByTestId("finding-add-team"));
    await waitFor(() => expect(unknownFinding(), "the audit of the edited workspace has no such finding").toBeNull());
    const sent = b.edits().slice(before);
    expect(sent, "exactly one edit reaches the library").toHaveLength(1);
    expect(sent[0]).toEqual({ type: "put_element", element: { id: "product-marketing", kind: "team", name: "Product marketing" } });
    const current = () => store.getState().current!.doc;
    expect(current().elements.find((e) => e.name === "Product marketing")?.kind).toBe("team");
    await act(() => store.undo());
    await waitFor(() => expect(unknownFinding(), "undone: the finding is back").not.toBeNull());
    expect(
      current().elements.some((e) => e.name === "Product marketing"),
      "undone: the team is gone",
    ).toBe(false);
    expect(
      b.doc(store.getState().current!.summary.slug).elements.some((e) => e.name === "Product marketing"),
      "and in the library",
    ).toBe(false);
  });

  it("adds a person instead when asked, with an id no element has", async () => {
    const doc = nexusFlow();
    // An element already holds the id the name would make.
    doc.elements.push({ id: "product-marketing", kind: "touchpoint", name: "Marketing site", channel: "web", stages: [] });
    const b = new MemoryBackend([doc], { display_name: "Dana" });
    b.auditFor = (d) => report(unknownOwners(d));
    const { user } = await renderApp(b);
    await waitFor(() => expect(unknownFinding()).not.toBeNull());
    const before = b.edits().length;
    await user.click(within(unknownFinding()!).getByTestId("finding-add-person"));
    await waitFor(() => expect(unknownFinding()).toBeNull());
    expect(b.edits().slice(before)).toEqual([
      { type: "put_element", element: { id: "product-marketing-2", kind: "person", name: "Product marketing" } },
    ]);
  });

  it("offers nothing on a waived finding or on another rule's", async () => {
    const doc = nexusFlow();
    doc.waivers.push({ code: "unknown-owner", subject: "product marketing", reason: "Known", who: "Dana", when: "2025-01-01T00:00:00Z" });
    const b = new MemoryBackend([doc], { display_name: "Dana" });
    b.auditFor = (d) => {
      const found = unknownOwners(d).map((f) => ({ ...f, waived: { reason: "Known", who: "Dana", when: "2025-01-01T00:00:00Z" } }));
      return report(found);
    };
    await renderApp(b);
    await waitFor(() => expect(unknownFinding()).not.toBeNull());
    expect(within(unknownFinding()!).queryByTestId("finding-add-team")).toBeNull();
  });
});
