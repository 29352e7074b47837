import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { Dimension, DimensionStats, ReadinessSession, Score } from "../backend";
import { CommitText } from "../components/CommitText";
import { AddRater } from "./AddRater";
import {
  DIMENSIONS,
  DIMENSION_LABEL,
  DIMENSION_QUESTION,
  addRater,
  figure,
  raterColour,
  raterNameProblem,
  removeRater,
  renameRater,
  scoreOf,
  setRaterNote,
  setScore,
} from "./dimensions";
import { Editable, useReadOnly } from "../store/readOnly";
import { RaterName } from "./RaterName";

interface Props {
  session: ReadinessSession;
  update: (change: (s: ReadinessSession) => ReadinessSession) => void;
  /** The backend's per-dimension figures for this session, when it has answered. */
  stats: DimensionStats[] | null;
  onRemoved: (name: string) => void;
}

interface Cell {
  r: number;
  d: number;
}

const OUT_OF_RANGE = "Scores run from 1 to 5.";

/**
 * Raters by dimensions, filled by keyboard alone: arrows move, 1-5 score and move on
 * (rightwards, then the next rater), 0 / Backspace / Delete clear, Tab leaves the grid.
 */
export function ScoreGrid({ session, update, stats, onRemoved }: Props) {
  // A snapshot shown: the grid can be walked with the keys, but no score is typed in it.
  const readOnly = useReadOnly();
  const [active, setActive] = useState<Cell>({ r: 0, d: 0 });
  const [message, setMessage] = useState<string | null>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const moved = useRef(false);
  const rows = session.raters.length;
  const at: Cell = { r: Math.min(active.r, Math.max(rows - 1, 0)), d: active.d };

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    cells.current.get(`${at.r}:${at.d}`)?.focus();
  }, [at.r, at.d]);

  const go = (cell: Cell) => {
    moved.current = true;
    setActive(cell);
  };

  const onKey = (e: KeyboardEvent<HTMLTableCellElement>, r: number, d: number) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const last = DIMENSIONS.length - 1;
    const key = e.key;
    let handled = true;
    if (key === "ArrowRight") go({ r, d: Math.min(d + 1, last) });
    else if (key === "ArrowLeft") go({ r, d: Math.max(d - 1, 0) });
    else if (key === "ArrowDown") go({ r: Math.min(r + 1, rows - 1), d });
    else if (key === "ArrowUp") go({ r: Math.max(r - 1, 0), d });
    else if (key === "Home") go({ r, d: 0 });
    else if (key === "End") go({ r, d: last });
    else if (readOnly) handled = false;
    else if (/^[1-5]$/.test(key)) {
      update((s) => setScore(s, r, DIMENSIONS[d], Number(key) as Score));
      if (d < last) go({ r, d: d + 1 });
      else if (r < rows - 1) go({ r: r + 1, d: 0 });
    } else if (key === "0" || key === "Backspace" || key === "Delete") {
      update((s) => setScore(s, r, DIMENSIONS[d], null));
    } else if (/^[6-9]$/.test(key)) {
      setMessage(OUT_OF_RANGE);
    } else handled = false;
    if (handled) {
      e.preventDefault();
      if (!/^[6-9]$/.test(key)) setMessage(null);
    }
  };

  const statOf = (d: Dimension) => stats?.find((s) => s.dimension === d) ?? null;

  return (
    <section className="grid-section" aria-labelledby="grid-title">
      <div className="as-section-head">
        <h2 id="grid-title">Scores</h2>
        <p className="muted small">
          Click a cell, then type <kbd>1</kbd>–<kbd>5</kbd>: it moves on by itself. <kbd>←↑↓→</kbd> move, <kbd>0</kbd> or <kbd>Delete</kbd>{" "}
          clears (a skip), <kbd>Tab</kbd> leaves the grid.
        </p>
      </div>
      <div className="grid-scroll">
        <table
          className="score-grid"
          role="grid"
          aria-label="Scores by rater and dimension"
          aria-readonly={readOnly || undefined}
          data-testid="score-grid"
        >
          <thead>
            <tr>
              <th scope="col" className="rater-col">
                Rater
              </th>
              {DIMENSIONS.map((d) => (
                <th key={d} scope="col" className="dim-head" data-testid="dimension-head" data-dimension={d}>
                  <span className="dim-name">{DIMENSION_LABEL[d]}</span>
                  <span className="dim-question">{DIMENSION_QUESTION[d]}</span>
                </th>
              ))}
              <th scope="col" className="note-col">
                Note
              </th>
              <th scope="col" className="remove-col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {session.raters.map((rater, r) => (
              <tr key={r} data-testid="rater-row" data-rater={rater.name}>
                <th scope="row" className="rater-col">
                  <Editable>
                    <RaterName
                      name={rater.name}
                      colour={raterColour(r)}
                      problemWith={(next) => raterNameProblem(session, next, r)}
                      onRename={(next) => update((s) => renameRater(s, r, next.trim()))}
                    />
                  </Editable>
                </th>
                {DIMENSIONS.map((d, di) => {
                  const score = scoreOf(rater, d);
                  const isActive = at.r === r && at.d === di;
                  return (
                    <td
                      key={d}
                      ref={(el) => {
                        if (el) cells.current.set(`${r}:${di}`, el);
                        else cells.current.delete(`${r}:${di}`);
                      }}
                      role="gridcell"
                      tabIndex={isActive ? 0 : -1}
                      className={`score-cell${score === null ? " is-empty" : ""}`}
                      data-testid="score-cell"
                      data-rater={rater.name}
                      data-dimension={d}
                      data-score={score ?? ""}
                      aria-label={`${rater.name}, ${DIMENSION_LABEL[d]}: ${score ?? "not scored"}`}
                      onFocus={() => setActive({ r, d: di })}
                      onKeyDown={(e) => onKey(e, r, di)}
                    >
                      {score === null ? (
                        <span className="skip" aria-hidden="true">
                          ·
                        </span>
                      ) : (
                        <span className={`score s${score}`}>{score}</span>
                      )}
                    </td>
                  );
                })}
                <td className="note-col">
                  <CommitText
                    className="rater-note"
                    data-testid="rater-note"
                    aria-label={`Note from ${rater.name}`}
                    title={rater.note ?? undefined}
                    placeholder="Why this score?"
                    value={rater.note ?? ""}
                    maxLength={2000}
                    onCommit={(note) => update((s) => setRaterNote(s, r, note))}
                  />
                </td>
                <td className="remove-col">
                  <Editable>
                    <button
                      type="button"
                      className="icon"
                      data-testid="rater-remove"
                      aria-label={`Remove ${rater.name}`}
                      title={`Remove ${rater.name} (undo brings them back)`}
                      onClick={() => {
                        update((s) => removeRater(s, r));
                        onRemoved(rater.name);
                      }}
                    >
                      ✕
                    </button>
                  </Editable>
                </td>
              </tr>
            ))}
          </tbody>
          {rows > 0 && (
            <tfoot>
              <tr className="room-row">
                <th scope="row" className="rater-col">
                  Room mean
                </th>
                {DIMENSIONS.map((d) => {
                  const st = statOf(d);
                  return (
                    <td key={d} className="room-cell" data-testid="dimension-mean" data-dimension={d}>
                      <span className="room-mean">{figure(st?.mean ?? null)}</span>
                      {st?.disagreement && (
                        <span className="as-discuss-chip" title={`Scores span ${st.spread} points`}>
                          discuss
                        </span>
                      )}
                    </td>
                  );
                })}
                <td colSpan={2} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <div className="grid-message" role="status" aria-live="polite" data-testid="grid-message">
        {message}
      </div>
      <Editable>
        <AddRater session={session} onAdd={(name) => update((s) => addRater(s, name))} />
      </Editable>
    </section>
  );
}
