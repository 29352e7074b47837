import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ActivityToElement, Edit, Finding, LogColumns, LogInfo, LogPreview, Replay } from "../backend";
import { toBackendError } from "../backend";
import { FindingItem } from "../graph/FindingItem";
import { namesOf } from "../graph/names";
import { useLens, useSetLens } from "../lens/LensContext";
import { useUi, useWorkspaceStore } from "../store/context";
import { Editable, useReadOnly } from "../store/readOnly";
import { ExampleCases } from "./ExampleCases";
import { ImportLogDialog } from "./ImportLogDialog";
import { adoptedHandoff, formatFitness, formatHours, realityLens, shadowId } from "./realityLens";
import { UnmappedActivities } from "./UnmappedActivities";
import "./reality.css";

/** The edit that waives `f` with the user's reason (and the date to look at it again, if any). */
function waiverEdit(f: Finding, reason: string, review: string | null = null): Edit {
  // The library records who waived it and when; the window sends only what the user wrote.
  return { type: "put_waiver", waiver: { code: f.code, subject: f.key, reason, who: "", when: "", ...(review ? { review } : {}) } };
}

/** The log last replayed per workspace, so that coming back to the view while its lens is on replays it again. */
const lastReplayed = new Map<string, string>();

interface Importing {
  path: string;
  preview: LogPreview;
  error: string | null;
}

/**
 * The reality check: the workspace's stored event logs, one replayed against the map as it
 * is now. The replay becomes the reality lens over the stack and the graph; this panel holds
 * the figures, the shadow handoffs (add to the map, or waive), every finding, and the
 * activities still to map. Any change to the workspace replays the log again.
 */
