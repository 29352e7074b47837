import type { Capability, ElementKind } from "../backend";

/** The four layers of the Coherence Stack; each has one accent colour (see styles). */
export type LayerKey = "vision" | "narrative" | "system" | "touchpoint";

export const KIND_LABEL: Record<ElementKind, string> = {
  touchpoint: "Touchpoint",
  system: "System",
  rule: "Rule",
  team: "Team",
  person: "Person",
  partner: "Partner",
};

/** A one-glyph icon per kind, legible at projector distance without an icon font. */
export const KIND_ICON: Record<ElementKind, string> = {
  touchpoint: "◉",
  system: "▣",
  rule: "⚖",
  team: "◆",
  person: "●",
  partner: "⬡",
};

export const KIND_LAYER: Record<ElementKind, LayerKey> = {
  touchpoint: "touchpoint",
  system: "system",
  rule: "system",
  team: "narrative",
  person: "narrative",
  partner: "narrative",
};

export const ALL_KINDS: ElementKind[] = ["touchpoint", "system", "rule", "team", "person", "partner"];

export const CAPABILITY_LABEL: Record<Capability, string> = {
  data: "Data",
  measurement: "Measurement",
  governance: "Governance",
};

/** Emotional-arc scale, -2..+2. */
export const EMOTION_LABEL: Record<number, string> = {
  2: "Delighted",
  1: "Positive",
  0: "Neutral",
  [-1]: "Uneasy",
  [-2]: "Frustrated",
};

export function emotionText(value: number): string {
  const sign = value > 0 ? "+" : "";
  return `${sign}${value} ${EMOTION_LABEL[value] ?? ""}`.trim();
}
