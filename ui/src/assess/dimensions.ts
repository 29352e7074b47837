import type { Dimension, Rater, ReadinessSession, Score } from "../backend";
import { NAME_MAX } from "../model/library";

// The dimensions and layers, their order and display names, come from the library.
export { DIMENSIONS, DIMENSION_LABEL, LAYERS, LAYER_LABEL } from "../model/library";

/** What each rater asks themself before giving a score: one line, read aloud in the room. */
export const DIMENSION_QUESTION: Record<Dimension, string> = {
  strategy: "Would every team describe the same experience vision?",
  data: "Does every team see one current picture of each customer?",
  team: "Do functions decide together, or pass work over the wall?",
  technology: "Can our tools coordinate channels and measure the journey?",
  culture: "After a miss, do we learn and retry, or look for blame?",
  metrics: "Do we track early signals and outcomes of a joined-up experience?",
};

/** Calm, distinguishable outline colours, one per rater (cycled past eight). */
const RATER_COLOURS = ["#2f6fdb", "#0f9488", "#d08a12", "#8b5cf6", "#d9487f", "#5b8c1a", "#0e8fb5", "#c2612c"];

export function raterColour(index: number): string {
  return RATER_COLOURS[index % RATER_COLOURS.length];
}

/** A score as the grid shows it: the digit, or an empty cell for a skip. */
export function scoreOf(rater: Rater, dimension: Dimension): Score | null {
  return rater.scores[dimension] ?? null;
}

function withRater(session: ReadinessSession, index: number, change: (r: Rater) => Rater): ReadinessSession {
  return { ...session, raters: session.raters.map((r, i) => (i === index ? change(r) : r)) };
}

/** Sets (1-5) or clears (null: skipped) one score; the other scores stay as they are. */
export function setScore(session: ReadinessSession, rater: number, dimension: Dimension, score: Score | null): ReadinessSession {
  return withRater(session, rater, (r) => {
    const scores = { ...r.scores };
    if (score === null) delete scores[dimension];
    else scores[dimension] = score;
    return { ...r, scores };
  });
}

export function addRater(session: ReadinessSession, name: string): ReadinessSession {
  return { ...session, raters: [...session.raters, { name, scores: {} }] };
}

export function renameRater(session: ReadinessSession, index: number, name: string): ReadinessSession {
  return withRater(session, index, (r) => ({ ...r, name }));
}

export function setRaterNote(session: ReadinessSession, index: number, note: string): ReadinessSession {
  return withRater(session, index, (r) => {
    const next: Rater = { name: r.name, scores: r.scores };
    if (note.trim()) next.note = note;
    return next;
  });
}

export function removeRater(session: ReadinessSession, index: number): ReadinessSession {
  return { ...session, raters: session.raters.filter((_, i) => i !== index) };
}

/**
 * Why a rater name cannot be used, or null when it can: said before the edit is sent, so the
 * facilitator can fix it while typing. The rule is the model's (crates/model/src/validate.rs:
 * a name, not too long, no control characters, unique within the session ignoring case and
 * spaces at the ends);
 * `testing/conformance.test.ts` checks it against the library's answers.
 */
export function raterNameProblem(session: ReadinessSession, name: string, except: number | null = null): string | null {
  const trimmed = name.trim();
  if (!trimmed) return "A rater needs a name.";
  if ([...trimmed].length > NAME_MAX) return `A name can be at most ${NAME_MAX} characters long.`;
  if (/\p{Cc}/u.test(trimmed)) return "A name cannot hold tabs or other control characters.";
  const key = trimmed.toLowerCase();
  if (session.raters.some((r, i) => i !== except && r.name.trim().toLowerCase() === key)) return `${trimmed} is already in this session.`;
  return null;
}

/** Today's date as `YYYY-MM-DD`, in the facilitator's time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Numbers and dates are written by one module for every view.
export { displayDate as longDate, figure } from "../model/format";

/**
 * The stand-in name of the rater at `index` (from 0): "Rater A" … "Rater Z", "Rater AA" …,
 * the readiness library's `rater_alias` rule, which the PDF follows.
 */
export function raterAlias(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `Rater ${letters}`;
}

/** The session with each rater's name replaced by its alias and notes left out; scores unchanged. */
export function anonymousSession(session: ReadinessSession): ReadinessSession {
  return { ...session, raters: session.raters.map((r, i) => ({ name: raterAlias(i), scores: r.scores })) };
}
