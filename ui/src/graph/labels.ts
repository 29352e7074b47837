import type { HandoffMode, RuleCode, Severity, Trigger } from "../backend";

/** A glyph per severity, so a flag never relies on colour alone. */
export const SEVERITY_ICON: Record<Severity, string> = { error: "✖", warning: "⚠", info: "ℹ" };

export const SEVERITY_LABEL: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

export const SEVERITY_PLURAL: Record<Severity, string> = { error: "errors", warning: "warnings", info: "notes" };

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** Short names for the audit's rule codes, as a facilitator would say them. */
export const RULE_LABEL: Record<RuleCode, string> = {
  "conflicting-claim": "Conflicting claim",
  "unowned-handoff": "Nobody owns the handoff",
  "typed-invariant": "Fixed value retyped by hand",
  "lost-context": "Context lost on the way",
  "signal-conflict": "Signal read differently",
  "uncoordinated-signal": "One signal, many channels",
  "single-point-of-failure": "Everything runs through one person",
  "orphan-touchpoint": "Touchpoint serves no stage",
  "unsupported-stage": "Stage no touchpoint serves",
  "consent-unreachable": "Consent change does not reach",
  "no-consent-source": "No source for consent",
  "no-failure-path": "No recovery when delivery fails",
  "escalation-drops-context": "Escalation drops the context",
  "channel-switch-drops-state": "Channel switch loses the journey",
  "metric-drift": "Metric drifting",
  "promise-gap": "Felt differs from promised",
  "unmeasured-stage": "Stage nobody measures",
  "unowned-metric": "Metric nobody owns",
  "shadow-handoff": "Work outside the map",
  "unused-handoff": "Handoff never seen",
  "latency-breach": "Slower than promised",
  "rework-loop": "Same work done again",
  "actual-single-point": "Hero the map does not show",
};

/** The label of any code the report sends, even one this build does not know yet. */
export function ruleLabel(code: string): string {
  return (RULE_LABEL as Record<string, string | undefined>)[code] ?? code;
}

export const MODE_LABEL: Record<HandoffMode, string> = {
  typed: "Retyped by hand",
  generated: "Generated from the source",
  synced: "Kept in sync automatically",
};

export const TRIGGER_LABEL: Record<Trigger, string> = {
  always: "Always",
  failure: "When the normal path fails",
  escalation: "On escalation",
};

/** "2 errors", "1 warning". */
export function countText(n: number, severity: Severity): string {
  const word = SEVERITY_PLURAL[severity];
  return `${n} ${n === 1 ? word.slice(0, -1) : word}`;
}
