import type { Edit, Workspace } from "../backend";
import { KIND_LABEL, LAYER_LABEL, RULE_TITLE } from "../model/library";

/*
 * How the store names an edit in the undo history: a port of `crates/store/src/label.rs`
 * for the test double. `conformance.test.ts` checks it against the labels the real store
 * gives to the cases the Rust library writes, so the two cannot drift apart silently.
 */

const quoted = (name: string) => `\u201c${name}\u201d`;

function short(text: string): string {
  const MAX = 40;
  const t = text.trim();
  const chars = [...t];
  if (chars.length <= MAX) return t;
  return `${chars.slice(0, MAX).join("").trimEnd()}\u2026`;
}

const elementName = (ws: Workspace, id: string) => quoted(ws.elements.find((e) => e.id === id)?.name ?? id);

const ruleTitle = (code: string) => (RULE_TITLE as Record<string, string | undefined>)[code] ?? code;

/** A waiver's subject (a finding key) by display name: element, stage, handoff, metric, else the key. */
function subjectName(ws: Workspace, key: string): string {
  const e = ws.elements.find((x) => x.id === key);
  if (e) return e.name;
  const s = ws.stages.find((x) => x.id === key);
  if (s) return `stage ${s.name}`;
  const h = (ws.handoffs ?? []).find((x) => x.id === key);
  if (h) return `the handoff ${elementName(ws, h.from)} \u2192 ${elementName(ws, h.to)}`;
  const m = (ws.metrics ?? []).find((x) => x.id === key);
  if (m) return `metric ${quoted(m.name)}`;
  return quoted(key);
}

/** The label of `edit` as applied to `old` (the workspace before the edit). */
export function labelOf(old: Workspace, edit: Edit): string {
  switch (edit.type) {
    case "set_info":
      if (edit.info.name !== old.workspace.name) return `Rename workspace to ${quoted(edit.info.name)}`;
      if (edit.info.vision !== old.workspace.vision) return "Edit the vision";
      return "Edit the journey state";
    case "put_stage": {
      const exists = old.stages.some((s) => s.id === edit.stage.id);
      const verb = !exists ? "Add" : edit.index !== null ? "Move" : "Edit";
      return `${verb} stage ${quoted(edit.stage.name)}`;
    }
    case "move_stage":
      return `Move stage ${quoted(old.stages.find((s) => s.id === edit.id)?.name ?? edit.id)}`;
    case "delete_stage":
      return `Delete stage ${quoted(old.stages.find((s) => s.id === edit.id)?.name ?? edit.id)}`;
    case "put_element": {
      const verb = old.elements.some((e) => e.id === edit.element.id) ? "Edit" : "Add";
      return `${verb} ${KIND_LABEL[edit.element.kind].toLowerCase()} ${quoted(edit.element.name)}`;
    }
    case "delete_element": {
      const e = old.elements.find((x) => x.id === edit.id);
      return e ? `Delete ${KIND_LABEL[e.kind].toLowerCase()} ${quoted(e.name)}` : `Delete element ${quoted(edit.id)}`;
    }
    case "put_handoff": {
      const verb = old.handoffs.some((h) => h.id === edit.handoff.id) ? "Edit" : "Add";
      return `${verb} handoff ${elementName(old, edit.handoff.from)} \u2192 ${elementName(old, edit.handoff.to)}`;
    }
    case "delete_handoff": {
      const h = old.handoffs.find((x) => x.id === edit.id);
      return h ? `Delete handoff ${elementName(old, h.from)} \u2192 ${elementName(old, h.to)}` : `Delete handoff ${quoted(edit.id)}`;
    }
    case "put_principle": {
      const verb = old.principles.some((p) => p.id === edit.principle.id) ? "Edit" : "Add";
      return `${verb} principle ${quoted(short(edit.principle.text))}`;
    }
    case "delete_principle": {
      const p = old.principles.find((x) => x.id === edit.id);
      return `Delete principle ${quoted(p ? short(p.text) : edit.id)}`;
    }
    case "put_session": {
      const verb = old.readiness.some((s) => s.id === edit.session.id) ? "Edit" : "Add";
      return `${verb} readiness session ${quoted(edit.session.name)}`;
    }
    case "delete_session":
      return `Delete readiness session ${quoted(old.readiness.find((s) => s.id === edit.id)?.name ?? edit.id)}`;
    case "put_layer_score":
      return `Score the ${LAYER_LABEL[edit.score.layer]} layer ${edit.score.score} on ${edit.score.date}`;
    case "delete_layer_score":
      return `Delete the ${LAYER_LABEL[edit.layer]} layer score of ${edit.date}`;
    case "put_waiver":
      return `Waive ${quoted(ruleTitle(edit.waiver.code))} on ${subjectName(old, edit.waiver.subject)}`;
    case "delete_waiver":
      return `Withdraw the waiver of ${quoted(ruleTitle(edit.code))} on ${subjectName(old, edit.subject)}`;
    case "batch": {
      const [first, ...rest] = edit.edits;
      if (!first) return "No change";
      if (rest.length === 0) return labelOf(old, first);
      return `${labelOf(old, first)} and ${rest.length} more ${rest.length === 1 ? "change" : "changes"}`;
    }
    default:
      return `Edit (${(edit as Edit).type})`;
  }
}
