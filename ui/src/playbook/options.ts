import type { Edition, Paper, PlaybookOptions, Section, Sections } from "../backend";

/** What each section checkbox says; keyed by the library's sections, so a new one fails the type check until it is named here. */
export const SECTION_LABELS: Record<Section, { label: string; hint: string }> = {
  cover: { label: "Cover", hint: "Name, date and vision" },
  changes: { label: "What changed", hint: "Since a snapshot: changes by layer, divergences, readiness" },
  narrative: { label: "Narrative arc", hint: "Stages, key moments, the emotional arc" },
  principles: { label: "Design principles", hint: "Principles and handoff rules" },
  readiness: { label: "Readiness", hint: "The latest session: radar, total, where to start" },
  integrity: { label: "Handoff integrity", hint: "The handoff graph, worst divergences, waivers" },
  monitor: { label: "Monitor", hint: "Scorecard, promised and measured arc, what drifted" },
  reality: { label: "Reality check", hint: "An event log replayed: fitness, shadow handoffs, breaches" },
  checklists: { label: "Touchpoint checklists", hint: "One short checklist per touchpoint" },
};

/** The sections in the order the playbook prints them. */
export const SECTION_ORDER = Object.keys(SECTION_LABELS) as Section[];

/** Every section on, as the library defaults. */
export const ALL_SECTIONS: Sections = {
  cover: true,
  changes: true,
  narrative: true,
  principles: true,
  readiness: true,
  integrity: true,
  monitor: true,
  reality: true,
  checklists: true,
};

export const PAPER_LABELS: Record<Paper, string> = {
  a4: "A4 (210 × 297 mm)",
  letter: "US Letter (8.5 × 11 in)",
};

const PAPER_KEY = "throughline.playbook.paper";

/** The paper size chosen last time on this computer; A4 at first. */
export function storedPaper(): Paper {
  try {
    const value = window.localStorage.getItem(PAPER_KEY);
    return value === "letter" || value === "a4" ? value : "a4";
  } catch {
    return "a4";
  }
}

export function rememberPaper(paper: Paper): void {
  try {
    window.localStorage.setItem(PAPER_KEY, paper);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this session only.
  }
}

/** Today in the local time zone as YYYY-MM-DD: the date printed on the cover. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function makeOptions(
  paper: Paper,
  sections: Sections,
  generatedOn: string = todayIso(),
  edition: Edition = "leadership",
  now: Date = new Date(),
  anonymousRaters = false,
): PlaybookOptions {
  // The backend fills `layout` with the graph view's saved positions. The export time
  // becomes the PDF's creation date (RFC 3339, to the second).
  const generatedAt = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return { paper, edition, sections, generated_on: generatedOn, generated_at: generatedAt, layout: [], anonymous_raters: anonymousRaters };
}

/** The file name at the end of a path, whichever separator the platform uses. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** The folder part of a path (empty when there is none). */
export function folderOf(path: string): string {
  const at = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return at > 0 ? path.slice(0, at) : "";
}

/** A file size for people (one module writes every number: model/format.ts). */
export { fileSize as formatSize } from "../model/format";

/** The path with ".pdf" added when the save dialog returned a name without it. */
export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`;
}
