import type { Element, Handoff, Stage, Workspace } from "../backend";

const stage = (id: string, name: string, emotion: number, moment: string): Stage => ({ id, name, emotion, moment });

const el = (e: Partial<Element> & Pick<Element, "id" | "kind" | "name">): Element => e;

const handoff = (id: string, from: string, to: string, carries: string[], more: Partial<Handoff> = {}): Handoff => ({
  id, from, to, carries, invariant: [], may_vary: [], owner: null, source_of_truth: null,
  mode: "typed", gate: null, latency_hours: null, trigger: "always", ...more,
});

/** A SaaS company's first thirty days with a new customer, with the usual collisions. */
export function nexusFlow(): Workspace {
  return {
    workspace: {
      name: "NexusFlow: first 30 days",
      vision: "Every new customer reaches a first real result in week one, without having to ask for help.",
      journey_state: ["journey.stage", "case.id"],
    },
    stages: [
      stage("discover", "Discover", 1, "Reads that setup takes minutes"),
      stage("evaluate", "Evaluate", 2, "Sees advanced automations in the demo"),
      stage("sign-up", "Sign up", 1, "Creates an account in two clicks"),
      stage("set-up", "Set up", -2, "Asked for API keys and a data schema"),
      stage("get-help", "Get help", -1, "Explains the problem to a third person"),
      stage("first-value", "First value", 1, "First automated report lands"),
    ],
    elements: [
      el({ id: "website", kind: "touchpoint", name: "Product website", channel: "web", team: "Marketing",
        stages: ["discover", "evaluate"], claims: { "setup.effort": "No setup needed" }, tags: ["acquisition"] }),
      el({ id: "demo", kind: "touchpoint", name: "Sales demo", channel: "meeting", team: "Sales",
        stages: ["evaluate"], claims: { "feature.scope": "Advanced automations included" } }),
      el({ id: "signup", kind: "touchpoint", name: "Sign-up form", channel: "web", team: "Growth", stages: ["sign-up"] }),
      el({ id: "welcome", kind: "touchpoint", name: "Welcome email", channel: "email", team: "Lifecycle",
        stages: ["sign-up"], needs: ["account.plan"] }),
      el({ id: "wizard", kind: "touchpoint", name: "Onboarding wizard", channel: "app", team: "Product",
        description: "Four-step setup shown on first login.", stages: ["set-up"],
        claims: { "setup.effort": "Connect a data source and configure API keys" }, needs: ["account.plan", "journey.stage"] }),
      el({ id: "nurture", kind: "touchpoint", name: "Nurture sequence", channel: "email", team: "Lifecycle",
        stages: ["set-up", "get-help"], interprets: { "intent.rising": "research" } }),
      el({ id: "chatbot", kind: "touchpoint", name: "Help chatbot", channel: "chat", team: "Support",
        stages: ["get-help"], interprets: { "intent.rising": "urgency" } }),
      el({ id: "agent", kind: "touchpoint", name: "Support agent", channel: "chat", team: "Support",
        stages: ["get-help"], needs: ["conversation.history", "account.plan"] }),
      el({ id: "sdr", kind: "touchpoint", name: "SDR outreach", channel: "phone", team: "Sales",
        stages: ["evaluate", "first-value"], interprets: { "intent.rising": "ready to buy" } }),
      el({ id: "check-in", kind: "touchpoint", name: "Success check-in", channel: "app", team: "Customer success",
        stages: ["first-value"] }),
      el({ id: "cdp", kind: "system", name: "Unified customer profile", capability: "data", team: "Data platform",
        stages: ["discover", "evaluate", "sign-up", "set-up", "get-help", "first-value"] }),
      el({ id: "analytics", kind: "system", name: "Journey analytics", capability: "measurement", team: "Data platform",
        stages: ["sign-up", "set-up", "get-help", "first-value"] }),
      el({ id: "council", kind: "system", name: "Experience council", capability: "governance", team: "Leadership",
        stages: ["set-up", "get-help"] }),
      el({ id: "suppression", kind: "rule", name: "One voice per week", description: "At most one outbound contact per customer per week.",
        stages: ["get-help", "first-value"], covers: ["sdr", "nurture", "check-in"] }),
      el({ id: "bot-to-agent", kind: "rule", name: "Bot hands over with history", stages: ["get-help"], covers: ["chatbot", "agent"] }),
      el({ id: "impl-partner", kind: "partner", name: "Implementation partner", stages: ["set-up"] }),
    ],
    handoffs: [
      handoff("website-wizard", "website", "wizard", ["setup.effort"], { invariant: ["setup.effort"], owner: "Product marketing" }),
      handoff("demo-wizard", "demo", "wizard", ["feature.scope"]),
      handoff("chatbot-agent", "chatbot", "agent", ["conversation.history"], { trigger: "escalation" }),
      handoff("cdp-sdr", "cdp", "sdr", ["intent.rising"], { mode: "synced" }),
      handoff("cdp-nurture", "cdp", "nurture", ["intent.rising"], { mode: "synced" }),
      handoff("cdp-chatbot", "cdp", "chatbot", ["intent.rising", "account.plan"], { mode: "synced" }),
      handoff("signup-welcome", "signup", "welcome", ["account.plan"], { mode: "generated" }),
    ],
    principles: [],
    readiness: [],
    layer_scores: [],
    waivers: [],
  };
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