export function RealityView() {
  const store = useWorkspaceStore();
  const backend = store.backend;
  const slug = useUi((s) => s.current?.summary.slug ?? "");
  const doc = useUi((s) => s.current?.doc);
  // A snapshot shown: its stored logs replay against it, and nothing is imported, added or mapped.
  const readOnly = useReadOnly();
  const setLens = useSetLens();
  const lensKind = useLens()?.kind;
  const [logs, setLogs] = useState<LogInfo[]>([]);
  const [selected, setSelected] = useState("");
  const [replay, setReplay] = useState<Replay | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState<Importing | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const replayed = useRef<string | null>(null);

  const fail = (e: unknown) => setError(toBackendError(e).message);

  const refreshLogs = useCallback(async () => {
    if (!slug) return;
    try {
      const list = await backend.listLogs(slug);
      setLogs(list);
      setSelected((s) => (list.some((l) => l.name === s) ? s : (list[0]?.name ?? "")));
    } catch (e) {
      setError(toBackendError(e).message);
    }
  }, [backend, slug]);

  useEffect(() => {
    setReplay(null);
    replayed.current = null;
    void refreshLogs();
  }, [refreshLogs]);

  const run = useCallback(
    async (name: string) => {
      if (!slug || !name) return;
      setBusy(true);
      setError(null);
      try {
        const r = await backend.replayLog(slug, name);
        replayed.current = name;
        lastReplayed.set(slug, name);
        setReplay(r);
      } catch (e) {
        setError(toBackendError(e).message);
      } finally {
        setBusy(false);
      }
    },
    [backend, slug],
  );

  // Back in the view with the reality lens still on: show that replay again.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !slug) return;
    resumed.current = true;
    const last = lastReplayed.get(slug);
    if (last && lensKind === "reality") {
      setSelected(last);
      void run(last);
    }
  }, [slug, lensKind, run]);

  // The lens follows the replay and the map it was drawn over; each shadow handoff's ghost on
  // the graph offers the same two actions as this panel.
  useEffect(() => {
    if (!replay || !doc) return;
    const lens = realityLens(doc, replay);
    lens.ghostActions = {};
    for (const f of readOnly ? [] : replay.report.findings) {
      const [from, to] = f.key.split(">");
      if (f.code !== "shadow-handoff" || f.waived || !from || !to) continue;
      lens.ghostActions[shadowId(from, to)] = [
        { label: "Add to map", run: () => void store.edit({ type: "put_handoff", handoff: adoptedHandoff(doc, from, to) }) },
        { label: "Waive", asks: "Why is this acceptable?", run: (reason) => void store.edit(waiverEdit(f, reason)) },
      ];
    }
    setLens(lens);
  }, [replay, doc, setLens, store, readOnly]);

  // An edit (adopting, waiving, mapping, or any other) changes the map: replay again.
  const firstDoc = useRef(doc);
  useEffect(() => {
    if (doc === firstDoc.current) return;
    firstDoc.current = doc;
    if (replayed.current) void run(replayed.current);
  }, [doc, run]);

  const startImport = async () => {
    setError(null);
    try {
      const path = await backend.chooseLogPath();
      if (!path) return;
      setImporting({ path, preview: await backend.previewLog(path), error: null });
    } catch (e) {
      fail(e);
    }
  };

  const finishImport = async (name: string, columns: LogColumns | null, skipBadRows: boolean) => {
    if (!importing) return;
    setBusy(true);
    try {
      const done = await backend.importLog(slug, importing.path, name, columns, skipBadRows);
      setImporting(null);
      await refreshLogs();
      setSelected(done.info.name);
      setBusy(false);
      await run(done.info.name);
    } catch (e) {
      setImporting({ ...importing, error: toBackendError(e).message });
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!selected) return;
    try {
      await backend.deleteLog(slug, selected);
      if (replayed.current === selected) {
        replayed.current = null;
        setReplay(null);
        setLens(null);
      }
      await refreshLogs();
    } catch (e) {
      fail(e);
    }
  };

  const adopt = (f: Finding) => {
    if (!doc) return;
    const [from, to] = f.key.split(">");
    if (!from || !to) return;
    void store.edit({ type: "put_handoff", handoff: adoptedHandoff(doc, from, to) });
  };

  const waive = (f: Finding, reason: string, review: string | null = null) => void store.edit(waiverEdit(f, reason, review));
  const unwaive = (f: Finding) => void store.edit({ type: "delete_waiver", code: f.code, subject: f.key });

  const saveMappings = async (mappings: ActivityToElement[]) => {
    try {
      const edit = await backend.aliasEdit(slug, mappings);
      // The edit replays the log through the map's change; with nothing new, replay by hand.
      if (edit) await store.edit(edit);
      else if (replayed.current) await run(replayed.current);
    } catch (e) {
      fail(e);
    }
  };

  const names = useMemo(() => (doc ? namesOf(doc) : null), [doc]);
  if (!doc || !names) return null;
  const findings = replay?.report.findings ?? [];
  const shadows = findings.filter((f) => f.code === "shadow-handoff");
  const elementName = (id: string) => doc.elements.find((e) => e.id === id)?.name ?? id;

  return (
    <main className="reality-view" data-testid="reality-view" aria-labelledby="reality-title">
      <header className="reality-head">
        <h2 id="reality-title">Reality check</h2>
        <p className="muted">
          Replay an event log exported from your CRM, ticketing or analytics against this map: what really happens, next to what is drawn.
        </p>
        <div className="reality-controls">
          <label className="field inline">
            <span>Log</span>
            <select data-testid="log-select" value={selected} onChange={(e) => setSelected(e.target.value)} disabled={logs.length === 0}>
              {logs.length === 0 && <option value="">No logs yet</option>}
              {logs.map((l) => (
                <option key={l.name} value={l.name}>
                  {l.name} ({l.events} events, imported {l.at.slice(0, 10)})
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="primary"
            data-testid="log-replay"
            disabled={!selected || busy}
            onClick={() => void run(selected)}
          >
            {busy ? "Replaying…" : "Replay"}
          </button>
          <Editable>
            <button type="button" data-testid="log-import" onClick={() => void startImport()}>
              Import a log…
            </button>
            <button type="button" data-testid="log-delete" disabled={!selected} onClick={() => void remove()}>
              Delete log
            </button>
          </Editable>
        </div>
      </header>
      {error && (
        <p className="form-error" role="alert" data-testid="reality-error">
          {error}
        </p>
      )}
      {!replay && logs.length === 0 && (
        <p className="muted" data-testid="reality-empty">
          No event logs are stored for this workspace yet. Import a CSV or XES export with a case, an activity and a time per row.
        </p>
      )}
      {replay && (
        <>
          <section className="reality-figures" aria-label="Figures" data-testid="reality-figures">
            <div>
              <strong data-testid="reality-fitness">{formatFitness(replay.fitness)}</strong>
              <span className="muted">fitness: transitions along a drawn handoff</span>
            </div>
            <div>
              <strong>{replay.cases}</strong>
              <span className="muted">cases</span>
            </div>
            <div>
              <strong>{replay.events}</strong>
              <span className="muted">events</span>
            </div>
            <div>
              <strong>{replay.transitions}</strong>
              <span className="muted">transitions</span>
            </div>
            <a href="#graph" className="button" data-testid="reality-show-graph">
              Show on the graph
            </a>
          </section>
          {replay.notes.map((n) => (
            <p key={n} className="muted note">
              {n}
            </p>
          ))}
          <section className="reality-section" aria-labelledby="shadow-title">
            <h3 id="shadow-title">Shadow handoffs</h3>
            {shadows.length === 0 ? (
              <p className="muted" data-testid="no-shadows">
                Every frequent step of the log follows a drawn handoff.
              </p>
            ) : (
              <ul className="shadow-list">
                {shadows.map((f) => {
                  const [from = "", to = ""] = f.key.split(">");
                  const pair = replay.pairs.find((p) => p.from === from && p.to === to);
                  return (
                    <li key={f.key} data-testid="shadow-handoff" data-key={f.key} data-waived={f.waived ? "true" : "false"}>
                      <span className="shadow-name">
                        {elementName(from)} → {elementName(to)}
                      </span>
                      <span className="muted">
                        {pair ? `${pair.cases} cases, p90 ${formatHours(pair.p90_hours)}` : ""}
                        {f.waived ? " · waived" : ""}
                      </span>
                      <Editable>
                        <button type="button" data-testid="shadow-adopt" onClick={() => adopt(f)}>
                          Add to map
                        </button>
                      </Editable>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <Editable>
            <UnmappedActivities doc={doc} unmapped={replay.unmapped} busy={busy} onSave={(m) => void saveMappings(m)} />
          </Editable>
          <section className="reality-section" aria-labelledby="reality-findings-title">
            <h3 id="reality-findings-title">Findings</h3>
            {findings.length === 0 ? (
              <p className="muted" data-testid="reality-no-findings">
                The log shows nothing the map does not.
              </p>
            ) : (
              <ul className="findings">
                {findings.map((f) => (
                  <FindingItem
                    key={`${f.code} ${f.key}`}
                    finding={f}
                    names={names}
                    selected={focus === `${f.code} ${f.key}`}
                    onSelect={(x) => setFocus(`${x.code} ${x.key}`)}
                    onWaive={waive}
                    onUnwaive={unwaive}
                  >
                    <ExampleCases
                      cases={replay.examples.find((e) => e.code === f.code && e.key === f.key)?.cases ?? []}
                      elementName={elementName}
                    />
                  </FindingItem>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      {importing && (
        <ImportLogDialog
          path={importing.path}
          preview={importing.preview}
          taken={logs.map((l) => l.name)}
          busy={busy}
          error={importing.error}
          onImport={(n, c, s) => void finishImport(n, c, s)}
          onClose={() => setImporting(null)}
        />
      )}
    </main>
  );
}
