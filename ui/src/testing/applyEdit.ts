import type { Edit, Workspace } from "../backend";
import { BackendError } from "../backend";

/**
 * A small in-browser mirror of `crates/model/src/edit.rs` for test doubles: the edits the
 * UI sends today, with the checks whose messages the UI is expected to show.
 */
export function applyEdit(doc: Workspace, edit: Edit): Workspace {
  const ws: Workspace = structuredClone(doc);
  applyInPlace(ws, edit);
  validate(ws);
  return ws;
}

function notFound(what: string, id: string): BackendError {
  return new BackendError("not_found", `no ${what} "${id}" in this workspace`);
}

function putAt<T extends { id: string }>(items: T[], item: T, index: number | null) {
  const at = items.findIndex((x) => x.id === item.id);
  if (at >= 0 && index === null) {
    items[at] = item;
    return;
  }
  if (at >= 0) items.splice(at, 1);
  const to = index === null ? items.length : Math.min(index, items.length);
  items.splice(to, 0, item);
}

function applyInPlace(ws: Workspace, edit: Edit): void {
  switch (edit.type) {
    case "set_info":
      ws.workspace = edit.info;
      return;
    case "put_stage":
      putAt(ws.stages, edit.stage, edit.index);
      return;
    case "move_stage": {
      const from = ws.stages.findIndex((s) => s.id === edit.id);
      if (from < 0) throw notFound("stage", edit.id);
      const [stage] = ws.stages.splice(from, 1);
      ws.stages.splice(Math.min(edit.index, ws.stages.length), 0, stage);
      return;
    }
    case "delete_stage": {
      const at = ws.stages.findIndex((s) => s.id === edit.id);
      if (at < 0) throw notFound("stage", edit.id);
      ws.stages.splice(at, 1);
      for (const e of ws.elements) if (e.stages) e.stages = e.stages.filter((s) => s !== edit.id);
      return;
    }
    case "put_element":
      putAt(ws.elements, edit.element, null);
      return;
    case "delete_element": {
      const at = ws.elements.findIndex((e) => e.id === edit.id);
      if (at < 0) throw notFound("element", edit.id);
      ws.elements.splice(at, 1);
      ws.handoffs = ws.handoffs.filter((h) => h.from !== edit.id && h.to !== edit.id);
      for (const e of ws.elements) if (e.covers) e.covers = e.covers.filter((c) => c !== edit.id);
      return;
    }
    case "put_handoff":
      putAt(ws.handoffs, edit.handoff, null);
      return;
    case "delete_handoff":
      ws.handoffs = ws.handoffs.filter((h) => h.id !== edit.id);
      return;
    case "put_principle":
      putAt(ws.principles, edit.principle, edit.index);
      return;
    case "delete_principle": {
      const at = ws.principles.findIndex((p) => p.id === edit.id);
      if (at < 0) throw notFound("principle", edit.id);
      ws.principles.splice(at, 1);
      return;
    }
    case "put_session":
      putAt(ws.readiness, edit.session, null);
      return;
    case "delete_session": {
      const at = ws.readiness.findIndex((s) => s.id === edit.id);
      if (at < 0) throw notFound("readiness session", edit.id);
      ws.readiness.splice(at, 1);
      return;
    }
    case "put_layer_score": {
      const at = ws.layer_scores.findIndex((l) => l.layer === edit.score.layer && l.date === edit.score.date);
      if (at >= 0) ws.layer_scores[at] = edit.score;
      else ws.layer_scores.push(edit.score);
      return;
    }
    case "delete_layer_score": {
      const before = ws.layer_scores.length;
      ws.layer_scores = ws.layer_scores.filter((l) => !(l.layer === edit.layer && l.date === edit.date));
      if (ws.layer_scores.length === before) throw notFound("layer score", `${edit.layer} ${edit.date}`);
      return;
    }
    case "put_waiver": {
      const at = ws.waivers.findIndex((w) => w.code === edit.waiver.code && w.subject === edit.waiver.subject);
      if (at >= 0) ws.waivers[at] = edit.waiver;
      else ws.waivers.push(edit.waiver);
      return;
    }
    case "delete_waiver": {
      const before = ws.waivers.length;
      ws.waivers = ws.waivers.filter((w) => !(w.code === edit.code && w.subject === edit.subject));
      if (ws.waivers.length === before) throw notFound("waiver", `${edit.code} on ${edit.subject}`);
      return;
    }
    case "batch":
      for (const e of edit.edits) applyInPlace(ws, e);
      return;
    default:
      throw new BackendError("internal", `the fixture backend does not apply "${(edit as Edit).type}" edits`);
  }
}

function validate(ws: Workspace): void {
  const problems: string[] = [];
  if (!ws.workspace.name.trim()) problems.push("workspace.name: a name cannot be empty");
  const stageIds = new Set<string>();
  ws.stages.forEach((s, i) => {
    if (stageIds.has(s.id)) problems.push(`stages[${i}].id: "${s.id}" is used twice`);
    stageIds.add(s.id);
    if (!s.name.trim()) problems.push(`stages[${i}].name: a name cannot be empty`);
    if (s.emotion < -2 || s.emotion > 2)
      problems.push(`stages[${i}].emotion: emotion is ${s.emotion}; it runs from -2 to 2`);
  });
  const elementIds = new Set(ws.elements.map((e) => e.id));
  ws.elements.forEach((e, i) => {
    if (!e.name.trim()) problems.push(`elements[${i}].name: a name cannot be empty`);
    (e.stages ?? []).forEach((s, j) => {
      if (!stageIds.has(s)) problems.push(`elements[${i}].stages[${j}]: no stage "${s}"`);
    });
    for (const key of Object.keys(e.claims ?? {})) {
      if (!key.trim()) problems.push(`elements[${i}].claims: a key cannot be empty`);
    }
    (e.covers ?? []).forEach((c, j) => {
      if (!elementIds.has(c)) problems.push(`elements[${i}].covers[${j}]: no element "${c}"`);
    });
  });
  ws.readiness.forEach((s, i) => {
    if (!s.name.trim()) problems.push(`readiness[${i}].name: a name cannot be empty`);
    const names = new Set<string>();
    s.raters.forEach((r, j) => {
      if (!r.name.trim()) problems.push(`readiness[${i}].raters[${j}].name: a name cannot be empty`);
      if (names.has(r.name)) problems.push(`readiness[${i}].raters[${j}].name: rater "${r.name}" appears twice in this session`);
      names.add(r.name);
    });
  });
  ws.principles.forEach((p, i) => {
    if (!p.text.trim()) problems.push(`principles[${i}].text: a principle needs some text`);
  });
  if (problems.length > 0) throw new BackendError(
      "invalid_edit",
      problems.join("; "),
      problems.map((p) => ({ path: p.slice(0, p.indexOf(": ")), message: p.slice(p.indexOf(": ") + 2) })),
    );
}
