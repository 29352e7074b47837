import type { Subject, Workspace } from "../backend";
import { actorName, actorsOf } from "../model/names";

/** Human names for subjects and the teams they belong to, looked up once per document. */
export interface Names {
  subject: (s: Subject) => string;
  teams: (s: Subject) => string[];
}

export function namesOf(doc: Workspace): Names {
  const elements = new Map(doc.elements.map((e) => [e.id, e]));
  const handoffs = new Map(doc.handoffs.map((h) => [h.id, h]));
  const stages = new Map(doc.stages.map((s) => [s.id, s]));
  const elName = (id: string) => elements.get(id)?.name ?? id;
  const actors = actorsOf(doc);
  const team = (id: string) => actorName(actors, elements.get(id)?.team);
  return {
    subject: (s) => {
      if (s.kind === "element") return elName(s.id);
      if (s.kind === "stage") return `Stage “${stages.get(s.id)?.name ?? s.id}”`;
      const h = handoffs.get(s.id);
      return h ? `${elName(h.from)} → ${elName(h.to)}` : s.id;
    },
    teams: (s) => {
      if (s.kind === "element") {
        const t = team(s.id);
        return t ? [t] : [];
      }
      if (s.kind === "handoff") {
        const h = handoffs.get(s.id);
        if (!h) return [];
        return [team(h.from), team(h.to)].filter((t): t is string => !!t);
      }
      return [];
    },
  };
}
