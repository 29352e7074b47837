import { useState } from "react";
import "./versions.css";
import type { EntityKind, Workspace } from "../backend";
import { useUi, useWorkspaceStore } from "../store/context";
import { Editable, useBaseSlug } from "../store/readOnly";
import { ComparePanel } from "./ComparePanel";
import { MergeDialog } from "./MergeDialog";
import { useCompare } from "./compareSession";
import { ItemHistoryList } from "./ItemHistory";
import { SnapshotsPanel } from "./SnapshotsPanel";
import { NO_FILTER, Timeline, type TimelineFilter } from "./Timeline";
import { useSnapshots } from "./useSnapshots";

/** The stage, card, handoff or principle whose id is `id`, with the name people know it by. */
function itemById(doc: Workspace, id: string): { kind: EntityKind; name: string } | null {
  const stage = doc.stages.find((s) => s.id === id);
  if (stage) return { kind: "stage", name: stage.name };
  const element = doc.elements.find((e) => e.id === id);
  if (element) return { kind: "element", name: element.name };
  if (doc.handoffs.some((h) => h.id === id)) return { kind: "handoff", name: id };
  const principle = doc.principles.find((p) => p.id === id);
  if (principle) return { kind: "principle", name: principle.text };
  return null;
}

/** Versions of the workspace: snapshots, the comparison of two states, and the timeline of changes. */
export function VersionsView() {
  const current = useUi((s) => s.current);
  // Versions belong to the workspace, also while one of its snapshots is shown.
  const slug = useBaseSlug();
  const viewing = useUi((s) => s.viewing?.label ?? null);
  const { snapshots, error } = useSnapshots(slug);
  const store = useWorkspaceStore();
  const { run } = useCompare();
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const [merging, setMerging] = useState<string | null>(null);
  const [mergeMessage, setMergeMessage] = useState<string | null>(null);
  const compareWithNow = (label: string) => void run({ kind: "snapshot", label }, { kind: "current" });
  const compareBatchWithNow = (id: number) => void run({ kind: "batch", id }, { kind: "current" });
  const chooseMergeFile = async () => {
    setMergeMessage(null);
    const path = await store.backend.chooseImportPath();
    if (path) setMerging(path);
  };
  // The item the timeline is narrowed to, when the filter names one exactly: its history, field by field.
  const needle = filter.item.trim();
  const item = current ? itemById(current.doc, needle) : null;

  return (
    <main className="versions-view" data-testid="versions-view">
      <div className="versions-main">
        {/* Remounted per workspace and per snapshot shown: its pickers start from that snapshot, else the newest. */}
        <ComparePanel key={`${slug}@${viewing ?? ""}`} snapshots={snapshots} />
      </div>
      <aside className="versions-side">
        {error && <p className="field-problem">{error}</p>}
        <section className="versions-panel" aria-labelledby="merge-title" data-testid="merge-panel">
          <header className="versions-panel-head">
            <h2 id="merge-title">Merge</h2>
            {/* A merge changes the workspace: not offered while a snapshot is shown. */}
            <Editable>
              <button type="button" onClick={() => void chooseMergeFile()} data-testid="merge-choose">
                Merge a file into this workspace…
              </button>
            </Editable>
          </header>
          <p className="muted small">
            Bring in the changes of a copy edited elsewhere (a <code>.throughline.json</code> file); what both changed differently is yours
            to settle, and the merge is one change that undo takes back.
          </p>
          {mergeMessage && (
            <p className="versions-message" role="status" data-testid="merge-message">
              {mergeMessage}
            </p>
          )}
        </section>
        {merging && <MergeDialog path={merging} snapshots={snapshots} onClose={() => setMerging(null)} onMerged={setMergeMessage} />}
        <SnapshotsPanel slug={slug} snapshots={snapshots} onCompare={compareWithNow} />
        {item && (
          <section className="versions-panel" data-testid="versions-item-history">
            <header className="versions-panel-head">
              <h2>History of {item.name}</h2>
            </header>
            <ItemHistoryList kind={item.kind} id={needle} />
          </section>
        )}
        <Timeline
          slug={slug}
          snapshots={snapshots}
          onCompare={compareWithNow}
          onCompareBatch={compareBatchWithNow}
          filter={filter}
          onFilter={setFilter}
        />
      </aside>
    </main>
  );
}
