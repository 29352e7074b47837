import { useState } from "react";
import { CommitText } from "../components/CommitText";

interface Props {
  name: string;
  colour: string;
  /** Why `next` cannot be this rater's name, or null. */
  problemWith: (next: string) => string | null;
  onRename: (name: string) => void;
}

/** A rater's name with their outline colour; click or F2 to rename. */
export function RaterName({ name, colour, problemWith, onRename }: Props) {
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (editing) {
    return (
      <span className="rater-name-edit">
        <CommitText
          data-testid="rater-rename-input"
          aria-label={`Rename ${name}`}
          value={name}
          required
          autoFocus
          maxLength={200}
          onCommit={(next) => {
            const why = problemWith(next);
            setProblem(why);
            if (!why) onRename(next);
          }}
          onDone={() => setEditing(false)}
        />
        {problem && (
          <span className="field-problem" role="alert">
            {problem}
          </span>
        )}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="rater-name"
      data-testid="rater-name"
      title="Rename (F2)"
      onClick={() => setEditing(true)}
      onKeyDown={(e) => e.key === "F2" && setEditing(true)}
    >
      <span className="rater-swatch" style={{ background: colour }} aria-hidden="true" />
      <span className="rater-name-text" title={name}>
        {name}
      </span>
      {problem && <span className="field-problem"> {problem}</span>}
    </button>
  );
}
