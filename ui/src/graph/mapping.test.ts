import { describe, expect, it } from "vitest";
import type { Element, Handoff, Workspace } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { deleteSelectionEdit, newHandoff } from "./edits";
import { finding, report } from "./fixtures";
import { carriesLabel, flagsBySubject, reconcileEdges, reconcileNodes, sameFlags, subjectKey, toEdges, toNodes } from "./mapping";

const el = (id: string) => ({ kind: "element" as const, id });
const ho = (id: string) => ({ kind: "handoff" as const, id });

function build(doc: Workspace, r = report([])) {
  const flags = flagsBySubject(r);
  return {
    nodes: toNodes(doc.elements, flags, new Map([["website", { x: 10, y: 20 }]])),
    edges: toEdges(doc.handoffs, new Set(doc.elements.map((e) => e.id)), flags),
  };
}

describe("mapping a document and a report to nodes and edges", () => {
  it("gives every element a node and every handoff an edge", () => {
    const doc = nexusFlow();
    const { nodes, edges } = build(doc);
    expect(nodes.map((n) => n.id)).toEqual(doc.elements.map((e) => e.id));
    expect(edges.map((e) => e.id)).toEqual(doc.handoffs.map((h) => h.id));
    expect(nodes.find((n) => n.id === "website")?.position, "a saved position is used").toEqual({ x: 10, y: 20 });
    expect(nodes.find((n) => n.id === "website")?.data.kind).toBe("touchpoint");
  });

  it("colours each subject with its worst open severity and leaves waived findings out", () => {
    const r = report([
      finding("unowned-handoff", "warning", [ho("website-wizard")]),
      finding("conflicting-claim", "error", [ho("website-wizard"), el("website"), el("wizard")]),
      finding("orphan-touchpoint", "warning", [el("signup")], { waived: { reason: "pilot", who: "A", when: "2025-01-01" } }),
    ]);
    const { nodes, edges } = build(nexusFlow(), r);
    const edge = edges.find((e) => e.id === "website-wizard");
    expect(edge?.data?.severity, "the error outranks the warning").toBe("error");
    expect(edge?.data?.open).toBe(2);
    expect(nodes.find((n) => n.id === "wizard")?.data.severity, "every subject is flagged").toBe("error");
    const signup = nodes.find((n) => n.id === "signup")?.data;
    expect(signup?.severity, "a waived finding does not colour").toBeNull();
    expect(signup?.waived).toBe(1);
    expect(edges.find((e) => e.id === "demo-wizard")?.data?.severity).toBeNull();
  });

  it("labels an edge with the carried keys, truncated with a count", () => {
    expect(carriesLabel(["a"])).toBe("a");
    expect(carriesLabel(["a", "b", "c", "d"])).toBe("a, b +2");
    expect(carriesLabel([])).toBe("nothing carried yet");
  });

  it("keeps unchanged node and edge objects, so React Flow does not re-render them", () => {
    const doc = nexusFlow();
    const first = build(doc);
    const renamed: Workspace = { ...doc, elements: doc.elements.map((e) => (e.id === "demo" ? { ...e, name: "Live demo" } : e)) };
    const second = build(renamed);
    const nodes = reconcileNodes(first.nodes, second.nodes);
    expect(
      nodes.find((n) => n.id === "website"),
      "unchanged node reused",
    ).toBe(first.nodes.find((n) => n.id === "website"));
    expect(nodes.find((n) => n.id === "demo")?.data.name).toBe("Live demo");
    const edges = reconcileEdges(first.edges, second.edges);
    expect(edges[0], "unchanged edge reused").toBe(first.edges[0]);
  });

  it("gives a new handoff a fresh id, suffixed when taken", () => {
    const doc = nexusFlow();
    expect(newHandoff(doc, "website", "agent").id).toBe("h-website-agent");
    doc.handoffs.push(newHandoff(doc, "website", "agent"));
    expect(newHandoff(doc, "website", "agent").id).toBe("h-website-agent-2");
  });

  it("deletes a selection as one batch, leaving the element's own handoffs to the model", () => {
    const edit = deleteSelectionEdit(nexusFlow(), ["wizard"], ["chatbot-agent", "website-wizard"]);
    expect(edit).toEqual({
      type: "batch",
      edits: [
        { type: "delete_element", id: "wizard" },
        { type: "delete_handoff", id: "chatbot-agent" },
      ],
    });
    expect(deleteSelectionEdit(nexusFlow(), [], [])).toBeNull();
  });
});

