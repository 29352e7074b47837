import type { Edit, ErrorCode, Workspace } from "../backend";
import { BackendError } from "../backend";
import { LAYER_LABEL, NAME_MAX, UNNAMED_AUTHOR } from "../model/library";

/*
 * The test double's port of `apply_edit` (crates/model/src/edit.rs) for the edits the UI
 * sends, with the checks whose messages the UI shows. It is not a second source of truth:
 * `conformance.test.ts` runs it against the outcomes the real store gives to the cases the
 * Rust library writes (`generated/cases.json`), so a rule changed on either side fails a test.
 */

/** The store's code for a refused edit (`StoreError::code` in crates/store). */
export const INVALID_EDIT: ErrorCode = "invalid_edit";

/** Applies `edit` to a copy of `doc` and validates the result, as the store does. */
/**
 * `edit` with every waiver it puts stamped with the author `who` (or the library's unnamed
 * author when blank) and the time `when`, as the store records them whatever the client sent.
 */
export function stampWaivers(edit: Edit, who: string, when: string): Edit {
  if (edit.type === "put_waiver") return { ...edit, waiver: { ...edit.waiver, who: who.trim() || UNNAMED_AUTHOR, when } };
  if (edit.type === "batch") return { ...edit, edits: edit.edits.map((e) => stampWaivers(e, who, when)) };
  return edit;
}

export function applyEdit(doc: Workspace, edit: Edit): Workspace {
  const ws: Workspace = structuredClone(doc);
  applyInPlace(ws, edit);
  const problems = validate(ws);
  if (problems.length > 0) throw new BackendError(INVALID_EDIT, joinProblems(problems), problems);
  return ws;
}

function notFound(what: string, id: string): BackendError {
  return new BackendError(INVALID_EDIT, `no ${what} "${id}" in this workspace`);
}

