import type { ElementKind } from "../backend";
import { EMOTION_LABEL } from "./library";

// Kinds, capabilities and emotions, their order and words, come from the library.
export { CAPABILITIES, CAPABILITY_LABEL, ELEMENT_KINDS as ALL_KINDS, EMOTION_LABEL, KIND_LABEL } from "./library";

/** The four layers of the Coherence Stack; each has one accent colour (see styles). */
export type LayerKey = "vision" | "narrative" | "system" | "touchpoint";

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

export function emotionText(value: number): string {
  const sign = value > 0 ? "+" : "";
  return `${sign}${value} ${EMOTION_LABEL[value] ?? ""}`.trim();
}