/** A large generated workspace: 2,000 elements, 8,000 handoffs. */
function large(): Workspace {
  const kinds = ["touchpoint", "system", "rule", "team", "person", "partner"] as const;
  const elements: Element[] = Array.from({ length: 2000 }, (_, i) => ({
    id: `e${i}`,
    kind: kinds[i % 6],
    name: `Element ${i}`,
    team: `Team ${i % 40}`,
  }));
  const handoffs: Handoff[] = Array.from({ length: 8000 }, (_, i) => ({
    id: `h${i}`,
    from: `e${i % 2000}`,
    to: `e${(i * 7 + 13) % 2000}`,
    carries: ["a.key", "b.key", "c.key"].slice(0, 1 + (i % 3)),
    invariant: [],
    may_vary: [],
    owner: null,
    source_of_truth: null,
    mode: "typed",
    gate: null,
    latency_hours: null,
    trigger: "always",
  }));
  return { ...nexusFlow(), elements, handoffs };
}

describe("a graph of 2,000 nodes and 8,000 edges", () => {
  it("maps, flags and reconciles", () => {
    const doc = large();
    const r = report(Array.from({ length: 500 }, (_, i) => finding("unowned-handoff", "warning", [ho(`h${i * 3}`), el(`e${i}`)])));
    const first = build(doc, r);
    expect(first.nodes).toHaveLength(2000);
    expect(first.edges).toHaveLength(8000);
    expect(first.edges.filter((e) => e.data?.severity === "warning")).toHaveLength(500);
    const again = build(doc, r);
    const nodes = reconcileNodes(first.nodes, again.nodes);
    expect(
      nodes.every((n, i) => n === first.nodes[i]),
      "nothing changed, nothing replaced",
    ).toBe(true);
  });
});

describe("toNodes with a memo", () => {
  it("hands back the node of an unchanged element and builds one for a changed element", () => {
    const doc = nexusFlow();
    const memo = new Map();
    const flags = new Map();
    const first = toNodes(doc.elements, flags, new Map(), null, new Set(), memo);
    const renamed = doc.elements.map((e, i) => (i === 1 ? { ...e, name: "Renamed" } : e));
    const second = toNodes(renamed, flags, new Map(), null, new Set(), memo);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].data.name).toBe("Renamed");
    // A flag on an element, or its team renamed, builds its node again too.
    const flagged = toNodes(
      renamed,
      new Map([[subjectKey("element", renamed[0].id), { severity: "error", open: 1, waived: 0 }]]),
      new Map(),
      null,
      new Set(),
      memo,
    );
    expect(flagged[0]).not.toBe(second[0]);
    expect(flagged[0].data.severity).toBe("error");
    expect(flagged[2]).toBe(second[2]);
  });
});

describe("an update that changes nothing", () => {
  it("hands React Flow the same arrays, so it does no work at all", () => {
    const doc = nexusFlow();
    const { nodes, edges } = build(doc);
    const again = build(doc);
    expect(reconcileNodes(nodes, again.nodes)).toBe(nodes);
    expect(reconcileEdges(edges, again.edges)).toBe(edges);
    const renamed = build({ ...doc, elements: doc.elements.map((e, i) => (i === 0 ? { ...e, name: "Renamed" } : e)) });
    const next = reconcileNodes(nodes, renamed.nodes);
    expect(next).not.toBe(nodes);
    expect(next[1]).toBe(nodes[1]);
  });

  it("keeps the last flags when a new report colours every subject the same", () => {
    const first = flagsBySubject(report([finding("unowned-handoff", "warning", [ho("h1")])]));
    const same = flagsBySubject(report([finding("unowned-handoff", "warning", [ho("h1")], { message: "In other words" })]));
    expect(sameFlags(first, same)).toBe(first);
    const worse = flagsBySubject(report([finding("unowned-handoff", "error", [ho("h1")])]));
    expect(sameFlags(first, worse)).toBe(worse);
  });
});
