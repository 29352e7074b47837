import type { Workspace } from "../backend";
import { nexusFlow } from "./fixtures";

/** A text of exactly `n` characters built from `words`, the way a long pasted name looks. */
export function longText(words: string, n = 240): string {
  let s = words;
  while (s.length < n) s += ` ${words}`;
  return s.slice(0, n);
}

/** The long names this workspace uses, for assertions. */
export const LONG = {
  workspace: longText("Spring promotion across every channel for the loyal customers of the north region"),
  stage: longText("Discover the offer and the reasons to believe it"),
  moment: longText("The customer sees the spring offer on the website but does not know the new fee applies"),
  touchpoint: longText("Website landing page of the spring promotion with the new pricing calculator"),
  team: longText("Customer success and onboarding team of the north region"),
  /** One word with no space to break at, as an id pasted as a name can be. */
  unbroken: "x".repeat(240),
};

/**
 * NexusFlow with 240-character names: the first stage and its key moment, the website
 * touchpoint, a team element that the website's `team` names by id, and a card whose name has no
 * space at all. Views must wrap or clamp each of them without growing a column.
 */
export function longNames(): Workspace {
  const ws = nexusFlow();
  ws.workspace.name = LONG.workspace;
  ws.stages[0] = { ...ws.stages[0], name: LONG.stage, moment: LONG.moment };
  const website = ws.elements.find((e) => e.id === "website");
  if (!website) throw new Error("the NexusFlow fixture lost its website touchpoint");
  website.name = LONG.touchpoint;
  website.team = "north-success";
  ws.elements.push({ id: "north-success", kind: "team", name: LONG.team });
  const chatbot = ws.elements.find((e) => e.id === "chatbot");
  if (chatbot) chatbot.name = LONG.unbroken;
  return ws;
}
