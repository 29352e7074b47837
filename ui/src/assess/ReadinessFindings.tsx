import type { SessionSummary } from "../backend";
import { DIMENSION_LABEL, figure } from "./dimensions";

interface Props {
  summary: SessionSummary;
  large?: boolean;
}

/** The total against the threshold as a bar, with the threshold marked. */
export function TotalGauge({ summary }: { summary: SessionSummary }) {
  const { total, total_max: max, threshold } = summary;
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / max) * 100))}%`;
  return (
    <div className={`total verdict-${summary.verdict.kind}`}>
      <div className="total-figure">
        <span data-testid="readiness-total" data-total={total ?? ""}>
          {figure(total)} <span className="total-max">/ {max}</span>
        </span>
        <span className="total-caption">readiness total · {figure(threshold)} or more to orchestrate</span>
      </div>
      <div className="gauge" role="img" aria-label={`Total ${figure(total)} of ${max}; the threshold is ${figure(threshold)}`}>
        <div className="gauge-fill" style={{ width: total === null ? 0 : pct(total) }} />
        <div className="gauge-threshold" style={{ left: pct(threshold) }}>
          <span>{figure(threshold)}</span>
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
  const undefinedAgreement = summary.agreement.reading.kind === "undefined";
  return (
    <div className={`findings${large ? " is-large" : ""}`}>
      <TotalGauge summary={summary} />
      <p className={`verdict verdict-${summary.verdict.kind}`} data-testid="readiness-verdict" data-kind={summary.verdict.kind}>
        {summary.verdict.sentence}
      </p>
      {summary.recommendations.length > 0 && (
        <div className="finding" data-testid="readiness-weakest">
          <h3>Start with {summary.weakest.map((d) => DIMENSION_LABEL[d]).join(" and ")}</h3>
          {summary.recommendations.map((r) => (
            <p key={r.dimension}>
              <strong>{DIMENSION_LABEL[r.dimension]}</strong> <span className="muted">(mean {figure(r.mean)})</span>: {r.text}
            </p>
          ))}
        </div>
      )}
      {summary.discuss.length > 0 && (
        <div className="finding discuss" data-testid="readiness-discuss">
          <h3>Discuss in the room</h3>
          <ul className="discuss-list">
            {summary.discuss.map((d) => {
              const s = stats(d);
              return (
                <li key={d}>
                  <strong>{DIMENSION_LABEL[d]}</strong>
                  {s && s.lowest !== null && s.highest !== null && (
                    <span className="muted"> scores from {s.lowest} to {s.highest}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className={`finding agreement agreement-${summary.agreement.reading.kind}`} data-testid="readiness-agreement" data-reading={summary.agreement.reading.kind}>
        <h3>How far the room agrees</h3>
        <p>{summary.agreement.words}</p>
        {!undefinedAgreement && summary.agreement.alpha !== null && (
          <p className="muted small" title="Krippendorff's alpha, ordinal: 1 is full agreement, 0 is no better than chance">
            Agreement score (alpha) {summary.agreement.alpha.toFixed(2)}
          </p>
        )}
      </div>
    </div>
  );
}
