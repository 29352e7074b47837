import type { PlaybookOptions, Section, SectionPreview, Workspace } from "../backend";

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * A stand-in for the playbook library's `outline` (crates/playbook), for the test double and
 * the `?backend=fixture` screenshots: the switched-on sections in print order, with lines
 * shaped like the library's. Tests that check wording pass their own `outlineFor`.
 */
export function sampleOutline(doc: Workspace, options: PlaybookOptions): SectionPreview[] {
  const touchpoints = doc.elements.filter((e) => e.kind === "touchpoint").length;
  const contracts = doc.handoffs.filter((h) => h.invariant.length > 0 || h.gate !== null).length;
  const all: [Section, string, string][] = [
    ["cover", "Cover", "Workspace name, date and the vision statement on one page."],
    [
      "narrative",
      "Narrative arc",
      `${count(doc.stages.length, "stage", "stages")} with their key moments, and the emotional arc as a chart.`,
    ],
    [
      "principles",
      "Design principles",
      `${count(doc.principles.length, "principle", "principles")} (non-negotiables first), then the must-not-vary keys and human gates of ${count(contracts, "handoff contract", "handoff contracts")}.`,
    ],
    [
      "readiness",
      "Readiness",
      doc.readiness.length
        ? "The latest readiness session: the radar, the total against 18 and where to start."
        : "No readiness session yet: left out.",
    ],
    [
      "integrity",
      "Handoff integrity",
      `The handoff graph of ${count(doc.handoffs.length, "handoff", "handoffs")}, the worst divergences with their owners, and waived findings.`,
    ],
    [
      "checklists",
      "Touchpoint checklists",
      `A checklist for each of ${count(touchpoints, "touchpoint", "touchpoints")}: stage, owning team, claims, context, rules.`,
    ],
  ];
  return all.filter(([section]) => options.sections[section]).map(([section, title, summary]) => ({ section, title, summary }));
}
