import type { Subject, Workspace } from "../backend";

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
  return {
    subject: (s) => {
      if (s.kind === "element") return elName(s.id);
      if (s.kind === "stage") return `Stage “${stages.get(s.id)?.name ?? s.id}”`;
      const h = handoffs.get(s.id);
      return h ? `${elName(h.from)} → ${elName(h.to)}` : s.id;
    },
    teams: (s) => {
      if (s.kind === "element") {
        const t = elements.get(s.id)?.team;
        return t ? [t] : [];
      }
      if (s.kind === "handoff") {
        const h = handoffs.get(s.id);
        if (!h) return [];
        return [elements.get(h.from)?.team, elements.get(h.to)?.team].filter((t): t is string => !!t);
      }
      return [];
    },
  };
}
