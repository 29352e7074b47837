import { useState } from "react";
import type { ReadinessSession } from "../backend";
import { uniqueId } from "../model/ids";
import { THRESHOLD, TOTAL_MAX } from "../model/library";
import { useUi, useWorkspaceStore } from "../store/context";
import { LayerPanel } from "./LayerPanel";
import { SessionList } from "./SessionList";
import { SessionPanel } from "./SessionPanel";
import { TrendChart } from "./TrendChart";
import { useReadinessReport } from "./useReadinessReport";
import { Editable } from "../store/readOnly";
import "./assess.css";

/** The newest session by date (the latest entered wins a tie), as the backend defaults to. */
function latest(sessions: ReadinessSession[]): ReadinessSession | null {
  let best: ReadinessSession | null = null;
  for (const s of sessions) if (!best || s.date >= best.date) best = s;
  return best;
}

/** The Assess step: readiness sessions scored in the room, the layers, and the trend. */
export function AssessView() {
  const store = useWorkspaceStore();
  const current = useUi((s) => s.current)!;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // A session being started is not in the document until its edit is saved; until then the
  // page shows that it is starting, never another session's grid the room could type into.
  const [starting, setStarting] = useState<string | null>(null);
  const doc = current.doc;
  const slug = current.summary.slug;
  const chosen = doc.readiness.find((s) => s.id === selectedId) ?? null;
  const waiting = chosen === null && starting !== null && starting === selectedId;
  const session = chosen ?? (waiting ? null : latest(doc.readiness));
  const { report, error } = useReadinessReport(slug, session?.id ?? null, current.revision);
  const summary = report?.session && report.session.session_id === session?.id ? report.session : null;

  const create = (name: string, date: string) => {
    const id = uniqueId(
      name,
      doc.readiness.map((s) => s.id),
      "session",
    );
    setSelectedId(id);
    setStarting(id);
    void store
      .edit({ type: "put_session", session: { id, name, date, raters: [] } })
      .finally(() => setStarting((s) => (s === id ? null : s)));
  };

  return (
    <div className="assess-page">
      <SessionList
        sessions={doc.readiness}
        selected={session?.id ?? null}
        trend={report?.trend ?? []}
        onSelect={setSelectedId}
        onCreate={create}
        creating={creating}
        setCreating={setCreating}
      />
      <main className="assess-main" aria-label="Assess readiness">
        {session ? (
          <SessionPanel key={session.id} saved={session} summary={summary} reportError={error} />
        ) : waiting ? (
          <div className="assess-empty" data-testid="assess-starting" aria-busy="true">
            <p>Starting the session…</p>
          </div>
        ) : (
          <div className="assess-empty" data-testid="assess-empty">
            <h1>No readiness session yet — start one for this workshop</h1>
            <p>
              Everyone in the room scores six dimensions from 1 to 5: strategy, data, team, technology, culture and metrics. The total tells
              you whether to orchestrate now or fix foundations first; where people disagree, that is a finding in itself.
            </p>
            <Editable>
              <button type="button" className="primary large" data-testid="assess-empty-new-session" onClick={() => setCreating(true)}>
                <span aria-hidden="true">+</span> Start a session
              </button>
            </Editable>
          </div>
        )}
        <div className="assess-bottom">
          <LayerPanel
            scores={doc.layer_scores}
            diagnosis={report?.layers ?? null}
            onEdit={(edit) => void store.edit(edit)}
            session={session}
            sessions={doc.readiness}
          />
          <section className="as-panel as-trend-panel" aria-labelledby="trend-title">
            <div className="as-section-head">
              <h2 id="trend-title">Readiness over time</h2>
            </div>
            <TrendChart
              trend={report?.trend ?? []}
              threshold={report?.session?.threshold ?? THRESHOLD}
              max={report?.session?.total_max ?? TOTAL_MAX}
            />
          </section>
        </div>
      </main>
    </div>
  );
}
