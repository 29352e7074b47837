import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useState } from "react";
import type { Stage } from "../backend";
import { Clamped } from "../components/Clamped";
import { CommitText } from "../components/CommitText";
import { FieldProblem } from "../components/FieldProblem";
import { useMarks } from "../lens/LensContext";
import { MarkBadges, toneClass } from "../lens/MarkBadges";
import { emotionText } from "../model/layers";
import { useWorkspaceStore } from "../store/context";
import { Editable, useReadOnly } from "../store/readOnly";
import { useFieldProblems } from "../store/problems";
import { shiftStage } from "./actions";

interface Props {
  stage: Stage;
  index: number;
  count: number;
  selected: boolean;
  highlighted: boolean;
}

/** A stage's column head: select, rename, reorder (drag, buttons, Alt+Arrow), delete. */
export function StageHeader({ stage, index, count, selected, highlighted }: Props) {
  const store = useWorkspaceStore();
  const readOnly = useReadOnly();
  const [editing, setEditing] = useState(false);
  const problems = useFieldProblems(`stages[${index}]`);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: stage.id,
    data: { type: "stage" },
    disabled: editing || readOnly,
  });
  const marks = useMarks("stages", stage.id);
  const style = { transform: CSS.Translate.toString(transform), transition };

  const rename = (name: string) => {
    void store.edit({ type: "put_stage", stage: { ...stage, name }, index: null });
  };

  return (
    <div
      ref={setNodeRef}
      style={style}
      {...attributes}
      {...listeners}
      role="group"
      tabIndex={0}
      aria-roledescription="stage"
      aria-label={`Stage ${index + 1} of ${count}: ${stage.name}. Alt+Left or Alt+Right to move.`}
      className={`stage-head${selected ? " is-selected" : ""}${highlighted ? " is-related" : ""}${isDragging ? " is-dragging" : ""}${toneClass(marks)}`}
      data-testid="stage-column"
      data-stage-id={stage.id}
      onClick={() => store.selectStage(selected ? null : stage.id)}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget || readOnly) return;
        if (e.altKey && (e.key === "ArrowLeft" || e.key === "ArrowRight")) {
          e.preventDefault();
          void shiftStage(store, stage.id, e.key === "ArrowLeft" ? -1 : 1);
        } else if (e.key === "F2" || e.key === "Enter") {
          e.preventDefault();
          setEditing(true);
        } else if (e.key === "Delete") {
          e.preventDefault();
          void store.edit({ type: "delete_stage", id: stage.id });
        }
      }}
    >
      <div className="stage-step">Stage {index + 1}</div>
      {editing ? (
        <CommitText
          className="stage-name-input"
          data-testid="stage-name-input"
          aria-label="Stage name"
          autoFocus
          required
          value={stage.name}
          onCommit={rename}
          onDone={() => setEditing(false)}
          onClick={(e) => e.stopPropagation()}
          onPointerDown={(e) => e.stopPropagation()}
        />
      ) : (
        <Clamped
          as="h3"
          className="stage-name"
          text={stage.name}
          hint={readOnly ? undefined : "Double-click to rename"}
          onDoubleClick={() => !readOnly && setEditing(true)}
        />
      )}
      <FieldProblem field="name" text={problems.name} />
      <div className="stage-meta">{emotionText(stage.emotion)}</div>
      <MarkBadges marks={marks} />
      <Editable>
        <div className="stage-actions" onClick={(e) => e.stopPropagation()}>
          <button
            type="button"
            className="icon"
            aria-label={`Move ${stage.name} left`}
            title="Move left (Alt+←)"
            disabled={index === 0}
            onClick={() => void shiftStage(store, stage.id, -1)}
          >
            ◀
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Move ${stage.name} right`}
            title="Move right (Alt+→)"
            disabled={index === count - 1}
            onClick={() => void shiftStage(store, stage.id, 1)}
          >
            ▶
          </button>
          <button type="button" className="icon" aria-label={`Rename ${stage.name}`} title="Rename (F2)" onClick={() => setEditing(true)}>
            ✎
          </button>
          <button
            type="button"
            className="icon danger-text"
            aria-label={`Delete ${stage.name}`}
            title="Delete stage (undo with Ctrl+Z)"
            onClick={() => void store.edit({ type: "delete_stage", id: stage.id })}
          >
            ✕
          </button>
        </div>
      </Editable>
    </div>
  );
}

/** A stage the Compare lens draws where it stood before it was removed: faded, marked, never edited. */
export function GhostStageHeader({ stage }: { stage: Stage }) {
  const marks = useMarks("stages", stage.id);
  return (
    <div
      role="group"
      aria-roledescription="stage"
      aria-label={`Removed stage: ${stage.name}`}
      className={`stage-head is-ghost${toneClass(marks)}`}
      data-testid="stage-column"
      data-stage-id={stage.id}
      data-ghost="true"
    >
      <div className="stage-step">Removed</div>
      <Clamped as="h3" className="stage-name" text={stage.name} />
      <div className="stage-meta">{emotionText(stage.emotion)}</div>
      <MarkBadges marks={marks} />
    </div>
  );
}
