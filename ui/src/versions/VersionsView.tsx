import { useState } from "react";
import "./versions.css";
import { useUi } from "../store/context";
import { ComparePanel } from "./ComparePanel";
import { useCompare } from "./compareSession";
import { ItemHistoryList } from "./ItemHistory";
import { SnapshotsPanel } from "./SnapshotsPanel";
import { NO_FILTER, Timeline, type TimelineFilter } from "./Timeline";
import { useSnapshots } from "./useSnapshots";

/** Versions of the workspace: snapshots, the comparison of two states, and the timeline of changes. */
export function VersionsView() {
  const current = useUi((s) => s.current);
  const slug = current?.summary.slug ?? "";
  const { snapshots, error } = useSnapshots(slug);
  const { run } = useCompare();
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const compareWithNow = (label: string) => void run({ kind: "snapshot", label }, { kind: "current" });
  // The item the timeline is narrowed to, when the filter names one exactly: its history, field by field.
  const doc = current?.doc;
  const needle = filter.item.trim();
  const item = doc
    ? (doc.stages.find((s) => s.id === needle) && { kind: "stage" as const, name: doc.stages.find((s) => s.id === needle)?.name }) ||
      (doc.elements.find((e) => e.id === needle) && { kind: "element" as const, name: doc.elements.find((e) => e.id === needle)?.name }) ||
      (doc.handoffs.find((h) => h.id === needle) && { kind: "handoff" as const, name: needle }) ||
      (doc.principles.find((p) => p.id === needle) && { kind: "principle" as const, name: needle })
    : null;

  return (
    <main className="versions-view" data-testid="versions-view">
      <div className="versions-main">
        {/* Remounted per workspace: its pickers start from that workspace's snapshots. */}
        <ComparePanel key={slug} snapshots={snapshots} />
      </div>
      <aside className="versions-side">
        {error && <p className="field-problem">{error}</p>}
        <SnapshotsPanel slug={slug} snapshots={snapshots} onCompare={compareWithNow} />
        {item && (
          <section className="versions-panel" data-testid="versions-item-history">
            <header className="versions-panel-head">
              <h2>History of {item.name ?? needle}</h2>
            </header>
            <ItemHistoryList kind={item.kind} id={needle} />
          </section>
        )}
        <Timeline slug={slug} snapshots={snapshots} onCompare={compareWithNow} filter={filter} onFilter={setFilter} />
      </aside>
    </main>
  );
}
