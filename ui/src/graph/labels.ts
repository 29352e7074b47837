import type { HandoffMode, RuleCode, Severity, Trigger } from "../backend";
import { RULE_TITLE } from "../model/library";

/** A glyph per severity, so a flag never relies on colour alone. */
export const SEVERITY_ICON: Record<Severity, string> = { error: "✖", warning: "⚠", info: "ℹ" };

export const SEVERITY_LABEL: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

export const SEVERITY_PLURAL: Record<Severity, string> = { error: "errors", warning: "warnings", info: "notes" };

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** Short names for the audit's rule codes, as a facilitator would say them (the audit's titles). */
export const RULE_LABEL: Record<RuleCode, string> = RULE_TITLE;

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
