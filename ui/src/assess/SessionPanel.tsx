import { DateInput } from "../components/DateInput";
import { useEffect, useState } from "react";
import type { ReadinessSession, SessionSummary } from "../backend";
import { CommitText } from "../components/CommitText";
import { ConfirmDialog } from "../shell/ConfirmDialog";
import { useWorkspaceStore } from "../store/context";
import { longDate } from "./dimensions";
import { PresenterMode } from "./PresenterMode";
import { ReadinessFindings } from "./ReadinessFindings";
import { ReadinessRadar } from "./ReadinessRadar";
import { ScoreGrid } from "./ScoreGrid";
import { Editable } from "../store/readOnly";
import { useSessionDraft } from "./useSessionDraft";

interface Props {
  saved: ReadinessSession;
  /** The backend's figures for this session; null until it answers. */
  summary: SessionSummary | null;
  reportError: string | null;
}

/** One session: its name and date, the scoring grid, the radar and the findings. */
export function SessionPanel({ saved, summary, reportError }: Props) {
  const store = useWorkspaceStore();
  const [session, update] = useSessionDraft(saved);
  const [confirming, setConfirming] = useState(false);
  const [presenting, setPresenting] = useState(false);
  const [removed, setRemoved] = useState<string | null>(null);

  useEffect(() => {
    if (!removed) return;
    const t = window.setTimeout(() => setRemoved(null), 10000);
    return () => window.clearTimeout(t);
  }, [removed]);

  const raters = session.raters.length;
  return (
    <div className="session-panel">
      <header className="session-head">
        <Editable>
          <div className="session-title">
            <CommitText
              className="session-name"
              data-testid="session-name"
              aria-label="Session name"
              value={session.name}
              required
              maxLength={200}
              onCommit={(name) => update((s) => ({ ...s, name }))}
            />
            <label className="as-inline-field">
              <span>Date</span>
              <DateInput
                data-testid="session-date"
                value={session.date}
                onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && update((s) => ({ ...s, date: e.target.value }))}
              />
            </label>
          </div>
        </Editable>
        <button
          type="button"
          className="primary large"
          data-testid="presenter-toggle"
          onClick={() => setPresenting(true)}
          disabled={raters === 0}
          title={raters === 0 ? "Add raters and scores first" : "Show the room (Esc leaves)"}
        >
          Present to the room
        </button>
        <Editable>
          <button type="button" className="ghost danger-text" data-testid="session-delete" onClick={() => setConfirming(true)}>
            Delete session
          </button>
        </Editable>
      </header>

      <div className="assess-columns">
        <div className="assess-left">
          <ScoreGrid session={session} update={update} stats={summary?.dimensions ?? null} onRemoved={setRemoved} />
          {removed && (
            <div className="as-notice" role="status" data-testid="rater-removed">
              Removed {removed}.
              <button
                type="button"
                className="ghost"
                data-testid="rater-removed-undo"
                onClick={() => {
                  void store.undo();
                  setRemoved(null);
                }}
              >
                Undo
              </button>
            </div>
          )}
          <label className="field session-note">
            <span>Session note</span>
            <CommitText
              multiline
              autoGrow
              rows={2}
              data-testid="session-note"
              value={session.note ?? ""}
              maxLength={4000}
              placeholder="Who was in the room, what was said, what to check next time"
              onCommit={(note) =>
                update((s) => {
                  const next: ReadinessSession = { id: s.id, name: s.name, date: s.date, raters: s.raters };
                  if (note.trim()) next.note = note;
                  return next;
                })
              }
            />
          </label>
        </div>
        <aside className="assess-results" aria-label="What the scores say">
          {reportError && (
            <p className="field-problem" role="alert">
              The figures could not be computed: {reportError}
            </p>
          )}
          {raters === 0 ? (
            <div className="results-empty">
              <h3>Nobody has scored yet</h3>
              <p className="muted">
                Add each person in the room under the grid, then type their scores. The radar and the verdict appear here as you go.
              </p>
            </div>
          ) : summary ? (
            <>
              <ReadinessRadar session={session} summary={summary} />
              <ReadinessFindings summary={summary} />
            </>
          ) : (
            <p className="muted" aria-busy="true">
              Working out the figures…
            </p>
          )}
        </aside>
      </div>

      {confirming && (
        <ConfirmDialog
          title={`Delete “${session.name}”?`}
          confirmLabel="Delete session"
          onClose={() => setConfirming(false)}
          onConfirm={() => void store.edit({ type: "delete_session", id: session.id })}
        >
          <p>
            The session of {longDate(session.date)} and the scores of its {raters} {raters === 1 ? "rater" : "raters"} go with it. Undo
            brings it back.
          </p>
        </ConfirmDialog>
      )}
      {presenting && <PresenterMode session={session} summary={summary} onClose={() => setPresenting(false)} />}
    </div>
  );
}
