import type { Element, Report } from "../backend";

/** What the stack's search bar asks for. Empty fields ask for nothing. */
export interface StackFilter {
  /** Words looked for in a card's name, description and aliases, ignoring case. */
  query: string;
  /** A touchpoint channel, as the lanes name it (trimmed); "" for any. */
  channel: string;
  /** A team's display name; "" for any. */
  team: string;
  /** Only cards a finding (not waived) is about. */
  withFindings: boolean;
}

export const NO_FILTER: StackFilter = { query: "", channel: "", team: "", withFindings: false };

/** Whether the filter asks for anything. */
export function isFiltering(f: StackFilter): boolean {
  return f.query.trim() !== "" || f.channel !== "" || f.team !== "" || f.withFindings;
}

/** The ids of the elements an open (not waived) finding of the report is about. */
export function elementsWithFindings(report: Report | null): Set<string> {
  const ids = new Set<string>();
  for (const f of report?.findings ?? []) {
    if (f.waived) continue;
    for (const s of f.subjects) if (s.kind === "element") ids.add(s.id);
  }
  return ids;
}

/**
 * A test for one card: every word of the query in its name, description or aliases (any
 * case), its channel and team the chosen ones, and a finding about it when asked.
 * `teamOf` gives the team's display name; `flagged` the elements with findings.
 */
export function cardMatcher(f: StackFilter, teamOf: (e: Element) => string | null, flagged: ReadonlySet<string>): (e: Element) => boolean {
  const words = f.query.toLowerCase().split(/\s+/).filter(Boolean);
  const channel = f.channel.toLowerCase();
  return (e) => {
    if (channel && (e.kind !== "touchpoint" || (e.channel ?? "").trim().toLowerCase() !== channel)) return false;
    if (f.team && teamOf(e) !== f.team) return false;
    if (f.withFindings && !flagged.has(e.id)) return false;
    if (words.length === 0) return true;
    const text = [e.name, e.description ?? "", ...(e.aliases ?? [])].join("\n").toLowerCase();
    return words.every((w) => text.includes(w));
  };
}
