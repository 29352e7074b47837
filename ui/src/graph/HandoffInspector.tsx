import { useState } from "react";
import type { Edit, Element, Finding, Handoff, HandoffMode, Trigger, Workspace } from "../backend";
import { Clamped } from "../components/Clamped";
import { ActorField } from "../inspector/ActorField";
import { CommitText } from "../components/CommitText";
import { ListField } from "../inspector/ListField";
import { KIND_ICON, KIND_LABEL } from "../model/layers";
import { Editable } from "../store/readOnly";
import { ItemHistory } from "../versions/ItemHistory";
import { MODE_LABEL, ruleLabel, SEVERITY_ICON, TRIGGER_LABEL } from "./labels";

interface Props {
  handoff: Handoff;
  doc: Workspace;
  /** Open and waived findings naming this handoff. */
  findings: Finding[];
  onChange: (edit: Edit) => void;
  onClose: () => void;
}

/** Keeps the contract consistent: invariant and may-vary keys are carried keys, never both. */
export function normalizeHandoff(h: Handoff): Handoff {
  const carries = [...new Set(h.carries.map((k) => k.trim()).filter(Boolean))];
  const invariant = h.invariant.filter((k) => carries.includes(k));
  const may_vary = h.may_vary.filter((k) => carries.includes(k) && !invariant.includes(k));
  const blank = (s: string | null) => (s && s.trim() ? s.trim() : null);
  return { ...h, carries, invariant, may_vary, owner: blank(h.owner), gate: blank(h.gate) };
}

