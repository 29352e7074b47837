import type { ElementKind } from "../backend";
import type { ElementNodeData } from "./mapping";

/** The layer colours of the stack editor (see `styles/app.css`), for the minimap's SVG. */
const KIND_COLOR: Record<ElementKind, string> = {
  touchpoint: "#be185d",
  system: "#b45309",
  rule: "#b45309",
  team: "#0f766e",
  person: "#0f766e",
  partner: "#0f766e",
};

/** A flagged node shows its severity on the minimap; others their kind. */
export function MINIMAP_COLOR(d: ElementNodeData | undefined): string {
  if (!d) return "#9ca3af";
  if (d.severity === "error") return "#b91c1c";
  if (d.severity === "warning") return "#d97706";
  return KIND_COLOR[d.kind];
}
