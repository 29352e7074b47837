import type { Stage, Workspace } from "../backend";
import nexusflow from "./workspaces/nexusflow.json";

const stage = (id: string, name: string, emotion: number, moment: string): Stage => ({ id, name, emotion, moment });

/**
 * A SaaS company's first thirty days with a new customer, with the usual collisions. The
 * document lives in `workspaces/nexusflow.json`, which the Rust case writer
 * (crates/ui-cases) also reads as the starting point of its edit cases.
 */
export function nexusFlow(): Workspace {
  return structuredClone(nexusflow as unknown as Workspace);
}

/** A second, small workspace for the switcher. */
export function loyaltyApp(): Workspace {
  return {
    workspace: { name: "Retail loyalty app", vision: "" },
    stages: [stage("join", "Join", 1, ""), stage("earn", "Earn", 0, "")],
    elements: [],
    handoffs: [],
    principles: [],
    readiness: [],
    layer_scores: [],
    waivers: [],
  };
}
