import type { Element } from "../backend";

/**
 * The element as the backend writes it: empty optional fields left out (they are
 * `skip_serializing_if` in Rust), so that an edit that changes nothing compares equal.
 */
export function normalize(e: Element): Element {
  const out: Element = { id: e.id, kind: e.kind, name: e.name };
  if (e.description) out.description = e.description;
  if (e.channel?.trim()) out.channel = e.channel.trim();
  if (e.team?.trim()) out.team = e.team.trim();
  if (e.stages?.length) out.stages = e.stages;
  if (e.capability) out.capability = e.capability;
  if (e.covers?.length) out.covers = e.covers;
  if (e.claims && Object.keys(e.claims).length) out.claims = e.claims;
  if (e.needs?.length) out.needs = e.needs;
  if (e.interprets && Object.keys(e.interprets).length) out.interprets = e.interprets;
  if (e.tags?.length) out.tags = e.tags;
  return out;
}
