import { useState } from "react";
import type { ActivityToElement, UnmappedActivity, Workspace } from "../backend";

interface Props {
  doc: Workspace;
  unmapped: UnmappedActivity[];
  busy: boolean;
  /** Saves the chosen mappings as aliases (one undoable edit). */
  onSave: (mappings: ActivityToElement[]) => void;
}

/**
 * The activities of the log that name no element, with their event counts: left out of
 * the replay until each is mapped to an element, which saves the activity as an alias.
 */
export function UnmappedActivities({ doc, unmapped, busy, onSave }: Props) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  if (unmapped.length === 0) return null;
  const mappings = unmapped.filter((u) => chosen[u.activity]).map((u) => ({ activity: u.activity, element: chosen[u.activity] }));
  const elements = [...doc.elements].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section className="reality-section" aria-labelledby="unmapped-title" data-testid="unmapped">
      <h3 id="unmapped-title">Unmapped activities</h3>
      <p className="muted">
        These activities name no element, so their events were left out. Map each to the element it is; the activity is saved as that
        element’s alias.
      </p>
      <ul className="unmapped-list">
        {unmapped.map((u) => (
          <li key={u.activity} data-testid="unmapped-activity" data-activity={u.activity}>
            <span className="unmapped-name">{u.activity}</span>
            <span className="muted">
              {u.events} {u.events === 1 ? "event" : "events"}
            </span>
            <select
              aria-label={`Element for “${u.activity}”`}
              data-testid="unmapped-element"
              value={chosen[u.activity] ?? ""}
              onChange={(e) => setChosen({ ...chosen, [u.activity]: e.target.value })}
            >
              <option value="">Leave out</option>
              {elements.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="primary"
        data-testid="unmapped-save"
        disabled={mappings.length === 0 || busy}
        onClick={() => {
          onSave(mappings);
          setChosen({});
        }}
      >
        {mappings.length > 1 ? `Save ${mappings.length} mappings and replay` : "Save mapping and replay"}
      </button>
    </section>
  );
}
