import { displayDateTime } from "../model/format";
import type { JsonValue, Layer, Source, VersionRef } from "../backend";

/** A field's value in one short line: `(none)` for absent, lists joined, objects as JSON. */
export function showValue(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return "(none)";
  if (typeof v === "string") return v === "" ? "(empty)" : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.length === 0 ? "(none)" : v.map((x) => showValue(x)).join(", ");
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** “1st”, “2nd”, “3rd”, “4th” for a 0-based position. */
export function ordinal(index: number): string {
  const n = index + 1;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

export const LAYER_TITLE: Record<Layer, string> = {
  vision: "Vision",
  narrative: "Narrative",
  system: "System",
  touchpoint: "Touchpoint",
};

export const SOURCE_LABEL: Record<Source, string> = {
  ui: "app",
  cli: "command line",
  import: "import",
  undo: "undo",
  redo: "redo",
  restore: "restore",
  merge: "merge",
};

/** A stored RFC 3339 time as the app shows every moment (“6 Jan 2025, 10:00”, in the user's locale and zone). */
export function shortTime(at: string): string {
  return displayDateTime(at);
}

/** How a state is named in the picker and the lens bar. */
export function versionName(v: VersionRef): string {
  if (v.kind === "current") return "Now";
  if (v.kind === "snapshot") return `“${v.label}”`;
  if (v.kind === "batch") return `After change ${v.id}`;
  return v.path.split(/[\\/]/).pop() ?? v.path;
}
