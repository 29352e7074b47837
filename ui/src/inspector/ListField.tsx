import { useState } from "react";

interface Props {
  label: string;
  hint: string;
  items: string[];
  placeholder: string;
  onChange: (next: string[]) => void;
  testId: string;
}

/** A list of short keys (needs, tags) as removable chips with an add field. */
export function ListField({ label, hint, items, placeholder, onChange, testId }: Props) {
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const v = draft.trim();
    if (!v) return;
    if (items.includes(v)) return setProblem(`“${v}” is already listed.`);
    setProblem(null);
    onChange([...items, v]);
    setDraft("");
  };
  return (
    <fieldset className="list-field" data-testid={testId}>
      <legend>{label}</legend>
      <p className="hint">{hint}</p>
      {items.length > 0 && (
        <ul className="chips">
          {items.map((item) => (
            <li key={item} className="chip">
              {item}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${item}`}
                onClick={() => onChange(items.filter((x) => x !== item))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <input
          aria-label={`Add to ${label.toLowerCase()}`}
          placeholder={placeholder}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), add())}
        />
        <button type="button" onClick={add}>
          Add
        </button>
      </div>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
