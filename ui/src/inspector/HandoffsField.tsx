import { useId, useState } from "react";
import type { Edit, Element, Workspace } from "../backend";
import { newHandoff } from "../graph/edits";
import { KIND_LABEL } from "../model/layers";

interface Props {
  element: Element;
  doc: Workspace;
  onChange: (edit: Edit) => void;
}

/**
 * The element's handoffs, both ways, and "Add a handoff to…": a picker of the other elements,
 * so a handoff can be made from the keyboard, without dragging on the graph.
 */
export function HandoffsField({ element, doc, onChange }: Props) {
  const id = useId();
  const [to, setTo] = useState("");
  const byId = new Map(doc.elements.map((e) => [e.id, e]));
  const name = (x: string) => byId.get(x)?.name ?? x;
  const out = doc.handoffs.filter((h) => h.from === element.id);
  const into = doc.handoffs.filter((h) => h.to === element.id);
  const others = doc.elements.filter((e) => e.id !== element.id).sort((a, b) => a.name.localeCompare(b.name));
  const add = () => {
    if (!byId.has(to)) return;
    onChange({ type: "put_handoff", handoff: newHandoff(doc, element.id, to) });
    setTo("");
  };
  return (
    <fieldset data-testid="handoffs">
      <legend>Handoffs</legend>
      {out.length + into.length === 0 ? (
        <p className="hint">No handoffs yet: who or what does it pass work to?</p>
      ) : (
        <ul className="handoff-list">
          {out.map((h) => (
            <li key={h.id} className="clamp" style={{ ["--lines" as string]: 2 }} title={`To ${name(h.to)}`}>
              → {name(h.to)}
            </li>
          ))}
          {into.map((h) => (
            <li key={h.id} className="clamp muted" style={{ ["--lines" as string]: 2 }} title={`From ${name(h.from)}`}>
              ← {name(h.from)}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <div className="row">
          <label className="sr-only" htmlFor={`${id}-to`}>
            Add a handoff to
          </label>
          <select
            id={`${id}-to`}
            data-testid="add-handoff-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && to) {
                e.preventDefault();
                add();
              }
            }}
          >
            <option value="">Add a handoff to…</option>
            {others.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} ({KIND_LABEL[e.kind]})
              </option>
            ))}
          </select>
          <button type="button" data-testid="add-handoff" disabled={!to} onClick={add}>
            Add
          </button>
        </div>
      )}
    </fieldset>
  );
}
