import { useState } from "react";
import { CommitText } from "../components/CommitText";

interface Props {
  label: string;
  hint: string;
  entries: { [key in string]: string };
  keyLabel: string;
  valueLabel: string;
  keyPlaceholder: string;
  valuePlaceholder: string;
  /** Values must not be empty (e.g. an intent). */
  valueRequired?: boolean;
  onChange: (next: { [key in string]: string }) => void;
  testId: string;
}

/** Editable key → value rows (claims, interpretations), each change one edit. */
export function KeyValueRows(p: Props) {
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const list = Object.entries(p.entries);

  const renameKey = (from: string, to: string) => {
    if (to === from) return;
    if (!to) return setProblem(`A ${p.keyLabel.toLowerCase()} cannot be empty.`);
    if (to in p.entries) return setProblem(`“${to}” is already listed.`);
    setProblem(null);
    p.onChange(Object.fromEntries(list.map(([k, v]) => (k === from ? [to, v] : [k, v]))));
  };
  const add = () => {
    const k = key.trim();
    const v = value.trim();
    if (!k) return setProblem(`Give the ${p.keyLabel.toLowerCase()} first.`);
    if (k in p.entries) return setProblem(`“${k}” is already listed.`);
    if (p.valueRequired && !v) return setProblem(`Give the ${p.valueLabel.toLowerCase()} too.`);
    setProblem(null);
    p.onChange({ ...p.entries, [k]: v });
    setKey("");
    setValue("");
  };

  return (
    <fieldset className="kv" data-testid={p.testId}>
      <legend>{p.label}</legend>
      <p className="hint">{p.hint}</p>
      {list.length > 0 && (
        <div className="kv-grid" role="table" aria-label={p.label}>
          <div className="kv-head" role="row">
            <span role="columnheader">{p.keyLabel}</span>
            <span role="columnheader">{p.valueLabel}</span>
            <span />
          </div>
          {list.map(([k, v]) => (
            <div className="kv-row" role="row" key={k} data-testid={`${p.testId}-row`}>
              <CommitText aria-label={`${p.keyLabel} ${k}`} value={k} required onCommit={(to) => renameKey(k, to)} />
              <CommitText
                aria-label={`${p.valueLabel} for ${k}`}
                value={v}
                required={p.valueRequired}
                onCommit={(to) => p.onChange({ ...p.entries, [k]: to })}
              />
              <button
                type="button"
                className="icon danger-text"
                aria-label={`Remove ${k}`}
                onClick={() => p.onChange(Object.fromEntries(list.filter(([x]) => x !== k)))}
              >
                ✕
              </button>
            </div>
          ))}
        </div>
      )}
      <div className="kv-row kv-add">
        <input
          aria-label={`New ${p.keyLabel.toLowerCase()}`}
          placeholder={p.keyPlaceholder}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), add())}
        />
        <input
          aria-label={`New ${p.valueLabel.toLowerCase()}`}
          placeholder={p.valuePlaceholder}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), add())}
        />
        <button type="button" onClick={add} aria-label={`Add ${p.keyLabel.toLowerCase()}`}>
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
