import {
  DndContext,
  PointerSensor,
  closestCenter,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { SortableContext, horizontalListSortingStrategy } from "@dnd-kit/sortable";
import { useMemo, useRef, useState } from "react";
import type { Element } from "../backend";
import { Inspector } from "../inspector/Inspector";
import { connectionsOf } from "../model/connections";
import { useUi, useWorkspaceStore } from "../store/context";
import type { Relation } from "./Card";
import { ArcScale, EmotionArc } from "./EmotionArc";
import { Lane, type DropTarget } from "./Lane";
import { MomentsRow } from "./MomentsRow";
import { moveCard } from "./moveCard";
import { StageHeader } from "./StageHeader";
import { AddStage } from "./AddStage";
import { Toolbar } from "./Toolbar";
import { VisionBanner } from "./VisionBanner";

const byType: CollisionDetection = (args) => {
  const type = args.active.data.current?.type;
  const containers = args.droppableContainers.filter((c) => (type === "stage" ? c.data.current?.type === "stage" : c.data.current?.type === "lane"));
  return type === "stage" ? closestCenter({ ...args, droppableContainers: containers }) : pointerWithin({ ...args, droppableContainers: containers });
};

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
  const [draggingCard, setDraggingCard] = useState(false);
  const grabbed = useRef<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const doc = current.doc;
  const stages = doc.stages;
  const n = stages.length;

  const conn = useMemo(() => (selected ? connectionsOf(doc, selected) : null), [doc, selected]);
  const relationOf = (id: string): Relation =>
    !conn ? "none" : id === selected ? "selected" : conn.elements.has(id) ? "related" : "dimmed";
  const kinds = (...k: Element["kind"][]) => doc.elements.filter((e) => k.includes(e.kind));
  const unplaced = draggingCard || doc.elements.some((e) => e.kind === "touchpoint" && !(e.stages ?? []).some((s) => stages.some((st) => st.id === s)));
  const tracks = `repeat(${Math.max(n, 1)}, minmax(var(--col-min), 1fr))${unplaced ? " var(--unplaced-w)" : ""}`;
  const element = selected ? doc.elements.find((e) => e.id === selected) ?? null : null;
  const select = (id: string) => store.selectElement(id === selected ? null : id);
  const lane = { stages, unplaced, relationOf, onSelect: select };

  const onDragStart = (e: DragStartEvent) => {
    if (e.active.data.current?.type !== "card") return;
    setDraggingCard(true);
    const run = e.active.data.current.run as string[];
    const rect = e.active.rect.current.initial;
    const pointer = e.activatorEvent as PointerEvent;
    if (run.length > 1 && rect && typeof pointer.clientX === "number") {
      const at = Math.floor(((pointer.clientX - rect.left) / rect.width) * run.length);
      grabbed.current = run[Math.max(0, Math.min(run.length - 1, at))];
    } else grabbed.current = run[0] ?? null;
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDraggingCard(false);
    if (!over) return;
    const data = active.data.current;
    if (data?.type === "stage" && active.id !== over.id) {
      const index = stages.findIndex((s) => s.id === over.id);
      if (index >= 0) void store.edit({ type: "move_stage", id: String(active.id), index });
    } else if (data?.type === "card") {
      const el = doc.elements.find((x) => x.id === data.elementId);
      const next = el && moveCard(el, data.run as string[], grabbed.current, over.data.current as DropTarget, stages);
      if (next) void store.edit({ type: "put_element", element: next });
    }
  };

  const channels = groupByChannel(kinds("touchpoint"));
  const actors = kinds("team", "person", "partner");
  const stageName = stages.find((s) => s.id === selectedStage)?.name ?? null;

  return (
    <div className="stack-page">
      <main className="stack-main" aria-label="Coherence Stack">
        <Toolbar stageName={stageName} hasStages={n > 0} />
        <VisionBanner info={doc.workspace} />
        <div className="board-scroll">
          <div className="board" style={{ ["--tracks" as string]: tracks, ["--n" as string]: n }}>
            {n === 0 ? (
              <div className="board-empty">
                <h2>Lay out the customer's story</h2>
                <p>Stages are the milestones between where the customer starts and the vision above. Add them in order; you can drag them around later.</p>
                <AddStage large />
              </div>
            ) : (
              <DndContext sensors={sensors} collisionDetection={byType} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDraggingCard(false)}>
                <div className="lane stage-row layer-narrative">
                  <div className="lane-label"><span className="lane-title">Stages</span><span className="lane-subtitle">Narrative</span></div>
                  <div className="lane-body">
                    <div className="tracks">
                      <SortableContext items={stages.map((s) => s.id)} strategy={horizontalListSortingStrategy}>
                        {stages.map((s, i) => (
                          <StageHeader key={s.id} stage={s} index={i} count={n} selected={s.id === selectedStage} highlighted={!!conn?.stages.has(s.id)} />
                        ))}
                      </SortableContext>
                      {unplaced && <div className="stage-head is-unplaced"><div className="stage-step">Not placed</div><h3 className="stage-name">No stage</h3></div>}
                    </div>
                  </div>
                </div>
                <div className="lane arc-row layer-narrative">
                  <div className="lane-label"><span className="lane-title">Emotional arc</span><ArcScale /></div>
                  <div className="lane-body"><div className="tracks"><EmotionArc stages={stages} highlighted={conn?.stages ?? new Set()} /></div></div>
                </div>
                <MomentsRow stages={stages} unplaced={unplaced} />
                <Lane laneKey="systems" layer="system" title="Systems" subtitle="Data · measurement · governance" elements={kinds("system")} {...lane}
                  empty="No systems yet: the profile, analytics and governance that make the story real." />
                <Lane laneKey="rules" layer="system" title="Rules" subtitle="Suppression · priority" elements={kinds("rule")} {...lane}
                  empty="No shared rules yet: who may contact the customer, and which channel wins." />
                {channels.length === 0 ? (
                  <Lane laneKey="touchpoints" layer="touchpoint" title="Touchpoints" elements={[]} {...lane}
                    empty={<>No touchpoints yet. Add one with <kbd>Ctrl+N</kbd> or “+ Touchpoint”.</>} />
                ) : (
                  channels.map(([channel, items]) => (
                    <Lane key={channel ?? "-"} laneKey={`touchpoints-${channel ?? "none"}`} layer="touchpoint" title="Touchpoints"
                      subtitle={channel ?? "No channel"} channel={channel} elements={items} {...lane} />
                  ))
                )}
                {actors.length > 0 && (
                  <Lane laneKey="actors" layer="narrative" title="Teams & partners" elements={actors} {...lane} />
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
          onChange={(edit) => void store.edit(edit)}
          onClose={() => store.selectElement(null)}
        />
      )}
    </div>
  );
}
