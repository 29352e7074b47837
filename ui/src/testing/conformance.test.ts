import { describe, expect, it } from "vitest";
import type { Edit, EntityChange, Report, Workspace } from "../backend";
import { BackendError } from "../backend";
import { raterNameProblem } from "../assess/dimensions";
import { uniqueId } from "../model/ids";
import { applyChanges } from "../store/delta";
import { canonical } from "./diff";
import { MemoryBackend } from "./memoryBackend";
import casesJson from "./generated/cases.json?raw";
import { withWaivers } from "./sampleOutput";

/*
 * The test double and the UI's few ports of library rules, run against what the Rust
 * libraries answer (`generated/cases.json`, written by `cargo test -p throughline-ui-cases`
 * and checked for staleness in CI). A rule changed on either side fails here.
 */

type Outcome =
  | { kind: "applied"; doc: Workspace; changes: EntityChange[]; undo_label: string | null; undo_changes: EntityChange[] }
  | { kind: "refused"; code: string; message: string };

interface Cases {
  edits: {
    actor: string;
    clock: string;
    bases: Record<string, Workspace>;
    cases: { name: string; before: string; edit: Edit; outcome: Outcome }[];
  };
  slugs: { name: string; taken: string[]; fallback: string; id: string }[];
  waivers: { unwaived: Report; doc: Workspace; waived: Report };
  rater_names: { existing: string[]; typed: string; accepted: boolean }[];
}

// Read as text: the type checker need not infer a type for 150 KB of JSON.
const cases = JSON.parse(casesJson) as Cases;

describe("the test double applies every edit as the store does", () => {
  it.each(cases.edits.cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const backend = new MemoryBackend([cases.edits.bases[c.before]], { display_name: cases.edits.actor });
    backend.freezeClock(cases.edits.clock);
    const [slug] = (await backend.listWorkspaces()).map((w) => w.slug);
    if (c.outcome.kind === "refused") {
      const error = await backend.applyEdit(slug, c.edit).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, "the edit is refused").toBeInstanceOf(BackendError);
      expect((error as BackendError).code).toBe(c.outcome.code);
      expect((error as BackendError).message).toBe(c.outcome.message);
      return;
    }
    const delta = await backend.applyEdit(slug, c.edit);
    expect(canonical(backend.doc(slug)), "the document after the edit").toEqual(canonical(c.outcome.doc));
    expect(canonical(delta.changes), "what the edit changed").toEqual(canonical(c.outcome.changes));
    expect(delta.undo?.label ?? null, "the label undo offers").toBe(c.outcome.undo_label);
    if (c.outcome.changes.length === 0) return;
    const undone = await backend.undo(slug);
    expect(canonical(undone.changes), "what undoing the edit changed").toEqual(canonical(c.outcome.undo_changes));
  });
});

describe("the window patches its document with the store's changes", () => {
  const applied = cases.edits.cases.filter((c) => c.outcome.kind === "applied");
  it.each(applied.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    if (c.outcome.kind !== "applied") return;
    const before = cases.edits.bases[c.before];
    const patched = applyChanges(before, c.outcome.changes);
    expect(canonical(patched), "the edit's changes give the store's document").toEqual(canonical(c.outcome.doc));
    const back = applyChanges(patched, c.outcome.undo_changes);
    expect(canonical(back), "the undo's changes give the document back").toEqual(canonical(before));
  });
});

describe("ids, waivers and rater names follow the library", () => {
  it.each(cases.slugs.map((c) => [c.name, c] as const))("the id for %j", (_name, c) => {
    expect(uniqueId(c.name, c.taken, c.fallback)).toBe(c.id);
  });

  it("applies waivers by code and key, and counts them", () => {
    const { unwaived, doc, waived } = cases.waivers;
    expect(waived.summary.waived, "the case waives something").toBeGreaterThan(0);
    expect(withWaivers(unwaived, doc)).toEqual(waived);
  });

  it.each(cases.rater_names.map((c) => [c.typed.slice(0, 12), c] as const))("judges the rater name %j", (_typed, c) => {
    const session = { id: "s", name: "Session", date: "2025-01-01", raters: c.existing.map((name) => ({ name, scores: {} })) };
    expect(raterNameProblem(session, c.typed) === null, `"${c.typed}" after ${c.existing.join(", ")}`).toBe(c.accepted);
  });
});
