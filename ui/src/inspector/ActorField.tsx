import { useId, useRef, useState } from "react";
import type { Element, Workspace } from "../backend";
import { CommitText } from "../components/CommitText";
import { useDismiss } from "../components/useDismiss";
import { KIND_LABEL } from "../model/layers";
import { ACTOR_KINDS, actorName, actorsOf, newActor } from "../model/names";

interface Props {
  label: string;
  /** The stored value: an actor element's name (or id, in older files), free text, or nothing. */
  value: string | null | undefined;
  doc: Workspace;
  testId: string;
  placeholder?: string;
  /**
   * A finished edit: the value to store (the actor's exact name when the text names one) and,
   * when the user chose to add it, the new team element to add in the same step.
   */
  onCommit: (value: string | undefined, created: Element | null) => void;
}

/**
 * A team, owner or gate field that picks from the workspace's teams, people and partners, so a
 * typo does not make a phantom team. It stores the element's name as written on the element
 * (the PDF and the CLI print the value as it is, so an id would show there); a value that is
 * an element's id, as older files have, shows as its name. A name that is no element yet offers
 * to add it as a team, or to keep it as plain text.
 */
export function ActorField({ label, value, doc, testId, placeholder, onCommit }: Props) {
  const ids = useId();
  const [offer, setOffer] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // Remounting the text field puts the stored value back in it.
  const [round, setRound] = useState(0);
  // The offer closes like every popover: Escape or a press elsewhere drops the typed name.
  useDismiss(offer !== null, box, () => {
    setOffer(null);
    setRound((r) => r + 1);
  });
  const actors = doc.elements.filter((e) => ACTOR_KINDS.includes(e.kind));
  const shown = actorName(actorsOf(doc), value) ?? "";
  const commit = (text: string) => {
    const t = text.trim();
    setOffer(null);
    if (!t) return onCommit(undefined, null);
    const key = t.toLowerCase();
    const match = actors.find((a) => a.id === t || a.name.trim().toLowerCase() === key);
    if (match) return onCommit(match.name, null);
    setOffer(t);
  };
  const create = (name: string) => {
    const element = newActor(doc, name, "team");
    setOffer(null);
    onCommit(element.name, element);
  };
  return (
    <div className="field actor-field" ref={box}>
      <label className="field">
        <span>{label}</span>
        <CommitText
          key={round}
          data-testid={testId}
          list={`${ids}-actors`}
          value={shown}
          placeholder={placeholder}
          title={shown || undefined}
          onCommit={commit}
        />
      </label>
      <datalist id={`${ids}-actors`}>
        {actors.map((a) => (
          <option key={a.id} value={a.name}>
            {KIND_LABEL[a.kind]}
          </option>
        ))}
      </datalist>
      {offer && (
        <div className="actor-offer" role="group" aria-label={`${label}: “${offer}” is new`} data-testid={`${testId}-offer`}>
          <span className="clamp small" title={offer}>
            No team, person or partner is called “{offer}”.
          </span>
          <div className="row">
            <button type="button" className="primary" data-testid={`${testId}-create`} onClick={() => create(offer)}>
              Add team “{offer.length > 24 ? `${offer.slice(0, 24)}…` : offer}”
            </button>
            <button
              type="button"
              data-testid={`${testId}-keep`}
              onClick={() => {
                setOffer(null);
                onCommit(offer, null);
              }}
            >
              Keep as text
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