function position<T extends { id: string }>(items: T[], what: string, id: string): number {
  const at = items.findIndex((x) => x.id === id);
  if (at < 0) throw notFound(what, id);
  return at;
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

/** Optional lists the library leaves out of a document when empty. */
function dropEmpty<T extends object, K extends keyof T>(item: T, key: K) {
  const v = item[key];
  if (Array.isArray(v) && v.length === 0) delete item[key];
}

/** Removes the metrics scoped to `scope` and their readings, as deleting what they measure does. */
function dropMetrics(ws: Workspace, scope: string) {
  if (!ws.metrics?.length) return;
  const gone = new Set(ws.metrics.filter((m) => m.scope === scope).map((m) => m.id));
  if (gone.size === 0) return;
  ws.metrics = ws.metrics.filter((m) => !gone.has(m.id));
  ws.readings = (ws.readings ?? []).filter((r) => !gone.has(r.metric));
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
      const [stage] = ws.stages.splice(position(ws.stages, "stage", edit.id), 1);
      ws.stages.splice(Math.min(edit.index, ws.stages.length), 0, stage);
      return;
    }
    case "delete_stage":
      ws.stages.splice(position(ws.stages, "stage", edit.id), 1);
      dropMetrics(ws, `stage:${edit.id}`);
      for (const e of ws.elements) {
        if (e.stages) e.stages = e.stages.filter((s) => s !== edit.id);
        dropEmpty(e, "stages");
      }
      return;
    case "put_element":
      putAt(ws.elements, edit.element, null);
      return;
    case "delete_element":
      ws.elements.splice(position(ws.elements, "element", edit.id), 1);
      dropMetrics(ws, `element:${edit.id}`);
      ws.handoffs = ws.handoffs.filter((h) => h.from !== edit.id && h.to !== edit.id);
      for (const h of ws.handoffs) if (h.source_of_truth === edit.id) h.source_of_truth = null;
      for (const e of ws.elements) {
        if (e.covers) e.covers = e.covers.filter((c) => c !== edit.id);
        dropEmpty(e, "covers");
      }
      return;
    case "put_handoff":
      putAt(ws.handoffs, edit.handoff, null);
      return;
    case "delete_handoff":
      ws.handoffs.splice(position(ws.handoffs, "handoff", edit.id), 1);
      return;
    case "put_principle":
      putAt(ws.principles, edit.principle, edit.index);
      return;
    case "delete_principle":
      ws.principles.splice(position(ws.principles, "principle", edit.id), 1);
      return;
    case "put_session":
      putAt(ws.readiness, edit.session, null);
      return;
    case "delete_session":
      ws.readiness.splice(position(ws.readiness, "readiness session", edit.id), 1);
      // The layers rated in it keep their scores and dates, as the library does.
      ws.layer_scores = ws.layer_scores.map((l) => {
        if (l.session !== edit.id) return l;
        const { session: _gone, ...rest } = l;
        return rest;
      });
      return;
    case "put_layer_score": {
      const at = ws.layer_scores.findIndex((l) => l.layer === edit.score.layer && l.date === edit.score.date);
      if (at >= 0) ws.layer_scores[at] = edit.score;
      else ws.layer_scores.push(edit.score);
      return;
    }
    case "delete_layer_score": {
      const before = ws.layer_scores.length;
      ws.layer_scores = ws.layer_scores.filter((l) => !(l.layer === edit.layer && l.date === edit.date));
      if (ws.layer_scores.length === before) throw notFound("layer score", `${LAYER_LABEL[edit.layer]} on ${edit.date}`);
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
    case "put_metric": {
      if (!ws.metrics) ws.metrics = [];
      putAt(ws.metrics, edit.metric, null);
      return;
    }
    case "delete_metric":
      position(ws.metrics ?? [], "metric", edit.id);
      ws.metrics = (ws.metrics ?? []).filter((m) => m.id !== edit.id);
      ws.readings = (ws.readings ?? []).filter((r) => r.metric !== edit.id);
      return;
    case "put_readings": {
      if (!ws.readings) ws.readings = [];
      const readings = ws.readings;
      for (const r of edit.readings) {
        const at = readings.findIndex((x) => x.metric === r.metric && x.date === r.date);
        if (at >= 0) readings[at] = r;
        else readings.push(r);
      }
      return;
    }
    case "delete_reading": {
      const before = ws.readings?.length ?? 0;
      ws.readings = (ws.readings ?? []).filter((r) => !(r.metric === edit.metric && r.date === edit.date));
      if (ws.readings.length === before) throw notFound("reading", `${edit.metric} on ${edit.date}`);
      return;
    }
    case "put_review": {
      if (!ws.reviews) ws.reviews = [];
      putAt(ws.reviews, edit.review, null);
      return;
    }
    case "delete_review":
      ws.reviews = ws.reviews ?? [];
      ws.reviews.splice(position(ws.reviews, "review", edit.id), 1);
      return;
    case "batch":
      for (const e of edit.edits) applyInPlace(ws, e);
      return;
    default:
      throw new BackendError("internal", `the test double does not apply "${(edit as Edit).type}" edits`);
  }
}

interface Problem {
  path: string;
  message: string;
}

/** Five problems at most, then a count, as `EditError::Invalid` writes them. */
function joinProblems(problems: Problem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
  const more = problems.length - shown.length;
  return more > 0 ? `${shown.join("; ")}; and ${more} more` : shown.join("; ");
}

