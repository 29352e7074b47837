import type { TemplateInfo, Workspace } from "../backend";
import { loyaltyApp, nexusFlow } from "./fixtures";

/** A template the double offers: what the picker lists and the document a workspace starts as. */
export interface TemplateDouble {
  info: TemplateInfo;
  doc: () => Workspace;
}

function info(id: string, title: string, summary: string, doc: Workspace): TemplateInfo {
  return { id, title, summary, stages: doc.stages.length, elements: doc.elements.length };
}

/** The library's four templates, by id, title and summary (the documents are the test fixtures). */
export function templateDoubles(): TemplateDouble[] {
  const named = (name: string, make: () => Workspace) => () => {
    const doc = make();
    doc.workspace.name = name;
    return doc;
  };
  const list: [string, string, string, () => Workspace][] = [
    [
      "saas-onboarding",
      "SaaS onboarding: the first 30 days",
      "The website promises no setup, the wizard asks for an API key, and support learns about a feature from the customers.",
      nexusFlow,
    ],
    [
      "retail-loyalty",
      "Retail loyalty app",
      "Marketing pushes, product gamifies, support scripts: each team hits its number while members feel crowded.",
      loyaltyApp,
    ],
    [
      "rising-intent",
      "Rising intent in B2B marketing",
      "One intent signal sets off an SDR call, a nurture track, louder web messages and an executive invite on the same day.",
      named("Rising intent", loyaltyApp),
    ],
    [
      "spring-promotions",
      "High-volume promotions with brand partners",
      "Partner offers, legal gates, late swaps and tracking codes, with one person every path runs through.",
      named("Spring promotions", loyaltyApp),
    ],
  ];
  return list.map(([id, title, summary, doc]) => ({ info: info(id, title, summary, doc()), doc }));
}
