import { useState } from "react";
import type { SnapshotInfo, VersionRef } from "../backend";
import { useLens } from "../lens/LensContext";
import { useUi, useWorkspaceStore } from "../store/context";
import { ChangeList } from "./ChangeList";
import { useCompare } from "./compareSession";
import { FindingsDelta, ReadinessDeltaPanel } from "./DeltaPanels";
import { versionName } from "./format";

function encode(v: VersionRef): string {
  if (v.kind === "snapshot") return `snapshot:${v.label}`;
  if (v.kind === "file") return `file:${v.path}`;
  if (v.kind === "batch") return `batch:${v.id}`;
  return "current";
}

function decode(value: string): VersionRef {
  if (value.startsWith("batch:")) return { kind: "batch", id: Number(value.slice("batch:".length)) };
  if (value.startsWith("snapshot:")) return { kind: "snapshot", label: value.slice("snapshot:".length) };
  if (value.startsWith("file:")) return { kind: "file", path: value.slice("file:".length) };
  return { kind: "current" };
}

interface PickerProps {
  label: string;
  testId: string;
  value: VersionRef;
  snapshots: SnapshotInfo[];
  onChange: (v: VersionRef) => void;
}

/** One side of the comparison: now, a snapshot, or a file chosen with the system's dialog. */
function StatePicker({ label, testId, value, snapshots, onChange }: PickerProps) {
  const store = useWorkspaceStore();
  const options: VersionRef[] = [{ kind: "current" }, ...snapshots.map((s) => ({ kind: "snapshot" as const, label: s.label }))];
  if (value.kind === "file" || value.kind === "batch") options.push(value);
  return (
    <label className="field">
      <span>{label}</span>
      <select
        data-testid={testId}
        value={encode(value)}
        onChange={async (e) => {
          if (e.target.value !== "choose-file") {
            onChange(decode(e.target.value));
            return;
          }
          const path = await store.backend.chooseImportPath();
          if (path) onChange({ kind: "file", path });
        }}
      >
        {options.map((o) => (
          <option key={encode(o)} value={encode(o)}>
            {o.kind === "current" ? "Now (the workspace as it is)" : versionName(o)}
          </option>
        ))}
        <option value="choose-file">A file…</option>
      </select>
    </label>
  );
}

/** Pick two states and see what changed: the list by layer, findings resolved and introduced, readiness. */
export function ComparePanel({ snapshots }: { snapshots: SnapshotInfo[] }) {
  const { session, run, clear } = useCompare();
  const lens = useLens();
  const revision = useUi((s) => s.current?.revision ?? 0);
  // While a snapshot is shown, "what changed since it" is the likely question.
  const viewing = useUi((s) => s.viewing?.label ?? null);
  const newest = viewing ?? snapshots[0]?.label ?? null;
  const [from, setFrom] = useState<VersionRef>(
    session?.from ?? (newest !== null ? { kind: "snapshot", label: newest } : { kind: "current" }),
  );
  const [to, setTo] = useState<VersionRef>(session?.to ?? { kind: "current" });
  const effectiveFrom =
    from.kind === "current" && to.kind === "current" && newest !== null ? { kind: "snapshot" as const, label: newest } : from;
  const comparison = session?.comparison ?? null;
  const stale = session !== null && session.revision !== revision && (session.from.kind === "current" || session.to.kind === "current");
  const changes = comparison?.changes ?? [];
  const count = (k: string) => changes.filter((c) => c.change === k).length;

  return (
    <section className="versions-panel versions-compare" aria-labelledby="compare-title" data-testid="compare-panel">
      <header className="versions-panel-head">
        <h2 id="compare-title">Compare</h2>
      </header>
      <div className="compare-pickers">
        <StatePicker label="Older state" testId="compare-from" value={effectiveFrom} snapshots={snapshots} onChange={setFrom} />
        <span className="compare-arrow" aria-hidden="true">
          →
        </span>
        <StatePicker label="Newer state" testId="compare-to" value={to} snapshots={snapshots} onChange={setTo} />
        <button
          type="button"
          className="primary"
          data-testid="compare-run"
          disabled={session?.busy}
          onClick={() => void run(effectiveFrom, to)}
        >
          Compare
        </button>
        {session && (
          <button type="button" onClick={clear} data-testid="compare-clear">
            Clear
          </button>
        )}
      </div>
      {session?.error && (
        <p className="field-problem" role="alert">
          {session.error}
        </p>
      )}
      {comparison && (
        <div className="compare-result" data-testid="compare-result">
          <p className="compare-summary" data-testid="compare-summary">
            <strong>
              {comparison.from} → {comparison.to}
            </strong>
            {": "}
            {changes.length === 0
              ? "no change."
              : `${changes.length} ${changes.length === 1 ? "change" : "changes"}: ${count("added")} added, ${count("changed")} changed, ${count("moved")} moved, ${count("removed")} removed.`}
          </p>
          {stale && (
            <p className="versions-message" role="status">
              The workspace changed since this comparison.{" "}
              <button type="button" className="link" onClick={() => void run(session.from, session.to)}>
                Compare again
              </button>
            </p>
          )}
          {session?.to.kind === "current" ? (
            lens?.kind === "compare" ? (
              <p className="muted small">
                The changes are marked on the <a href="#stack">Coherence Stack</a> and the <a href="#graph">Handoff graph</a>; removed cards
                show faded.
              </p>
            ) : null
          ) : (
            <p className="muted small">
              The stack and the graph show the workspace as it is now, so they are marked only when the newer state is “Now”.
            </p>
          )}
          <div className="compare-columns">
            <ChangeList changes={changes} selectable={session?.to.kind === "current"} />
            <div className="compare-side">
              <FindingsDelta comparison={comparison} />
              <ReadinessDeltaPanel comparison={comparison} />
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
