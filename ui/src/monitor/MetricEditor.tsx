import { useId, useState } from "react";
import type { Metric, MetricKind, Workspace } from "../backend";
import { uniqueId } from "../model/ids";
import { defaultsFor, KIND_LABEL } from "./format";

const KINDS = Object.keys(KIND_LABEL) as MetricKind[];

interface Props {
  doc: Workspace;
  /** The metric edited; null: a new one. */
  metric: Metric | null;
  onSave: (metric: Metric) => void;
  onDelete?: () => void;
  onCancel: () => void;
}

interface Draft {
  name: string;
  kind: MetricKind;
  min: string;
  max: string;
  direction: "higher" | "lower";
  target: string;
  owner: string;
  scope: string;
  leading: boolean;
}

function draftOf(m: Metric | null): Draft {
  if (!m) {
    const d = defaultsFor("sentiment");
    return {
      name: "",
      kind: "sentiment",
      min: String(d.min),
      max: String(d.max),
      direction: "higher",
      target: "",
      owner: "",
      scope: "journey",
      leading: true,
    };
  }
  return {
    name: m.name,
    kind: m.kind,
    min: String(m.min ?? ""),
    max: String(m.max ?? ""),
    direction: m.direction,
    target: m.target == null ? "" : String(m.target),
    owner: m.owner ?? "",
    scope: m.scope,
    leading: m.leading,
  };
}

/** What is wrong with the draft, by field, before anything is sent. */
function problems(d: Draft): Partial<Record<keyof Draft, string>> {
  const out: Partial<Record<keyof Draft, string>> = {};
  const min = Number(d.min);
  const max = Number(d.max);
  if (!d.name.trim()) out.name = "Give the metric a name.";
  if (d.min.trim() === "" || !Number.isFinite(min)) out.min = "The bottom of the scale must be a number.";
  if (d.max.trim() === "" || !Number.isFinite(max)) out.max = "The top of the scale must be a number.";
  else if (!out.min && max <= min) out.max = `The top of the scale must be above ${min}.`;
  if (d.target.trim() !== "") {
    const t = Number(d.target);
    if (!Number.isFinite(t)) out.target = "The target must be a number, or empty.";
    else if (!out.min && !out.max && (t < min || t > max)) out.target = `The target must be on the scale, ${min} to ${max}.`;
  }
  return out;
}

/** The form of one metric: name, kind, scale, direction, target, owner, scope, leading or lagging. */
export function MetricEditor({ doc, metric, onSave, onDelete, onCancel }: Props) {
  const [d, setD] = useState<Draft>(() => draftOf(metric));
  const [tried, setTried] = useState(false);
  const ids = useId();
  const wrong = problems(d);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const owners = doc.elements.filter((e) => e.kind === "team" || e.kind === "person");

  const save = () => {
    setTried(true);
    if (Object.keys(wrong).length > 0) return;
    const id =
      metric?.id ??
      uniqueId(
        d.name,
        (doc.metrics ?? []).map((m) => m.id),
        "metric",
      );
    const out: Metric = {
      id,
      name: d.name.trim(),
      kind: d.kind,
      min: Number(d.min),
      max: Number(d.max),
      direction: d.direction,
      scope: d.scope,
      leading: d.leading,
    };
    if (d.target.trim() !== "") out.target = Number(d.target);
    if (d.owner.trim() !== "") out.owner = d.owner.trim();
    onSave(out);
  };
  const field = (name: keyof Draft) =>
    tried && wrong[name] ? (
      <span className="field-problem" role="alert" data-testid={`metric-problem-${name}`}>
        {wrong[name]}
      </span>
    ) : null;

  return (
    <form
      className="mo-metric-form"
      data-testid="metric-editor"
      aria-label={metric ? `Edit metric ${metric.name}` : "New metric"}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>
        Name
        <input
          data-testid="metric-name"
          value={d.name}
          onChange={(e) => set({ name: e.target.value })}
          placeholder="e.g. Setup satisfaction"
        />
        {field("name")}
      </label>
      <label>
        Kind
        <select
          data-testid="metric-kind"
          value={d.kind}
          onChange={(e) => {
            const kind = e.target.value as MetricKind;
            // A new metric takes the usual scale of its kind; an existing one keeps its own.
            if (metric) set({ kind });
            else {
              const def = defaultsFor(kind);
              set({ kind, min: String(def.min), max: String(def.max), direction: def.direction });
            }
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <div className="mo-form-row">
        <label>
          Scale from
          <input data-testid="metric-min" inputMode="decimal" value={d.min} onChange={(e) => set({ min: e.target.value })} />
          {field("min")}
        </label>
        <label>
          to
          <input data-testid="metric-max" inputMode="decimal" value={d.max} onChange={(e) => set({ max: e.target.value })} />
          {field("max")}
        </label>
      </div>
      <label>
        Better when
        <select
          data-testid="metric-direction"
          value={d.direction}
          onChange={(e) => set({ direction: e.target.value as Draft["direction"] })}
        >
          <option value="higher">higher</option>
          <option value="lower">lower</option>
        </select>
      </label>
      <label>
        Target
        <input
          data-testid="metric-target"
          inputMode="decimal"
          value={d.target}
          onChange={(e) => set({ target: e.target.value })}
          placeholder="none"
        />
        {field("target")}
      </label>
      <label>
        Owner
        <input
          data-testid="metric-owner"
          list={`${ids}-owners`}
          value={d.owner}
          onChange={(e) => set({ owner: e.target.value })}
          placeholder="a team, a person"
        />
        <datalist id={`${ids}-owners`}>
          {owners.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </datalist>
      </label>
      <label>
        Measures
        <select data-testid="metric-scope" value={d.scope} onChange={(e) => set({ scope: e.target.value })}>
          <option value="journey">The whole journey</option>
          <optgroup label="A stage">
            {doc.stages.map((s) => (
              <option key={s.id} value={`stage:${s.id}`}>
                {s.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="A touchpoint or other element">
            {doc.elements.map((e) => (
              <option key={e.id} value={`element:${e.id}`}>
                {e.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" data-testid="metric-leading" checked={d.leading} onChange={(e) => set({ leading: e.target.checked })} />
        Leading indicator (moves before results do)
      </label>
      <div className="mo-form-actions">
        <button type="submit" className="primary" data-testid="metric-save">
          {metric ? "Save metric" : "Add metric"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {onDelete && (
          <button type="button" className="danger" data-testid="metric-delete" onClick={onDelete}>
            Delete metric…
          </button>
        )}
      </div>
    </form>
  );
}