/** The subset of `validate` (crates/model/src/validate.rs) that the UI's edits can trip. */
function validate(ws: Workspace): Problem[] {
  const problems: Problem[] = [];
  const push = (path: string, message: string) => problems.push({ path, message });
  const name = (path: string, value: string) => {
    if (!value.trim()) push(path, "cannot be empty");
    else if ([...value].length > NAME_MAX)
      push(path, `"${[...value].slice(0, 40).join("")}…" is ${[...value].length} characters long; the limit is ${NAME_MAX}`);
  };
  const uniqueIds = (collection: string, what: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) push(`${collection}[${i}].id`, `another ${what} already has id "${id}"`);
      seen.add(id);
    });
    return seen;
  };
  name("workspace.name", ws.workspace.name);
  const stageIds = uniqueIds(
    "stages",
    "stage",
    ws.stages.map((s) => s.id),
  );
  ws.stages.forEach((s, i) => {
    name(`stages[${i}].name`, s.name);
  });
  const elementIds = uniqueIds(
    "elements",
    "element",
    ws.elements.map((e) => e.id),
  );
  ws.elements.forEach((e, i) => {
    const at = `elements[${i}]`;
    name(`${at}.name`, e.name);
    (e.stages ?? []).forEach((s, j) => {
      if (!stageIds.has(s)) push(`${at}.stages[${j}]`, `no stage "${s}"`);
    });
    (e.covers ?? []).forEach((c, j) => {
      if (!elementIds.has(c)) push(`${at}.covers[${j}]`, `no element "${c}"`);
      else if (c === e.id) push(`${at}.covers[${j}]`, "a rule cannot cover itself");
    });
  });
  uniqueIds(
    "handoffs",
    "handoff",
    ws.handoffs.map((h) => h.id),
  );
  ws.handoffs.forEach((h, i) => {
    for (const field of ["from", "to"] as const) {
      if (!elementIds.has(h[field])) push(`handoffs[${i}].${field}`, `no element "${h[field]}"`);
    }
    if (h.from === h.to) push(`handoffs[${i}].to`, "a handoff cannot lead back to where it starts");
  });
  uniqueIds(
    "principles",
    "principle",
    ws.principles.map((p) => p.id),
  );
  ws.principles.forEach((p, i) => {
    if (!p.text.trim()) push(`principles[${i}].text`, "a principle needs some text");
  });
  uniqueIds(
    "readiness",
    "session",
    ws.readiness.map((s) => s.id),
  );
  ws.readiness.forEach((s, i) => {
    name(`readiness[${i}].name`, s.name);
    const names = new Set<string>();
    s.raters.forEach((r, j) => {
      name(`readiness[${i}].raters[${j}].name`, r.name);
      const key = r.name.trim().toLowerCase();
      if (names.has(key)) push(`readiness[${i}].raters[${j}].name`, `rater "${r.name}" appears twice in this session`);
      names.add(key);
    });
  });
  const scales = new Map<string, [number, number]>();
  (ws.metrics ?? []).forEach((m, i) => {
    const at = `metrics[${i}]`;
    name(`${at}.name`, m.name);
    const [min, max] = [m.min ?? Number.NaN, m.max ?? Number.NaN];
    if (!(min < max)) push(`${at}.max`, `the scale runs from ${min} to ${max}; its top must be above its bottom`);
    else if (m.target != null && !(m.target >= min && m.target <= max))
      push(`${at}.target`, `${m.target} is outside the scale ${min} to ${max}`);
    if (m.scope.startsWith("stage:") && !stageIds.has(m.scope.slice(6))) push(`${at}.scope`, `no stage "${m.scope.slice(6)}"`);
    if (m.scope.startsWith("element:") && !elementIds.has(m.scope.slice(8))) push(`${at}.scope`, `no element "${m.scope.slice(8)}"`);
    if (!scales.has(m.id)) scales.set(m.id, [min, max]);
  });
  (ws.readings ?? []).forEach((r, i) => {
    const scale = scales.get(r.metric);
    const v = r.value ?? Number.NaN;
    if (!scale) push(`readings[${i}].metric`, `no metric "${r.metric}"`);
    else if (scale[0] < scale[1] && !(v >= scale[0] && v <= scale[1]))
      push(`readings[${i}].value`, `${v} is outside the scale ${scale[0]} to ${scale[1]}`);
  });
  const sessionIds = new Set(ws.readiness.map((s) => s.id));
  (ws.reviews ?? []).forEach((r, i) => {
    (r.attendees ?? []).forEach((who, j) => {
      name(`reviews[${i}].attendees[${j}]`, who);
    });
    if (r.session && !sessionIds.has(r.session)) push(`reviews[${i}].session`, `no readiness session "${r.session}"`);
  });
  return problems;
}
