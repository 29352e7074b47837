import { DateInput } from "../components/DateInput";
import { useState } from "react";
import type { Edit, LayerDiagnosis, LayerScore, ReadinessSession, Score } from "../backend";
import { LAYERS, LAYER_LABEL, longDate, today } from "./dimensions";
import { Editable } from "../store/readOnly";
import { LayerHistory } from "./LayerHistory";

interface Props {
  scores: LayerScore[];
  diagnosis: LayerDiagnosis | null;
  onEdit: (edit: Edit) => void;
  /** The session on screen: the layers are rated in it, on its date. None: on a date of their own. */
  session?: ReadinessSession | null;
  /** Every session, to name the points of the history. */
  sessions?: ReadinessSession[];
}

const SCALE: Score[] = [1, 2, 3, 4, 5];

/**
 * Rate the four layers (1 absent … 5 fully integrated) in the session on screen, read the
 * diagnosis, and follow each layer over time. Without a session they are rated on a date.
 */
export function LayerPanel({ scores, diagnosis, onEdit, session = null, sessions = [] }: Props) {
  const [ownDate, setDate] = useState(today());
  const date = session?.date ?? ownDate;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const sessionId = session?.id ?? null;
  return (
    <section className="as-panel layer-panel" aria-labelledby="layers-title">
      <div className="as-section-head">
        <h2 id="layers-title">Layers of the stack</h2>
        {session ? (
          <p className="muted small layer-session-note" data-testid="layer-session">
            Rated in <strong>{session.name}</strong>, {longDate(session.date)}
          </p>
        ) : (
          <label className="as-inline-field">
            <span>Rated on</span>
            <DateInput data-testid="layer-date-input" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
        )}
      </div>
      <p className="muted small">1 absent · 3 partly in place · 5 fully integrated. Click the chosen score again to remove it.</p>
      <Editable>
        <div className="layer-rows">
          {LAYERS.map((layer) => {
            const mine = scores.find((s) => s.layer === layer && s.date === date)?.score ?? null;
            const reading = diagnosis?.layers.find((l) => l.layer === layer) ?? null;
            return (
              <div key={layer} className={`layer-row layer-${layer}`} data-testid="layer-row" data-layer={layer}>
                <span className="layer-name">{LAYER_LABEL[layer]}</span>
                <div className="as-segmented" role="radiogroup" aria-label={`${LAYER_LABEL[layer]} on ${date}`}>
                  {SCALE.map((n) => (
                    <button
                      key={n}
                      type="button"
                      role="radio"
                      aria-checked={mine === n}
                      disabled={!valid}
                      data-testid="layer-score"
                      data-layer={layer}
                      data-score={n}
                      onClick={() =>
                        onEdit(
                          mine === n
                            ? { type: "delete_layer_score", layer, date }
                            : { type: "put_layer_score", score: { layer, score: n, date, ...(sessionId ? { session: sessionId } : {}) } },
                        )
                      }
                    >
                      {n}
                    </button>
                  ))}
                </div>
                <span className="layer-latest muted small">
                  {reading?.score != null ? (
                    <>
                      latest <strong>{reading.score}</strong>
                      {reading.date ? ` on ${longDate(reading.date)}` : ""}
                      {reading.change != null && reading.change !== 0 && (
                        <span className={reading.change > 0 ? "up" : "down"}>
                          {" "}
                          ({reading.change > 0 ? "+" : ""}
                          {reading.change})
                        </span>
                      )}
                    </>
                  ) : (
                    "not rated yet"
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </Editable>
      <LayerHistory scores={scores} sessions={sessions} />
      {diagnosis && diagnosis.patterns.length > 0 && (
        <ul className="as-patterns" data-testid="layer-diagnosis">
          {diagnosis.patterns.map((p, i) => (
            <li key={`${p.kind}-${i}`} className={`as-pattern as-pattern-${p.kind}`} data-kind={p.kind}>
              <strong>{p.title}</strong>
              <p>{p.explanation}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
