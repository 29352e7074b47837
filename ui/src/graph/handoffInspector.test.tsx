import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Edit, Handoff } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { HandoffInspector } from "./HandoffInspector";

function setup(patch: Partial<Handoff> = {}) {
  const doc = nexusFlow();
  const handoff: Handoff = { ...doc.handoffs.find((h) => h.id === "website-wizard")!, ...patch };
  const onChange = vi.fn<(e: Edit) => void>();
  render(<HandoffInspector handoff={handoff} doc={doc} findings={[]} onChange={onChange} onClose={() => {}} />);
  const last = (): Handoff => {
    const e = onChange.mock.calls.at(-1)?.[0];
    if (e?.type !== "put_handoff") throw new Error(`expected put_handoff, got ${e?.type}`);
    return e.handoff;
  };
  return { user: userEvent.setup(), onChange, last };
}

describe("the handoff inspector", () => {
  it("sends put_handoff when a carried key is added", async () => {
    const { user, last } = setup();
    const carries = screen.getByTestId("handoff-carries");
    await user.type(within(carries).getByRole("textbox"), "feature.scope{Enter}");
    expect(last().carries).toEqual(["setup.effort", "feature.scope"]);
    expect(last().id).toBe("website-wizard");
  });

  it("offers only carried keys as must-not-vary and may-vary, never both at once", async () => {
    const { user, last } = setup({ carries: ["setup.effort", "tone"], invariant: ["setup.effort"], may_vary: [] });
    const invariant = screen.getByTestId("handoff-invariant");
    expect(within(invariant).getAllByRole("checkbox")).toHaveLength(2);
    await user.click(within(screen.getByTestId("handoff-may-vary")).getByRole("checkbox", { name: "setup.effort" }));
    expect(last().may_vary).toEqual(["setup.effort"]);
    expect(last().invariant, "a key that may vary is no longer invariant").toEqual([]);
  });

  it("drops a key from the invariants when it is no longer carried", async () => {
    const { user, last } = setup({ carries: ["setup.effort", "tone"], invariant: ["setup.effort"], may_vary: ["tone"] });
    await user.click(within(screen.getByTestId("handoff-carries")).getByRole("button", { name: "Remove setup.effort" }));
    expect(last()).toMatchObject({ carries: ["tone"], invariant: [], may_vary: ["tone"] });
  });

  it("edits owner, mode, trigger, gate, latency and source of truth, committing text on blur", async () => {
    const { user, last, onChange } = setup();
    const owner = screen.getByTestId("handoff-owner");
    await user.clear(owner);
    await user.type(owner, "Product");
    expect(onChange, "nothing is sent while typing").not.toHaveBeenCalled();
    await user.tab();
    expect(onChange, "a name that is no element is not stored before the user says how").not.toHaveBeenCalled();
    await user.click(screen.getByTestId("handoff-owner-keep"));
    expect(last().owner).toBe("Product");
    await user.selectOptions(screen.getByTestId("handoff-mode"), "generated");
    expect(last().mode).toBe("generated");
    await user.selectOptions(screen.getByTestId("handoff-trigger"), "failure");
    expect(last().trigger).toBe("failure");
    await user.selectOptions(screen.getByTestId("handoff-source"), "website");
    expect(last().source_of_truth).toBe("website");
    await user.type(screen.getByTestId("handoff-gate"), "Legal{Enter}");
    await user.click(screen.getByTestId("handoff-gate-keep"));
    expect(last().gate).toBe("Legal");
    await user.type(screen.getByTestId("handoff-latency"), "two{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent("not a whole number");
    await user.clear(screen.getByTestId("handoff-latency"));
    await user.type(screen.getByTestId("handoff-latency"), "24{Enter}");
    expect(last().latency_hours).toBe(24);
  });

  it("deletes the handoff", async () => {
    const { user, onChange } = setup();
    await user.click(screen.getByTestId("handoff-delete"));
    expect(onChange).toHaveBeenLastCalledWith({ type: "delete_handoff", id: "website-wizard" });
  });
});
