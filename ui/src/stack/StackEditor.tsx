import { DndContext } from "@dnd-kit/core";
import { SortableContext, horizontalListSortingStrategy } from "@dnd-kit/sortable";
import { useMemo } from "react";
import type { Element } from "../backend";
import { Inspector } from "../inspector/Inspector";
import { useLensedDoc } from "../lens/LensContext";
import { connectionsOf } from "../model/connections";
import { actorName, actorsOf } from "../model/names";
import { useUi, useWorkspaceStore } from "../store/context";
import type { Relation } from "./Card";
import { ArcScale, EmotionArc } from "./EmotionArc";
import { Lane } from "./Lane";
import { MomentsRow } from "./MomentsRow";
import { GhostStageHeader, StageHeader } from "./StageHeader";
import { AddStage } from "./AddStage";
import { Toolbar } from "./Toolbar";
import { useStackDrag } from "./useStackDrag";
import { VisionBanner } from "./VisionBanner";

function groupByChannel(touchpoints: Element[]): [string | null, Element[]][] {
  const groups = new Map<string | null, Element[]>();
  for (const t of touchpoints) {
    const key = t.channel?.trim() || null;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : 0));
}

/** The Coherence Stack: vision, stages with the emotional arc, and a lane per layer. */
export function StackEditor() {
  const store = useWorkspaceStore();
  const current = useUi((s) => s.current)!;
  const selected = useUi((s) => s.selectedElement);
  const selectedStage = useUi((s) => s.selectedStage);
  const naming = useUi((s) => s.naming);
  const doc = current.doc;
  const { draggingCard, dnd } = useStackDrag(store, doc);
  // What the lens adds (a removed stage or card in Compare) is drawn with the rest, faded.
  const lensed = useLensedDoc(doc);
  const stages = lensed.doc.stages;
  const n = stages.length;

  const conn = useMemo(() => (selected ? connectionsOf(doc, selected) : null), [doc, selected]);
  const relationOf = (id: string): Relation =>
    !conn ? "none" : id === selected ? "selected" : conn.elements.has(id) ? "related" : "dimmed";
  const kinds = (...k: Element["kind"][]) => lensed.doc.elements.filter((e) => k.includes(e.kind));
  const unplaced =
    draggingCard || doc.elements.some((e) => e.kind === "touchpoint" && !(e.stages ?? []).some((s) => stages.some((st) => st.id === s)));
  const tracks = `repeat(${Math.max(n, 1)}, minmax(var(--col-min), 1fr))${unplaced ? " var(--unplaced-w)" : ""}`;
  const element = selected ? (doc.elements.find((e) => e.id === selected) ?? null) : null;
  const select = (id: string) => store.selectElement(id === selected ? null : id);
  const actors = useMemo(() => actorsOf(lensed.doc), [lensed.doc]);
  const teamOf = (e: Element) => actorName(actors, e.team);
  const lane = { stages, unplaced, relationOf, onSelect: select, teamOf, ghosts: lensed.ghosts };

  const channels = groupByChannel(kinds("touchpoint"));
  const actorCards = kinds("team", "person", "partner");
  const stageName = doc.stages.find((s) => s.id === selectedStage)?.name ?? null;

  return (
    <div className="stack-page">
      <main className="stack-main" aria-label="Coherence Stack">
        <Toolbar stageName={stageName} hasStages={doc.stages.length > 0} />
        <VisionBanner info={doc.workspace} />
        <div className="board-scroll">
          <div
            className="board"
            data-testid="board"
            style={{
              ["--tracks" as string]: tracks,
              ["--n" as string]: n,
              ["--cols" as string]: Math.max(n, 1),
              ["--unplaced" as string]: unplaced ? "calc(var(--unplaced-w) + var(--gap))" : "0px",
            }}
          >
            {n === 0 ? (
              <div className="board-empty">
                <h2>Lay out the customer's story</h2>
                <p>
                  Stages are the milestones between where the customer starts and the vision above. Add them in order; you can drag them
                  around later.
                </p>
                <AddStage large />
              </div>
            ) : (
              <DndContext {...dnd}>
                <div className="lane stage-row layer-narrative">
                  <div className="lane-label">
                    <span className="lane-title">Stages</span>
                    <span className="lane-subtitle">Narrative</span>
                  </div>
                  <div className="lane-body">
                    <div className="tracks">
                      <SortableContext items={doc.stages.map((s) => s.id)} strategy={horizontalListSortingStrategy}>
                        {stages.map((s) =>
                          lensed.ghosts.has(s.id) ? (
                            <GhostStageHeader key={s.id} stage={s} />
                          ) : (
                            <StageHeader
                              key={s.id}
                              stage={s}
                              index={doc.stages.indexOf(s)}
                              count={doc.stages.length}
                              selected={s.id === selectedStage}
                              highlighted={!!conn?.stages.has(s.id)}
                            />
                          ),
                        )}
                      </SortableContext>
                      {unplaced && (
                        <div className="stage-head is-unplaced">
                          <div className="stage-step">Not placed</div>
                          <h3 className="stage-name">No stage</h3>
                        </div>
                      )}
                    </div>
                  </div>
                </div>
                <div className="lane arc-row layer-narrative">
                  <div className="lane-label">
                    <span className="lane-title">Emotional arc</span>
                    <ArcScale />
                  </div>
                  <div className="lane-body">
                    <div className="tracks">
                      <EmotionArc stages={stages} highlighted={conn?.stages ?? new Set()} />
                    </div>
                  </div>
                </div>
                <MomentsRow stages={stages} unplaced={unplaced} />
                <Lane
                  laneKey="systems"
                  layer="system"
                  title="Systems"
                  subtitle="Data · measurement · governance"
                  elements={kinds("system")}
                  {...lane}
                  empty="No systems yet: the profile, analytics and governance that make the story real."
                />
                <Lane
                  laneKey="rules"
                  layer="system"
                  title="Rules"
                  subtitle="Suppression · priority"
                  elements={kinds("rule")}
                  {...lane}
                  empty="No shared rules yet: who may contact the customer, and which channel wins."
                />
                {channels.length === 0 ? (
                  <Lane
                    laneKey="touchpoints"
                    layer="touchpoint"
                    title="Touchpoints"
                    elements={[]}
                    {...lane}
                    empty={
                      <>
                        No touchpoints yet. Add one with <kbd>Ctrl+N</kbd> or “+ Touchpoint”.
                      </>
                    }
                  />
                ) : (
                  channels.map(([channel, items]) => (
                    <Lane
                      key={channel ?? "-"}
                      laneKey={`touchpoints-${channel ?? "none"}`}
                      layer="touchpoint"
                      title="Touchpoints"
                      subtitle={channel ?? "No channel"}
                      channel={channel}
                      elements={items}
                      {...lane}
                    />
                  ))
                )}
                {actorCards.length > 0 && (
                  <Lane laneKey="actors" layer="narrative" title="Teams & partners" elements={actorCards} {...lane} />
                )}
              </DndContext>
            )}
          </div>
        </div>
      </main>
      {element && (
        <Inspector
          key={element.id}
          element={element}
          doc={doc}
          focusName={naming}
          onChange={(edit) => void store.edit(edit)}
          onClose={() => store.selectElement(null)}
        />
      )}
    </div>
  );
}