function KeyChecks({
  label,
  hint,
  testId,
  keys,
  checked,
  onToggle,
}: {
  label: string;
  hint: string;
  testId: string;
  keys: string[];
  checked: string[];
  onToggle: (key: string, on: boolean) => void;
}) {
  return (
    <fieldset className="checks" data-testid={testId}>
      <legend>{label}</legend>
      <p className="hint">{hint}</p>
      {keys.length === 0 ? (
        <p className="hint">Add a carried key first.</p>
      ) : (
        <div className="check-grid">
          {keys.map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={checked.includes(k)} onChange={(e) => onToggle(k, e.target.checked)} />
              <span className="mono">{k}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** Edits every field of a handoff's contract; each change is one `put_handoff`. */
export function HandoffInspector({ handoff: h, doc, findings, onChange, onClose }: Props) {
  const [latencyProblem, setLatencyProblem] = useState<string | null>(null);
  const put = (patch: Partial<Handoff>) => onChange({ type: "put_handoff", handoff: normalizeHandoff({ ...h, ...patch }) });
  const byId = new Map(doc.elements.map((e) => [e.id, e]));
  /** A change to the handoff, after adding the team element the user just created, as one step. */
  const putWith = (patch: Partial<Handoff>, created: Element | null) => {
    const edit: Edit = { type: "put_handoff", handoff: normalizeHandoff({ ...h, ...patch }) };
    onChange(created ? { type: "batch", edits: [{ type: "put_element", element: created }, edit] } : edit);
  };
  const toggle = (field: "invariant" | "may_vary", key: string, on: boolean) => {
    const other = field === "invariant" ? "may_vary" : "invariant";
    const list = on ? [...h[field].filter((k) => k !== key), key] : h[field].filter((k) => k !== key);
    put({ [field]: h.carries.filter((k) => list.includes(k)), [other]: on ? h[other].filter((k) => k !== key) : h[other] });
  };
  const endSelect = (end: "from" | "to") => (
    <label className="field">
      <span>{end === "from" ? "From" : "To"}</span>
      <select data-testid={`handoff-${end}`} value={h[end]} onChange={(e) => put({ [end]: e.target.value })}>
        {doc.elements.map((e) => (
          <option key={e.id} value={e.id}>
            {KIND_ICON[e.kind]} {e.name}
          </option>
        ))}
      </select>
    </label>
  );
  const open = findings.filter((f) => !f.waived);

  return (
    <aside
      className="inspector handoff-inspector"
      data-testid="handoff-inspector"
      aria-label={`Handoff: ${byId.get(h.from)?.name ?? h.from} to ${byId.get(h.to)?.name ?? h.to}`}
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
            ⇢
          </span>
          Handoff
        </span>
        <Clamped
          as="h2"
          className="inspector-title"
          data-testid="inspector-title"
          text={`${byId.get(h.from)?.name ?? h.from} → ${byId.get(h.to)?.name ?? h.to}`}
        />
        <button type="button" className="icon" onClick={onClose} aria-label="Close the inspector" title="Close (Escape)">
          ✕
        </button>
      </header>
      <Editable>
        <div className="inspector-body">
          {open.length > 0 && (
            <ul className="handoff-findings" aria-label="Findings on this handoff">
              {open.map((f, i) => (
                <li key={i} className={`sev-${f.severity}`}>
                  <span aria-hidden="true">{SEVERITY_ICON[f.severity]}</span> {ruleLabel(f.code)}: {f.message}
                </li>
              ))}
            </ul>
          )}
          <div className="field-row">
            {endSelect("from")}
            {endSelect("to")}
          </div>
          <ListField
            testId="handoff-carries"
            label="Carries"
            hint="The context keys that pass along this handoff (e.g. setup.effort)."
            items={h.carries}
            placeholder="setup.effort"
            onChange={(carries) => put({ carries })}
          />
          <KeyChecks
            testId="handoff-invariant"
            label="Must not vary"
            hint="Both ends must state the same value for these."
            keys={h.carries}
            checked={h.invariant}
            onToggle={(k, on) => toggle("invariant", k, on)}
          />
          <KeyChecks
            testId="handoff-may-vary"
            label="May vary by channel"
            hint="Differences here are intended."
            keys={h.carries}
            checked={h.may_vary}
            onToggle={(k, on) => toggle("may_vary", k, on)}
          />
          <div className="field-row">
            <ActorField
              label="Owner"
              testId="handoff-owner"
              value={h.owner}
              doc={doc}
              placeholder="Who answers for it"
              onCommit={(owner, created) => putWith({ owner: owner ?? null }, created)}
            />
            <label className="field">
              <span>Source of truth</span>
              <select
                data-testid="handoff-source"
                value={h.source_of_truth ?? ""}
                onChange={(e) => put({ source_of_truth: e.target.value || null })}
              >
                <option value="">Not named</option>
                {doc.elements.map((e) => (
                  <option key={e.id} value={e.id}>
                    {KIND_LABEL[e.kind]}: {e.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="field-row">
            <label className="field">
              <span>How it arrives</span>
              <select data-testid="handoff-mode" value={h.mode} onChange={(e) => put({ mode: e.target.value as HandoffMode })}>
                {(Object.keys(MODE_LABEL) as HandoffMode[]).map((m) => (
                  <option key={m} value={m}>
                    {MODE_LABEL[m]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Fires</span>
              <select data-testid="handoff-trigger" value={h.trigger} onChange={(e) => put({ trigger: e.target.value as Trigger })}>
                {(Object.keys(TRIGGER_LABEL) as Trigger[]).map((t) => (
                  <option key={t} value={t}>
                    {TRIGGER_LABEL[t]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="field-row">
            <ActorField
              label="Approval gate"
              testId="handoff-gate"
              value={h.gate}
              doc={doc}
              placeholder="e.g. Legal"
              onCommit={(gate, created) => putWith({ gate: gate ?? null }, created)}
            />
            <label className="field">
              <span>Must arrive within (hours)</span>
              <CommitText
                data-testid="handoff-latency"
                inputMode="numeric"
                value={h.latency_hours === null ? "" : String(h.latency_hours)}
                placeholder="No limit"
                onCommit={(text) => {
                  if (!text) {
                    setLatencyProblem(null);
                    put({ latency_hours: null });
                    return;
                  }
                  const n = Number(text);
                  if (!Number.isInteger(n) || n < 0) {
                    setLatencyProblem(`“${text}” is not a whole number of hours.`);
                    return;
                  }
                  setLatencyProblem(null);
                  put({ latency_hours: n });
                }}
              />
            </label>
          </div>
          {latencyProblem && (
            <p className="field-problem" role="alert">
              {latencyProblem}
            </p>
          )}
          <details className="inspector-details" data-testid="inspector-details">
            <summary>Details</summary>
            <dl>
              <div>
                <dt>Id</dt>
                <dd className="mono" title="The handoff's id, used in files, findings and the CLI">
                  {h.id}
                </dd>
              </div>
            </dl>
          </details>
          <ItemHistory kind="handoff" id={h.id} />
        </div>
        <footer className="inspector-foot">
          <button
            type="button"
            className="danger"
            data-testid="handoff-delete"
            onClick={() => onChange({ type: "delete_handoff", id: h.id })}
          >
            Delete handoff
          </button>
          <span className="muted small">Delete key · undo with Ctrl+Z</span>
        </footer>
      </Editable>
    </aside>
  );
}
