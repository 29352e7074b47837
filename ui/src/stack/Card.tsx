import { useDraggable } from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";
import type { Element } from "../backend";
import { Clamped } from "../components/Clamped";
import { useMarks } from "../lens/LensContext";
import { MarkBadges, toneClass } from "../lens/MarkBadges";
import { CAPABILITY_LABEL, KIND_ICON, KIND_LABEL } from "../model/layers";

export type Relation = "selected" | "related" | "dimmed" | "none";

interface Props {
  element: Element;
  /** The contiguous stages this segment of the card spans (empty: not on a stage). */
  run: string[];
  column: string;
  relation: Relation;
  onSelect: (id: string) => void;
  /** Tied to no stage: drawn under the whole journey. */
  anyStage?: boolean;
  /** The owning team's display name (`actorName` in model/names.ts), if any. */
  team?: string | null;
  /** Not in the workspace: shown by a lens (a removed card in Compare), faded and not editable. */
  ghost?: boolean;
}

/** One card: kind, name, team; drag it to another stage column. */
export function Card({ element, run, column, relation, onSelect, anyStage, team, ghost = false }: Props) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: `${element.id}@${run[0] ?? "none"}`,
    data: { type: "card", elementId: element.id, run },
    disabled: ghost,
  });
  const marks = useMarks("elements", element.id);
  const detail =
    element.kind === "system" && element.capability
      ? CAPABILITY_LABEL[element.capability]
      : element.kind === "rule" && element.covers?.length
        ? `Covers ${element.covers.length}`
        : null;
  const claims = Object.keys(element.claims ?? {}).length;
  return (
    <button
      ref={setNodeRef}
      type="button"
      {...attributes}
      {...listeners}
      role="button"
      className={`card kind-${element.kind} rel-${relation}${anyStage ? " any-stage" : ""}${isDragging ? " is-dragging" : ""}${ghost ? " is-ghost" : ""}${toneClass(marks)}`}
      style={{ gridColumn: column, transform: CSS.Translate.toString(transform) }}
      data-testid="card"
      data-card-id={element.id}
      aria-pressed={relation === "selected"}
      aria-label={`${KIND_LABEL[element.kind]}: ${element.name}`}
      aria-disabled={ghost || undefined}
      onClick={() => {
        if (!ghost) onSelect(element.id);
      }}
    >
      <span className="card-kind">
        <span aria-hidden="true" className="card-icon">
          {KIND_ICON[element.kind]}
        </span>
        {KIND_LABEL[element.kind]}
        {detail && <span className="card-detail"> · {detail}</span>}
        {anyStage && <span className="card-detail"> · not tied to a stage</span>}
      </span>
      <Clamped className="card-name" lines={3} text={element.name} />
      <MarkBadges marks={marks} />
      {(team || claims > 0) && (
        <span className="card-foot">
          {team && <Clamped className="card-team" lines={1} text={team} hint="Team" />}
          {claims > 0 && (
            <span className="badge" title="Claims this card makes">
              {claims} claim{claims === 1 ? "" : "s"}
            </span>
          )}
        </span>
      )}
    </button>
  );
}
