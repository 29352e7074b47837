import { useState } from "react";
import type { ReadinessSession } from "../backend";
import { raterNameProblem } from "./dimensions";

interface Props {
  session: ReadinessSession;
  onAdd: (name: string) => void;
}

/** A name field under the grid: type a name, Enter, type the next one. */
export function AddRater({ session, onAdd }: Props) {
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const why = raterNameProblem(session, trimmed);
    if (why) {
      setProblem(why);
      return;
    }
    onAdd(trimmed);
    setName("");
    setProblem(null);
  };
  return (
    <form
      className="add-rater"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        data-testid="rater-name-input"
        aria-label="New rater's name"
        placeholder={session.raters.length === 0 ? "Who is scoring? Type a name, then Enter" : "Add another rater…"}
        value={name}
        maxLength={200}
        onChange={(e) => {
          setName(e.target.value);
          setProblem(null);
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? "add-rater-problem" : undefined}
      />
      <button type="submit" data-testid="rater-add" disabled={!name.trim()}>
        <span aria-hidden="true">+</span> Add rater
      </button>
      {problem && (
        <span id="add-rater-problem" className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
