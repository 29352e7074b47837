import type { Element, Stage } from "../backend";
import { KIND_LABEL } from "../model/layers";

/** The stages an element serves, as a multi-select of checkboxes in narrative order. */
export function StagesField({ stages, value, onChange }: { stages: Stage[]; value: string[]; onChange: (next: string[]) => void }) {
  const toggle = (id: string, on: boolean) => {
    const set = new Set(value);
    if (on) set.add(id);
    else set.delete(id);
    onChange(stages.map((s) => s.id).filter((s) => set.has(s)));
  };
  return (
    <fieldset className="checks" data-testid="inspector-stages">
      <legend>Stages</legend>
      {stages.length === 0 ? (
        <p className="hint">Add stages to place this card on the journey.</p>
      ) : (
        <div className="check-grid">
          {stages.map((s, i) => (
            <label key={s.id} className="check">
              <input type="checkbox" checked={value.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
              <span>
                <span className="muted">{i + 1}.</span> {s.name}
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** The elements a rule covers. */
export function CoversField({
  element,
  elements,
  onChange,
}: {
  element: Element;
  elements: Element[];
  onChange: (next: string[]) => void;
}) {
  const covers = element.covers ?? [];
  const others = elements.filter((e) => e.id !== element.id && e.kind !== "rule");
  const name = (id: string) => elements.find((e) => e.id === id)?.name ?? id;
  return (
    <fieldset className="list-field" data-testid="inspector-covers">
      <legend>Covers</legend>
      <p className="hint">The cards this rule governs, e.g. every channel one signal can trigger.</p>
      {covers.length > 0 && (
        <ul className="chips">
          {covers.map((id) => (
            <li key={id} className="chip">
              {name(id)}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Stop covering ${name(id)}`}
                onClick={() => onChange(covers.filter((c) => c !== id))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <select aria-label="Cover another card" value="" onChange={(e) => e.target.value && onChange([...covers, e.target.value])}>
        <option value="">Cover another card…</option>
        {others
          .filter((e) => !covers.includes(e.id))
          .map((e) => (
            <option key={e.id} value={e.id}>
              {KIND_LABEL[e.kind]}: {e.name}
            </option>
          ))}
      </select>
    </fieldset>
  );
}
