import { memo, useId } from "react";
import type { Capability, Edit, Element, ElementKind, Workspace } from "../backend";
import { Clamped } from "../components/Clamped";
import { CommitText } from "../components/CommitText";
import { FieldProblem } from "../components/FieldProblem";
import { useFieldProblems } from "../store/problems";
import { ALL_KINDS, CAPABILITY_LABEL, KIND_ICON, KIND_LABEL } from "../model/layers";
import { ActorField } from "./ActorField";
import { HandoffsField } from "./HandoffsField";
import { KeyValueRows } from "./KeyValueRows";
import { ListField } from "./ListField";
import { normalize } from "./normalize";
import { Editable } from "../store/readOnly";
import { ItemHistory } from "../versions/ItemHistory";
import { StagesField, CoversField } from "./RefFields";

export interface InspectorProps {
  element: Element;
  /** The workspace the element belongs to (stages, other elements, teams). */
  doc: Workspace;
  /** Every change is one edit; the caller sends it. */
  onChange: (edit: Edit) => void;
  onClose: () => void;
  /** The element was just added: start with its name selected, ready to type over. */
  focusName?: boolean;
}

/**
 * Edits every field of an element. Standalone: the stack and the handoff graph share it.
 * Drawn again only when its element, document or callbacks change (not when an audit answers).
 */
export const Inspector = memo(function Inspector({ element, doc, onChange, onClose, focusName }: InspectorProps) {
  const ids = useId();
  const index = doc.elements.findIndex((e) => e.id === element.id);
  const problems = useFieldProblems(index >= 0 ? `elements[${index}]` : null);
  const put = (patch: Partial<Element>) => {
    onChange({ type: "put_element", element: normalize({ ...element, ...patch }) });
  };
  const channels = [...new Set(doc.elements.map((e) => e.channel).filter((c): c is string => !!c))];

  return (
    <aside
      className={`inspector kind-${element.kind}`}
      data-testid="inspector"
      aria-label={`Inspector: ${element.name}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="inspector-head">
        <span className="card-kind">
          <span aria-hidden="true" className="card-icon">
            {KIND_ICON[element.kind]}
          </span>
          {KIND_LABEL[element.kind]}
        </span>
        <Clamped as="h2" className="inspector-title" text={element.name} data-testid="inspector-title" />
        <button type="button" className="icon" onClick={onClose} aria-label="Close the inspector" title="Close (Escape)">
          ✕
        </button>
      </header>
      <Editable>
        <div className="inspector-body">
          <label className="field">
            <span>Name</span>
            <CommitText
              data-testid="inspector-name"
              className="inspector-name"
              value={element.name}
              required
              autoFocus={focusName}
              onFocus={focusName ? (e) => e.currentTarget.select() : undefined}
              onCommit={(name) => put({ name })}
            />
            <FieldProblem field="name" text={problems.name} />
          </label>
          <div className="field-row">
            <label className="field">
              <span>Kind</span>
              <select data-testid="inspector-kind" value={element.kind} onChange={(e) => put({ kind: e.target.value as ElementKind })}>
                {ALL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </select>
              <FieldProblem field="kind" text={problems.kind} />
            </label>
            {element.kind === "system" && (
              <label className="field">
                <span>Capability</span>
                <select
                  data-testid="inspector-capability"
                  value={element.capability ?? ""}
                  onChange={(e) => put({ capability: (e.target.value || undefined) as Capability | undefined })}
                >
                  <option value="">Not set</option>
                  {(Object.keys(CAPABILITY_LABEL) as Capability[]).map((c) => (
                    <option key={c} value={c}>
                      {CAPABILITY_LABEL[c]}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <label className="field">
            <span>Description</span>
            <CommitText
              multiline
              data-testid="inspector-description"
              value={element.description ?? ""}
              placeholder="What it is and what it is for"
              onCommit={(description) => put({ description })}
            />
            <FieldProblem field="description" text={problems.description} />
          </label>
          <div className="field-row">
            {(element.kind === "touchpoint" || element.channel) && (
              <label className="field">
                <span>Channel</span>
                <CommitText
                  data-testid="inspector-channel"
                  list={`${ids}-channels`}
                  value={element.channel ?? ""}
                  placeholder="web, app, email, chat…"
                  onCommit={(channel) => put({ channel: channel || undefined })}
                />
                <datalist id={`${ids}-channels`}>
                  {channels.map((c) => (
                    <option key={c} value={c} />
                  ))}
                </datalist>
                <FieldProblem field="channel" text={problems.channel} />
              </label>
            )}
            <div className="field">
              <ActorField
                label="Team"
                testId="inspector-team"
                value={element.team}
                doc={doc}
                placeholder="Who owns it"
                onCommit={(team, created) => {
                  const edit: Edit = { type: "put_element", element: normalize({ ...element, team }) };
                  onChange(created ? { type: "batch", edits: [{ type: "put_element", element: created }, edit] } : edit);
                }}
              />
              <FieldProblem field="team" text={problems.team} />
            </div>
          </div>
          <StagesField stages={doc.stages} value={element.stages ?? []} onChange={(stages) => put({ stages })} />
          <FieldProblem field="stages" text={problems.stages} />
          {(element.kind === "rule" || (element.covers?.length ?? 0) > 0) && (
            <CoversField element={element} elements={doc.elements} onChange={(covers) => put({ covers })} />
          )}
          <FieldProblem field="covers" text={problems.covers} />
          <HandoffsField element={element} doc={doc} onChange={onChange} />
          <KeyValueRows
            testId="claims"
            label="Claims"
            hint="What it states to the customer or to other teams."
            entries={element.claims ?? {}}
            keyLabel="Key"
            valueLabel="Value"
            keyPlaceholder="setup.effort"
            valuePlaceholder="No setup needed"
            onChange={(claims) => put({ claims })}
          />
          <FieldProblem field="claims" text={problems.claims} />
          <ListField
            testId="needs"
            label="Needs"
            hint="Context it needs to do its job."
            items={element.needs ?? []}
            placeholder="conversation.history"
            onChange={(needs) => put({ needs })}
          />
          <FieldProblem field="needs" text={problems.needs} />
          <KeyValueRows
            testId="interprets"
            label="Interprets"
            hint="How it reads each signal it receives."
            valueRequired
            entries={element.interprets ?? {}}
            keyLabel="Signal"
            valueLabel="Intent"
            keyPlaceholder="intent.rising"
            valuePlaceholder="ready to buy"
            onChange={(interprets) => put({ interprets })}
          />
          <FieldProblem field="interprets" text={problems.interprets} />
          <ListField
            testId="tags"
            label="Tags"
            hint="Free labels for filtering."
            items={element.tags ?? []}
            placeholder="pilot"
            onChange={(tags) => put({ tags })}
          />
          <FieldProblem field="tags" text={problems.tags} />
          <details className="inspector-details" data-testid="inspector-details">
            <summary>Details</summary>
            <dl>
              <div>
                <dt>Id</dt>
                <dd className="mono" title="The card's id, used in files, handoffs and the CLI">
                  {element.id}
                </dd>
              </div>
            </dl>
          </details>
          <ItemHistory kind="element" id={element.id} />
        </div>
        <footer className="inspector-foot">
          <button
            type="button"
            className="danger"
            data-testid="inspector-delete"
            onClick={() => onChange({ type: "delete_element", id: element.id })}
          >
            Delete card
          </button>
          <span className="muted small">Delete key · undo with Ctrl+Z</span>
        </footer>
      </Editable>
    </aside>
  );
});
