import type { KeyboardEvent } from "react";
import type { Principle } from "../backend";
import { CommitText } from "../components/CommitText";

interface Props {
  principle: Principle;
  index: number;
  count: number;
  disabled?: boolean;
  onText: (text: string) => void;
  onToggle: () => void;
  onMove: (to: number) => void;
  onDelete: () => void;
}

/** One principle: its number, text, the non-negotiable switch, reorder and delete. */
export function PrincipleRow({ principle, index, count, disabled, onText, onToggle, onMove, onDelete }: Props) {
  const firm = principle.non_negotiable;
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "ArrowUp" && index > 0) {
      e.preventDefault();
      onMove(index - 1);
    } else if (e.key === "ArrowDown" && index < count - 1) {
      e.preventDefault();
      onMove(index + 1);
    }
  };
  return (
    <li
      className={`pb-principle${firm ? " is-firm" : ""}`}
      data-testid="principle"
      data-principle-id={principle.id}
      data-non-negotiable={firm ? "true" : "false"}
      onKeyDown={onKeyDown}
    >
      <span className="pb-principle-number" aria-hidden="true">
        {index + 1}
      </span>
      <div className="pb-principle-body">
        <CommitText
          className="pb-principle-text"
          data-testid="principle-text"
          value={principle.text}
          required
          multiline
          autoGrow
          rows={1}
          maxLength={500}
          disabled={disabled}
          aria-label={`Principle ${index + 1}${firm ? " (non-negotiable)" : ""}`}
          onCommit={onText}
        />
        <div className="pb-principle-tools">
          <button
            type="button"
            className={`pb-firm-toggle${firm ? " on" : ""}`}
            data-testid="principle-non-negotiable"
            aria-pressed={firm}
            disabled={disabled}
            onClick={onToggle}
            title={firm ? "Non-negotiable: no team may trade this away. Click to make it a guideline." : "Mark as non-negotiable"}
          >
            <span className="pb-firm-icon" aria-hidden="true">
              {firm ? "◆" : "◇"}
            </span>
            Non-negotiable
          </button>
          <span className="grow" />
          <button
            type="button"
            className="icon small"
            data-testid="principle-up"
            disabled={disabled || index === 0}
            onClick={() => onMove(index - 1)}
            aria-label={`Move principle ${index + 1} up`}
            title="Move up (Alt+↑)"
          >
            ↑
          </button>
          <button
            type="button"
            className="icon small"
            data-testid="principle-down"
            disabled={disabled || index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label={`Move principle ${index + 1} down`}
            title="Move down (Alt+↓)"
          >
            ↓
          </button>
          <button
            type="button"
            className="icon small danger-text"
            data-testid="principle-delete"
            disabled={disabled}
            onClick={onDelete}
            aria-label={`Delete principle ${index + 1}`}
            title="Delete (Ctrl+Z brings it back)"
          >
            ✕
          </button>
        </div>
      </div>
    </li>
  );
}
