import { DndContext } from "@dnd-kit/core";
import { SortableContext, horizontalListSortingStrategy } from "@dnd-kit/sortable";
import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import type { Element } from "../backend";
import { Inspector } from "../inspector/Inspector";
import { useAudit } from "../graph/useAudit";
import { useLensedDoc } from "../lens/LensContext";
import { connectionsOf } from "../model/connections";
import { actorName, actorsOf } from "../model/names";
import { useUi, useWorkspaceStore } from "../store/context";
import { Editable } from "../store/readOnly";
import type { Relation } from "./Card";
import { ArcScale, EmotionArc } from "./EmotionArc";
import { cardMatcher, elementsWithFindings, isFiltering, NO_FILTER, type StackFilter } from "./filter";
import { MomentsRow } from "./MomentsRow";
import type { LaneSpec } from "./rows";
import { StackLanes } from "./StackLanes";
import { StackSearch } from "./StackSearch";
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

/** The stack's lanes, in order: systems, rules, touchpoints by channel, then teams and partners. */
function stackLanes(elements: Element[]): LaneSpec[] {
  const kinds = (...k: Element["kind"][]) => elements.filter((e) => k.includes(e.kind));
  const channels = groupByChannel(kinds("touchpoint"));
  const actorCards = kinds("team", "person", "partner");
  const lanes: LaneSpec[] = [
    {
      laneKey: "systems",
      layer: "system",
      title: "Systems",
      subtitle: "Data · measurement · governance",
      elements: kinds("system"),
      empty: "No systems yet: the profile, analytics and governance that make the story real.",
    },
    {
      laneKey: "rules",
      layer: "system",
      title: "Rules",
      subtitle: "Suppression · priority",
      elements: kinds("rule"),
      empty: "No shared rules yet: who may contact the customer, and which channel wins.",
    },
  ];
  if (channels.length === 0) {
    lanes.push({
      laneKey: "touchpoints",
      layer: "touchpoint",
      title: "Touchpoints",
      elements: [],
      empty: (
        <>
          No touchpoints yet. Add one with <kbd>Ctrl+N</kbd> or “+ Touchpoint”.
        </>
      ),
    });
  }
  for (const [channel, items] of channels) {
    lanes.push({
      laneKey: `touchpoints-${channel ?? "none"}`,
      layer: "touchpoint",
      title: "Touchpoints",
      subtitle: channel ?? "No channel",
      channel,
      elements: items,
    });
  }
  if (actorCards.length > 0) lanes.push({ laneKey: "actors", layer: "narrative", title: "Teams & partners", elements: actorCards });
  return lanes;
}

/** Ctrl+F (Cmd+F) puts the cursor in the stack's search field, its text selected. */
function useFindKey(input: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector("[role=dialog], [role=menu]")) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "f" && input.current) {
        e.preventDefault();
        input.current.focus();
        input.current.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [input]);
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
  const actors = useMemo(() => actorsOf(lensed.doc), [lensed.doc]);
  const teamOf = (e: Element) => actorName(actors, e.team);
  const unplaced =
    draggingCard || doc.elements.some((e) => e.kind === "touchpoint" && !(e.stages ?? []).some((s) => stages.some((st) => st.id === s)));
  const tracks = `repeat(${Math.max(n, 1)}, minmax(var(--col-min), 1fr))${unplaced ? " var(--unplaced-w)" : ""}`;
  const element = selected ? (doc.elements.find((e) => e.id === selected) ?? null) : null;
  const select = (id: string) => store.selectElement(id === selected ? null : id);

  const [filter, setFilter] = useState<StackFilter>(NO_FILTER);
  const search = useRef<HTMLInputElement>(null);
  useFindKey(search);
  // The audit is asked only while "With findings" is on: a large workspace's audit is not free.
  const audit = useAudit(store, current.summary.slug, current.revision, filter.withFindings);
  const flagged = useMemo(() => elementsWithFindings(filter.withFindings ? audit.report : null), [filter.withFindings, audit.report]);
  const lanesAll = useMemo(() => stackLanes(lensed.doc.elements), [lensed.doc.elements]);
  const filtering = isFiltering(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: teamOf reads `actors`, listed
  const { lanes, matches, total, channels, teams } = useMemo(() => {
    const cards = lanesAll.flatMap((l) => l.elements);
    const match = cardMatcher(filter, teamOf, flagged);
    const lanes = filtering
      ? lanesAll.map((l) => ({ ...l, elements: l.elements.filter(match) })).filter((l) => l.elements.length > 0)
      : lanesAll;
    const channels = [...new Set(cards.flatMap((e) => (e.kind === "touchpoint" && e.channel?.trim() ? [e.channel.trim()] : [])))].sort();
    const teams = [...new Set(cards.flatMap((e) => teamOf(e) ?? []))].sort((a, b) => a.localeCompare(b));
    return { lanes, matches: lanes.reduce((k, l) => k + l.elements.length, 0), total: cards.length, channels, teams };
  }, [lanesAll, filter, flagged, actors, filtering]);
  const lane = { stages, unplaced, relationOf, onSelect: select, teamOf, ghosts: lensed.ghosts };
  const scroll = useRef<HTMLDivElement>(null);

  const stageName = doc.stages.find((s) => s.id === selectedStage)?.name ?? null;

  return (
    <div className="stack-page">
      <main className="stack-main" aria-label="Coherence Stack">
        <div className="stack-bar">
          <Editable>
            <Toolbar stageName={stageName} hasStages={doc.stages.length > 0} />
          </Editable>
          {n > 0 && (
            <StackSearch
              filter={filter}
              onChange={setFilter}
              channels={channels}
              teams={teams}
              matches={matches}
              total={total}
              checking={filter.withFindings && audit.report === null}
              inputRef={search}
            />
          )}
        </div>
        <VisionBanner info={doc.workspace} />
        <div className="board-scroll" ref={scroll}>
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
                <Editable>
                  <AddStage large />
                </Editable>
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
                      <Editable>
                        <EmotionArc stages={stages} highlighted={conn?.stages ?? new Set()} />
                      </Editable>
                    </div>
                  </div>
                </div>
                <MomentsRow stages={stages} unplaced={unplaced} />
                {filtering && lanes.length === 0 ? (
                  <p className="stack-no-match" data-testid="stack-no-match">
                    No card matches. <kbd>Escape</kbd> in the search field shows them all again.
                  </p>
                ) : (
                  <StackLanes lanes={lanes} scrollRef={scroll} selected={selected} {...lane} />
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
