import { useState } from "react";
import type { Metric } from "../backend";
import { toBackendError } from "../backend";
import { useSetLens } from "../lens/LensContext";
import { ConfirmDialog } from "../shell/ConfirmDialog";
import { useUi, useWorkspaceStore } from "../store/context";
import { seriesOf, scopeText } from "./format";
import { ImportReadings } from "./ImportReadings";
import { MetricEditor } from "./MetricEditor";
import { MetricLanes } from "./MetricLanes";
import { MonitorArc } from "./MonitorArc";
import { MonitorFindings } from "./MonitorFindings";
import { monitorLens } from "./monitorLens";
import { ReadingsGrid } from "./ReadingsGrid";
import { ReviewLog } from "./ReviewLog";
import { Editable } from "../store/readOnly";
import { useMonitorReport } from "./useMonitorReport";
import "./monitor.css";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Monitor step: metric lanes under the stages, the promised and the measured arc, what
 * drifted and why, the metric editor with its readings, and the review log. Every figure and
 * finding comes from the monitor library (`monitorReport`); edits go through the store.
 */
export function MonitorView() {
  const store = useWorkspaceStore();
  const current = useUi((s) => s.current)!;
  const setLens = useSetLens();
  const doc = current.doc;
  const slug = current.summary.slug;
  const [asOfText, setAsOfText] = useState("");
  const asOf = DATE.test(asOfText) ? asOfText : null;
  const { report, error, loading } = useMonitorReport(slug, asOf, current.revision);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [focusStage, setFocusStage] = useState<string | null>(null);
  const [importing, setImporting] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<Metric | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const metrics = doc.metrics ?? [];
  const metric = metrics.find((m) => m.id === selected) ?? null;

  const select = (id: string) => {
    setCreating(false);
    setSelected(id);
    window.setTimeout(() => document.getElementById("mo-metric-panel")?.scrollIntoView?.({ block: "nearest" }), 0);
  };
  const focus = (id: string) => {
    setFocusStage(id);
    document.getElementById(`mo-stage-${id}`)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  };
  const chooseImport = async () => {
    setMessage(null);
    try {
      const path = await store.backend.chooseReadingsFile();
      if (path) setImporting(path);
    } catch (e) {
      setMessage(toBackendError(e).message);
    }
  };
  const exportReadings = async () => {
    setMessage(null);
    try {
      const path = await store.backend.chooseReadingsExportPath(`${slug}-readings.csv`);
      if (!path) return;
      const n = await store.backend.exportReadings(slug, path);
      setMessage(`Exported ${n} readings to ${path}.`);
    } catch (e) {
      setMessage(toBackendError(e).message);
    }
  };
  const save = async (m: Metric) => {
    const ok = await store.edit({ type: "put_metric", metric: m });
    if (ok) {
      setCreating(false);
      setSelected(m.id);
    }
  };

  const toolbar = (
    <div className="mo-toolbar">
      <h1>Monitor</h1>
      <label className="mo-asof">
        As of
        <input
          data-testid="monitor-as-of"
          value={asOfText}
          placeholder={report?.as_of ?? "YYYY-MM-DD"}
          onChange={(e) => setAsOfText(e.target.value)}
          aria-describedby="mo-asof-hint"
        />
        <span id="mo-asof-hint" className="muted small">
          {asOfText && !asOf ? "write YYYY-MM-DD" : asOf ? "" : "the newest reading"}
        </span>
      </label>
      <span className="grow" />
      {/* A snapshot shown: figures only; no metric, reading or review is added, imported or written out. */}
      <Editable>
        <button
          type="button"
          data-testid="metric-add"
          onClick={() => {
            setSelected(null);
            setCreating(true);
          }}
        >
          + Add a metric
        </button>
        <button
          type="button"
          data-testid="readings-import"
          onClick={() => void chooseImport()}
          disabled={metrics.length === 0}
          title={metrics.length === 0 ? "Add a metric first" : undefined}
        >
          Import readings…
        </button>
        <button
          type="button"
          data-testid="readings-export"
          onClick={() => void exportReadings()}
          disabled={(doc.readings ?? []).length === 0}
        >
          Export readings…
        </button>
      </Editable>
      <button
        type="button"
        className="primary"
        data-testid="monitor-show-on-stack"
        disabled={!report}
        onClick={() => {
          if (!report) return;
          // A report still being asked again is older than the document: the follower redoes it.
          setLens(monitorLens(report, doc, { slug, revision: loading ? -1 : current.revision, asOf }));
          window.location.hash = "#stack";
        }}
      >
        Show on the stack
      </button>
    </div>
  );

  const editor = (creating || metric) && (
    <section className="mo-panel" id="mo-metric-panel" aria-label="Metric" data-testid="metric-panel">
      <div className="mo-section-head">
        <h2>{metric ? metric.name : "New metric"}</h2>
        {metric && <span className="muted">{scopeText(doc, metric.scope)}</span>}
      </div>
      <Editable>
        <MetricEditor
          key={metric?.id ?? "new"}
          doc={doc}
          metric={creating ? null : metric}
          onSave={(m) => void save(m)}
          onDelete={metric && !creating ? () => setConfirmDelete(metric) : undefined}
          onCancel={() => {
            setCreating(false);
            setSelected(null);
          }}
        />
        {metric && !creating && (
          <>
            <h3>Readings</h3>
            <ReadingsGrid metric={metric} readings={seriesOf(doc, metric.id, null)} onEdit={(e) => void store.edit(e)} />
          </>
        )}
      </Editable>
    </section>
  );

  return (
    <div className="monitor-page" data-testid="monitor-view">
      {toolbar}
      {message && (
        <p className="mo-message" role="status" data-testid="monitor-message">
          {message}
        </p>
      )}
      {error && (
        <p className="field-problem" role="alert" data-testid="monitor-error">
          {error}
        </p>
      )}
      {metrics.length === 0 && !creating ? (
        <div className="mo-empty" data-testid="monitor-empty">
          <h2>No metrics yet — add the first one</h2>
          <p>
            Monitor holds the journey you measure against the journey you promised. Start with one <strong>sentiment</strong> metric for a
            stage or a touchpoint (how customers feel there, e.g. on 1 to 5), give it a target and an owner, then record its readings each
            month or import them from a spreadsheet (columns metric, date, value and n).
          </p>
          <p>
            Add a leading indicator (completion, narrative recall) and a lagging one (NPS, churn, support contacts) for the whole journey
            next.
          </p>
          <Editable>
            <button type="button" className="primary large" data-testid="monitor-empty-add" onClick={() => setCreating(true)}>
              + Add a metric
            </button>
          </Editable>
        </div>
      ) : (
        <>
          {editor}
          {report && <MonitorArc stages={report.stages} focusStage={focusStage} onStage={focus} />}
          <MetricLanes doc={doc} report={report} selected={selected} focusStage={focusStage} onSelect={select} />
          {report && <MonitorFindings findings={report.report.findings} onMetric={select} onStage={focus} />}
        </>
      )}
      <Editable>
        <ReviewLog doc={doc} findings={report?.report.findings ?? []} />
      </Editable>
      {importing && (
        <ImportReadings
          path={importing}
          onClose={() => setImporting(null)}
          onDone={(m) => {
            setImporting(null);
            setMessage(m);
          }}
        />
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete the metric “${confirmDelete.name}”?`}
          confirmLabel="Delete metric"
          onConfirm={() => {
            setSelected(null);
            void store.edit({ type: "delete_metric", id: confirmDelete.id });
          }}
          onClose={() => setConfirmDelete(null)}
        >
          <p>Its {seriesOf(doc, confirmDelete.id, null).length} readings go with it. You can undo this.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
