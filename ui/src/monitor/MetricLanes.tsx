import type { Metric, MetricStatus, MonitorReport, Workspace } from "../backend";
import { fmt, KIND_LABEL, placement, seriesOf, verdict } from "./format";
import { Sparkline } from "./Sparkline";

interface Props {
  doc: Workspace;
  report: MonitorReport | null;
  selected: string | null;
  focusStage: string | null;
  onSelect: (metric: string) => void;
}

/** One metric: its sparkline with the target line, the latest value, and met or missed by icon and word. */
function MetricCell({
  doc,
  metric,
  status,
  asOf,
  selected,
  onSelect,
}: {
  doc: Workspace;
  metric: Metric;
  status: MetricStatus | undefined;
  asOf: string | null;
  selected: boolean;
  onSelect: (metric: string) => void;
}) {
  const v = verdict(status);
  const latest = status?.latest ?? null;
  return (
    <button
      type="button"
      className={`metric-cell verdict-${v.tone}${selected ? " is-selected" : ""}`}
      data-testid="metric-cell"
      data-metric-id={metric.id}
      data-verdict={v.word}
      aria-pressed={selected}
      onClick={() => onSelect(metric.id)}
      title={`${metric.name} (${KIND_LABEL[metric.kind]}, ${metric.leading ? "leading" : "lagging"}). Click to edit it and its readings.`}
    >
      <span className="metric-cell-head">
        <span className="metric-name">{metric.name}</span>
        <span className={`verdict verdict-${v.tone}`} data-testid="metric-verdict">
          <span aria-hidden="true">{v.icon}</span> {v.word}
        </span>
      </span>
      <Sparkline readings={seriesOf(doc, metric.id, asOf)} min={metric.min ?? 0} max={metric.max ?? 1} target={metric.target ?? null} />
      <span className="metric-cell-foot">
        <span data-testid="metric-latest">{latest ? `${fmt(latest.value)} on ${latest.date}` : "no reading"}</span>
        {metric.target != null && <span className="muted">target {fmt(metric.target)}</span>}
      </span>
    </button>
  );
}

/**
 * The metric lanes: journey metrics above the stages, stage and touchpoint metrics under their
 * stage (a touchpoint serving two stages shows under both), anything else in a last lane.
 */
export function MetricLanes({ doc, report, selected, focusStage, onSelect }: Props) {
  const metrics = doc.metrics ?? [];
  const status = new Map((report?.metrics ?? []).map((m) => [m.id, m]));
  const asOf = report?.as_of ?? null;
  const journey: Metric[] = [];
  const other: Metric[] = [];
  const byStage = new Map<string, Metric[]>(doc.stages.map((s) => [s.id, []]));
  for (const m of metrics) {
    const p = placement(doc, m.scope);
    if (p.kind === "journey") journey.push(m);
    else if (p.kind === "other") other.push(m);
    else for (const s of p.stages) byStage.get(s)?.push(m);
  }
  const cell = (m: Metric) => (
    <MetricCell key={m.id} doc={doc} metric={m} status={status.get(m.id)} asOf={asOf} selected={selected === m.id} onSelect={onSelect} />
  );
  return (
    <section className="mo-panel mo-lanes" aria-label="Metric lanes" data-testid="metric-lanes">
      <div className="mo-lane" data-testid="lane-journey">
        <h3 className="mo-lane-title">Whole journey</h3>
        <div className="mo-lane-cells">{journey.length ? journey.map(cell) : <p className="muted">No journey metric.</p>}</div>
      </div>
      <div className="mo-stage-grid" style={{ gridTemplateColumns: `repeat(${Math.max(1, doc.stages.length)}, minmax(170px, 1fr))` }}>
        {doc.stages.map((s) => (
          <div
            key={s.id}
            id={`mo-stage-${s.id}`}
            className={`mo-stage-col${focusStage === s.id ? " is-focused" : ""}`}
            data-testid="lane-stage"
            data-stage-id={s.id}
          >
            <h3 className="mo-lane-title">{s.name}</h3>
            {(byStage.get(s.id) ?? []).map(cell)}
            {(byStage.get(s.id) ?? []).length === 0 && <p className="muted small">Not measured</p>}
          </div>
        ))}
      </div>
      {other.length > 0 && (
        <div className="mo-lane" data-testid="lane-other">
          <h3 className="mo-lane-title">Systems, teams and others</h3>
          <div className="mo-lane-cells">{other.map(cell)}</div>
        </div>
      )}
    </section>
  );
}
