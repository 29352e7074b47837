import type { SessionSummary } from "../backend";
import { THRESHOLD } from "../model/library";
import { DIMENSION_LABEL, figure } from "./dimensions";

interface Props {
  summary: SessionSummary;
  large?: boolean;
}

/** The total against the threshold as a bar, with the threshold marked. */
export function TotalGauge({ summary }: { summary: SessionSummary }) {
  const { total, total_max: max } = summary;
  const shown = summary.total_display ?? "–";
  // A float crosses IPC as `number | null` (NaN would); the library always sends its threshold.
  const threshold = summary.threshold ?? THRESHOLD;
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / max) * 100))}%`;
  return (
    <div className={`as-total as-verdict-${summary.verdict.kind}`}>
      <div className="as-total-figure">
        <span data-testid="readiness-total" data-total={total ?? ""}>
          {shown} <span className="as-total-max">/ {max}</span>
        </span>
        <span className="as-total-caption">readiness total · {figure(threshold, 0)} or more to orchestrate</span>
      </div>
      <div className="as-gauge" role="img" aria-label={`Total ${shown} of ${max}; the threshold is ${figure(threshold, 0)}`}>
        <div className="as-gauge-fill" style={{ width: total === null ? 0 : pct(total) }} />
        <div className="as-gauge-threshold" style={{ left: pct(threshold) }}>
          <span>{figure(threshold, 0)}</span>
        </div>
      </div>
      {summary.unscored.length > 0 && (
        <p className="muted small">No score yet for {summary.unscored.map((d) => DIMENSION_LABEL[d]).join(", ")}.</p>
      )}
    </div>
  );
}

/** The verdict, where to start, what to discuss and how far the room agrees: the backend's words. */
export function ReadinessFindings({ summary, large = false }: Props) {
  const stats = (d: SessionSummary["discuss"][number]) => summary.dimensions.find((s) => s.dimension === d);
  return (
    <div className={`as-findings${large ? " is-large" : ""}`}>
      <TotalGauge summary={summary} />
      <p className={`as-verdict as-verdict-${summary.verdict.kind}`} data-testid="readiness-verdict" data-kind={summary.verdict.kind}>
        {summary.verdict.sentence}
      </p>
      {summary.recommendations.length > 0 && (
        <div className="as-finding" data-testid="readiness-weakest">
          <h3>Start with {summary.weakest.map((d) => DIMENSION_LABEL[d]).join(" and ")}</h3>
          {summary.recommendations.map((r) => (
            <p key={r.dimension}>
              <strong>{DIMENSION_LABEL[r.dimension]}</strong> <span className="muted">(mean {figure(r.mean)})</span>: {r.text}
            </p>
          ))}
        </div>
      )}
      {summary.discuss.length > 0 && (
        <div className="as-finding as-discuss" data-testid="readiness-discuss">
          <h3>Discuss in the room</h3>
          <ul className="as-discuss-list">
            {summary.discuss.map((d) => {
              const s = stats(d);
              return (
                <li key={d}>
                  <strong>{DIMENSION_LABEL[d]}</strong>
                  {s && s.lowest !== null && s.highest !== null && (
                    <span className="muted">
                      {" "}
                      scores from {s.lowest} to {s.highest}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div
        className={`as-finding as-agreement as-agreement-${summary.agreement.reading.kind}`}
        data-testid="readiness-agreement"
        data-reading={summary.agreement.reading.kind}
      >
        <h3>How far the room agrees</h3>
        <p title="Alpha (Krippendorff's, ordinal) runs from 1, full agreement, through 0, no better than chance">
          {summary.agreement.words}
        </p>
      </div>
    </div>
  );
}
