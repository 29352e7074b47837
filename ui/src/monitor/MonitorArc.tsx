import type { StageArc } from "../backend";
import { fmt, signed } from "./format";

const W = 100;
const yOf = (v: number) => 50 - Math.max(-2, Math.min(2, v)) * 20;

/**
 * The promised arc (the stages' planned feeling) and the measured one drawn together, and per
 * stage the gap and the sentiment consistency, each gap with an icon and a word by its size.
 */
export function MonitorArc({
  stages,
  focusStage,
  onStage,
}: {
  stages: StageArc[];
  focusStage: string | null;
  onStage: (id: string) => void;
}) {
  const n = stages.length;
  const x = (i: number) => (i + 0.5) * W;
  const promised = stages.map((s, i) => `${x(i)},${yOf(s.planned)}`).join(" ");
  const measured = stages.flatMap((s, i) => (s.measured == null ? [] : [`${x(i)},${yOf(s.measured)}`])).join(" ");
  const anyMeasured = stages.some((s) => s.measured != null);
  return (
    <section className="mo-panel" aria-label="Promised and measured arc" data-testid="monitor-arc">
      <div className="mo-section-head">
        <h2>The arc: promised and measured</h2>
        <span className="mo-key">
          <span className="key-promised" aria-hidden="true" /> Promised <span className="key-measured" aria-hidden="true" /> Measured
        </span>
      </div>
      {n > 0 && (
        <svg className="mo-arc-svg" viewBox={`0 0 ${n * W} 100`} preserveAspectRatio="none" aria-hidden="true">
          <line x1={0} x2={n * W} y1={50} y2={50} className="arc-zero" vectorEffect="non-scaling-stroke" />
          <polyline points={promised} className="mo-promised" vectorEffect="non-scaling-stroke" data-testid="promised-arc" />
          {anyMeasured && (
            <polyline points={measured} className="mo-measured" vectorEffect="non-scaling-stroke" data-testid="measured-arc" />
          )}
        </svg>
      )}
      {!anyMeasured && (
        <p className="muted">Nothing measured yet: add a sentiment metric to a stage or a touchpoint and record its readings.</p>
      )}
      <table className="mo-arc-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Promised</th>
            <th scope="col">Measured</th>
            <th scope="col">Gap</th>
            <th scope="col">Consistency</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => {
            // The library grades the gap (crates/monitor `gap_grade`); the view only shows it.
            const tone = s.grade ?? null;
            return (
              <tr key={s.id} data-testid="arc-row" data-stage-id={s.id} className={focusStage === s.id ? "is-focused" : undefined}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onStage(s.id)}>
                    {s.name}
                  </button>
                </th>
                <td>{signed(s.planned)}</td>
                <td data-testid="arc-measured">{signed(s.measured)}</td>
                <td data-testid="arc-gap" className={tone ? `gap-${tone}` : undefined}>
                  {tone && <span aria-hidden="true">{tone === "good" ? "✓ " : tone === "warning" ? "! " : "✕ "}</span>}
                  {signed(s.gap)}
                  {tone && <span className="gap-word"> {tone === "good" ? "on plan" : tone === "warning" ? "drifting" : "off plan"}</span>}
                </td>
                <td>{s.consistency === null ? "–" : fmt(s.consistency)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
