import { figure } from "../model/format";
import type { Comparison, FindingChange } from "../backend";
import { DIMENSION_LABEL } from "../model/library";
import { LAYER_TITLE } from "./format";

function FindingRows({ findings, tone }: { findings: FindingChange[]; tone: "good" | "bad" }) {
  if (findings.length === 0) return <p className="muted small">None.</p>;
  return (
    <ul className="finding-delta">
      {findings.map((f) => (
        <li key={`${f.code}|${f.key}`} className={`finding-delta-${tone}`}>
          <span className={`severity severity-${f.severity}`}>{f.severity}</span> <span className="finding-code mono small">{f.code}</span>
          {f.waived && <span className="muted small"> (waived)</span>}
          <div className="small">{f.message}</div>
        </li>
      ))}
    </ul>
  );
}

/** The divergences the change resolved and the ones it introduced. */
export function FindingsDelta({ comparison }: { comparison: Comparison }) {
  const { resolved, introduced } = comparison.findings;
  return (
    <section className="versions-card" data-testid="findings-delta" aria-label="Findings">
      <h3>Findings</h3>
      <div className="two-columns">
        <div data-testid="findings-resolved">
          <h4>
            <span aria-hidden="true">✓</span> Resolved ({resolved.length})
          </h4>
          <FindingRows findings={resolved} tone="good" />
        </div>
        <div data-testid="findings-introduced">
          <h4>
            <span aria-hidden="true">!</span> Introduced ({introduced.length})
          </h4>
          <FindingRows findings={introduced} tone="bad" />
        </div>
      </div>
    </section>
  );
}

/** A mean as every view writes it (the Rust library's rule). */
const fmt = (n: number | null | undefined) => figure(n);

/** The change between two figures as they are shown, so that "14.2 → 18.5" reads "+4.3". */
function delta(before: number | null | undefined, after: number | null | undefined): string {
  if (before === null || before === undefined || after === null || after === undefined) return "";
  const d = Number(figure(after)) - Number(figure(before));
  if (Math.abs(d) < 0.05) return "±0";
  return `${d > 0 ? "+" : "−"}${figure(Math.abs(d))}`;
}

/** A total's shown figure (rounded down by the library) as a number, for its change. */
const shownTotal = (display: string | null | undefined) => (display ? Number(display) : null);

/** Readiness (latest session's total and means) and layer scores, before and after. */
export function ReadinessDeltaPanel({ comparison }: { comparison: Comparison }) {
  const { before, after, layers } = comparison.readiness;
  const dims = (after ?? before)?.means.map((m) => m.dimension) ?? [];
  const mean = (p: typeof before, d: string) => p?.means.find((m) => m.dimension === d)?.mean ?? null;
  const rated = layers.some((l) => l.before !== null || l.after !== null);
  return (
    <section className="versions-card" data-testid="readiness-delta" aria-label="Readiness">
      <h3>Readiness</h3>
      {!before && !after ? (
        <p className="muted small">Neither state has a readiness session.</p>
      ) : (
        <table className="delta-table">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col" title={before ? `${before.name}, ${before.date}` : "No session"}>
                Before
              </th>
              <th scope="col" title={after ? `${after.name}, ${after.date}` : "No session"}>
                After
              </th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Total (of 30)</th>
              <td>{before?.total_display ?? "–"}</td>
              <td>{after?.total_display ?? "–"}</td>
              <td>{delta(shownTotal(before?.total_display), shownTotal(after?.total_display))}</td>
            </tr>
            {dims.map((d) => (
              <tr key={d}>
                <th scope="row">{DIMENSION_LABEL[d]}</th>
                <td>{fmt(mean(before, d))}</td>
                <td>{fmt(mean(after, d))}</td>
                <td>{delta(mean(before, d), mean(after, d))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(before || after) && (
        <p className="muted small">
          Latest session: {before ? `${before.name} (${before.date})` : "none"} → {after ? `${after.name} (${after.date})` : "none"}
        </p>
      )}
      <h4>Layer scores</h4>
      {!rated ? (
        <p className="muted small">No layer is rated in either state.</p>
      ) : (
        <table className="delta-table">
          <tbody>
            {layers.map((l) => (
              <tr key={l.layer}>
                <th scope="row">{LAYER_TITLE[l.layer]}</th>
                <td>{l.before ?? "–"}</td>
                <td>{l.after ?? "–"}</td>
                <td>{delta(l.before, l.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
