import { describe, expect, it } from "vitest";
import type { Report, Workspace } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { compareDocs } from "../testing/versionsDouble";
import { groupByLayer } from "./ChangeList";
import { lensedDoc } from "../lens/lens";
import { compareLens } from "./compareLens";
import { ordinal, showValue } from "./format";

const noFindings = (): Report => ({ findings: [], summary: { error: 0, warning: 0, info: 0, waived: 0, due: 0, nothing_to_check: false } });

/** The sample after a workshop: the wizard renamed and re-rated, the welcome email gone, a chat card added, a stage moved. */
function afterWorkshop(): Workspace {
  const doc = nexusFlow();
  const wizard = doc.elements.find((e) => e.id === "wizard")!;
  wizard.name = "Setup wizard";
  doc.elements = doc.elements.filter((e) => e.id !== "welcome");
  doc.handoffs = doc.handoffs.filter((h) => h.id !== "signup-welcome");
  doc.elements.push({ id: "live-chat", kind: "touchpoint", name: "Live chat", stages: ["get-help"] } as Workspace["elements"][number]);
  const [getHelp] = doc.stages.splice(4, 1);
  doc.stages.splice(2, 0, getHelp);
  return doc;
}

describe("the Compare lens", () => {
  const comparison = compareDocs(nexusFlow(), afterWorkshop(), "“Baseline”", "Now", noFindings);
  const lens = compareLens(comparison, afterWorkshop());

  it("marks a changed card with each changed field's before and after in the detail", () => {
    expect(lens.kind).toBe("compare");
    expect(lens.title).toBe("Changes from “Baseline” to Now");
    expect(lens.elements.wizard).toEqual([{ tone: "changed", label: "Changed", detail: "name: Onboarding wizard → Setup wizard" }]);
  });

  it("marks an added card, and a moved stage with where it stood and stands", () => {
    expect(lens.elements["live-chat"]?.map((m) => m.label)).toEqual(["Added"]);
    expect(lens.stages["get-help"]).toEqual([{ tone: "moved", label: "Moved", detail: "from 5th to 3rd" }]);
    expect(lens.stages.discover, "an unchanged stage has no mark").toBeUndefined();
  });

  it("draws a removed card and its removed handoff as ghosts marked Removed", () => {
    expect(lens.ghosts.elements.map((e) => e.id)).toEqual(["welcome"]);
    expect(
      lens.ghosts.handoffs.map((h) => h.id),
      "both ends are drawn: the ghost card and the sign-up form",
    ).toEqual(["signup-welcome"]);
    expect(lens.elements.welcome?.[0]).toMatchObject({ tone: "removed", label: "Removed" });
    expect(lens.handoffs["signup-welcome"]?.[0]).toMatchObject({ tone: "removed" });
  });

  it("draws a removed stage as a ghost where it stood, between the stages kept around it", () => {
    const before = nexusFlow();
    const after = nexusFlow();
    const removed = after.stages.splice(1, 2).map((s) => s.id);
    const c = compareDocs(before, after, "“Baseline”", "Now", noFindings);
    const l = compareLens(c, after);
    expect(l.ghosts.stages?.map((g) => [g.stage.id, g.index])).toEqual(removed.map((id) => [id, 1]));
    expect(l.stages[removed[0]!]?.[0]).toMatchObject({ tone: "removed", label: "Removed" });
    const drawn = lensedDoc(after, l);
    expect(
      drawn.doc.stages.map((s) => s.id),
      "in their old order",
    ).toEqual(before.stages.map((s) => s.id));
    expect([...drawn.ghosts].filter((id) => removed.includes(id)).sort()).toEqual([...removed].sort());
  });

  it("leaves out a removed handoff whose ends are not drawn", () => {
    const c = structuredClone(comparison);
    c.changes = c.changes.filter((x) => x.id !== "welcome");
    expect(compareLens(c, afterWorkshop()).ghosts.handoffs).toEqual([]);
  });

  it("has a legend of exactly the kinds of change it shows, in a fixed order", () => {
    expect(lens.legend.map((m) => m.label)).toEqual(["Added", "Changed", "Moved", "Removed"]);
    const unchanged = compareLens(compareDocs(nexusFlow(), nexusFlow(), "A", "B", noFindings), nexusFlow());
    expect(unchanged.legend).toEqual([]);
    expect(unchanged.elements).toEqual({});
  });

  it("groups the change list by layer of the stack", () => {
    const groups = groupByLayer(comparison.changes);
    expect(groups.map((g) => g.group)).toEqual(["narrative", "system", "touchpoint"]);
    expect(groups.find((g) => g.group === "touchpoint")?.changes.map((c) => `${c.change} ${c.id}`)).toEqual([
      "changed wizard",
      "added live-chat",
      "removed welcome",
    ]);
  });
});

describe("values in a change", () => {
  it("read as short text", () => {
    expect(showValue(null)).toBe("(none)");
    expect(showValue("")).toBe("(empty)");
    expect(showValue(["a", "b"])).toBe("a, b");
    expect(showValue(3)).toBe("3");
    expect(ordinal(0)).toBe("1st");
    expect(ordinal(10)).toBe("11th");
    expect(ordinal(21)).toBe("22nd");
  });
});
