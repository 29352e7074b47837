import { useEffect, useMemo, useState } from "react";
import type { BatchSummary, SnapshotInfo } from "../backend";
import { toBackendError } from "../backend";
import { useUi, useWorkspaceStore } from "../store/context";
import { SOURCE_LABEL, shortTime } from "./format";
import { SnapshotIcon } from "./SnapshotIcon";

/** How many change batches the timeline reads. */
const LIMIT = 500;

export interface TimelineFilter {
  who: string;
  /** Part of an item's id or name. */
  item: string;
  /** YYYY-MM-DD, inclusive; empty: no bound. */
  since: string;
  until: string;
}

export const NO_FILTER: TimelineFilter = { who: "", item: "", since: "", until: "" };

type Row = { kind: "batch"; at: string; batch: BatchSummary } | { kind: "snapshot"; at: string; snapshot: SnapshotInfo };

/** The rows the filter keeps, newest first: change batches and, unless filtering by item, snapshots. */
export function timelineRows(batches: BatchSummary[], snapshots: SnapshotInfo[], f: TimelineFilter): Row[] {
  const day = (at: string) => at.slice(0, 10);
  const inDates = (at: string) => (!f.since || day(at) >= f.since) && (!f.until || day(at) <= f.until);
  const needle = f.item.trim().toLowerCase();
  const rows: Row[] = [
    ...batches
      .filter((b) => (!f.who || b.who === f.who) && inDates(b.at))
      .filter((b) => !needle || b.items.some((i) => i.id.toLowerCase().includes(needle) || i.name.toLowerCase().includes(needle)))
      .map((batch) => ({ kind: "batch" as const, at: batch.at, batch })),
    ...snapshots
      .filter((s) => !needle && (!f.who || s.who === f.who) && inDates(s.at))
      .map((snapshot) => ({ kind: "snapshot" as const, at: snapshot.at, snapshot })),
  ];
  return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

interface Props {
  slug: string;
  snapshots: SnapshotInfo[];
  onCompare: (label: string) => void;
  /** Compares the workspace as it was right after the change batch `id` with now. */
  onCompareBatch: (id: number) => void;
  filter: TimelineFilter;
  onFilter: (f: TimelineFilter) => void;
}

/** The change batches of the workspace with its snapshots marked; filter by person, item and date. */
export function Timeline({ slug, snapshots, onCompare, onCompareBatch, filter, onFilter }: Props) {
  const store = useWorkspaceStore();
  const revision = useUi((s) => s.current?.revision ?? 0);
  const [batches, setBatches] = useState<BatchSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: every saved change moves the revision, the reason to read again
  useEffect(() => {
    let live = true;
    store.backend.workspaceTimeline(slug, LIMIT).then(
      (b) => {
        if (!live) return;
        setBatches(b);
        setError(null);
      },
      (e) => {
        if (live) setError(toBackendError(e).message);
      },
    );
    return () => {
      live = false;
    };
  }, [store, slug, revision]);
  const people = useMemo(() => [...new Set([...batches.map((b) => b.who), ...snapshots.map((s) => s.who)])].sort(), [batches, snapshots]);
  const rows = timelineRows(batches, snapshots, filter);
  const set = (patch: Partial<TimelineFilter>) => onFilter({ ...filter, ...patch });

  return (
    <section className="versions-panel" aria-labelledby="timeline-title" data-testid="timeline">
      <header className="versions-panel-head">
        <h2 id="timeline-title">Timeline</h2>
      </header>
      <div className="timeline-filter">
        <label className="field">
          <span>Person</span>
          <select data-testid="timeline-who" value={filter.who} onChange={(e) => set({ who: e.target.value })}>
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Item</span>
          <input data-testid="timeline-item" value={filter.item} placeholder="id or name" onChange={(e) => set({ item: e.target.value })} />
        </label>
        <label className="field">
          <span>From</span>
          <input type="date" data-testid="timeline-since" value={filter.since} onChange={(e) => set({ since: e.target.value })} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" data-testid="timeline-until" value={filter.until} onChange={(e) => set({ until: e.target.value })} />
        </label>
      </div>
      {error && <p className="field-problem">{error}</p>}
      {rows.length === 0 ? (
        <p className="muted small">Nothing in the timeline matches.</p>
      ) : (
        <ol className="timeline-list">
          {rows.map((r) =>
            r.kind === "snapshot" ? (
              <li key={`s:${r.snapshot.label}`} className="timeline-row is-snapshot" data-testid="timeline-snapshot">
                <span className="timeline-dot">
                  <SnapshotIcon />
                </span>
                <div className="grow">
                  <strong>Snapshot “{r.snapshot.label}”</strong>
                  <div className="muted small">
                    {shortTime(r.at)} · {r.snapshot.who}
                  </div>
                </div>
                <button
                  type="button"
                  data-testid="timeline-snapshot-open"
                  onClick={() => void store.viewSnapshot(r.snapshot.label)}
                  title="Look at the workspace as it was then, read-only"
                >
                  Open
                </button>
                <button type="button" onClick={() => onCompare(r.snapshot.label)}>
                  Compare with now
                </button>
              </li>
            ) : (
              <li key={`b:${r.batch.id}`} className={`timeline-row state-${r.batch.state}`} data-testid="timeline-batch">
                <span className="timeline-dot" aria-hidden="true">
                  •
                </span>
                <div className="grow">
                  <span className="timeline-label">{r.batch.label}</span>
                  {r.batch.state === "undone" && <span className="muted small"> (undone)</span>}
                  <div className="muted small">
                    {shortTime(r.at)} · {r.batch.who} · {SOURCE_LABEL[r.batch.source]}
                  </div>
                  <div className="timeline-items small">
                    {r.batch.items.slice(0, 6).map((i) => (
                      <button
                        key={`${i.kind}:${i.id}`}
                        type="button"
                        className="link"
                        onClick={() => set({ item: i.id })}
                        title={`Only changes to ${i.id}`}
                      >
                        {i.name || i.id}
                      </button>
                    ))}
                    {r.batch.items.length > 6 && <span className="muted"> and {r.batch.items.length - 6} more</span>}
                  </div>
                </div>
                <button
                  type="button"
                  onClick={() => onCompareBatch(r.batch.id)}
                  data-testid="timeline-compare-batch"
                  title="Compare the workspace as it was right after this change with now"
                >
                  Compare with now
                </button>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
