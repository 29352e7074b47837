import type { Finding } from "../backend";
import { LAYER_LABEL } from "../model/library";

const SEVERITY_ICON = { error: "✕", warning: "!", info: "i" } as const;

/**
 * The monitor's findings (drift, gaps, unmeasured stages, unowned metrics), each with the layer
 * it points at, why (its evidence) and the fix; each opens its metric or its stage.
 */
export function MonitorFindings({
  findings,
  onMetric,
  onStage,
}: {
  findings: Finding[];
  onMetric: (id: string) => void;
  onStage: (id: string) => void;
}) {
  return (
    <section className="mo-panel" aria-label="What drifted" data-testid="monitor-findings">
      <div className="mo-section-head">
        <h2>What drifted</h2>
        <span className="muted">{findings.length === 0 ? "Nothing: every metric is where it was." : `${findings.length} findings`}</span>
      </div>
      <ul className="mo-findings">
        {findings.map((f) => {
          const subject = f.subjects[0];
          const open = () =>
            subject?.kind === "metric" ? onMetric(subject.id) : subject?.kind === "stage" ? onStage(subject.id) : undefined;
          return (
            <li
              key={`${f.code}|${f.key}`}
              className={`mo-finding sev-${f.severity}${f.waived ? " is-waived" : ""}`}
              data-testid="monitor-finding"
              data-code={f.code}
              data-key={f.key}
            >
              <button type="button" className="mo-finding-open" onClick={open} data-testid="monitor-finding-open">
                <span className="sev" aria-hidden="true">
                  {SEVERITY_ICON[f.severity]}
                </span>
                <span className="mo-finding-code">{f.code}</span>
                {f.layer && <span className="mo-layer">{LAYER_LABEL[f.layer]} layer</span>}
                {f.waived && <span className="muted">waived</span>}
              </button>
              <p>{f.message}</p>
              {f.evidence.length > 0 && (
                <p className="mo-why">
                  <strong>Why: </strong>
                  {f.evidence.map((e) => `${e.field}${e.value !== null ? ` ${e.value}` : ""}${e.note ? ` (${e.note})` : ""}`).join("; ")}
                </p>
              )}
              <p className="mo-fix">
                <strong>Fix: </strong>
                {f.fix}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
