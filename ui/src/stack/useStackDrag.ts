import {
  closestCenter,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useRef, useState } from "react";
import type { Workspace } from "../backend";
import { useReadOnly } from "../store/readOnly";
import type { WorkspaceStore } from "../store/workspaceStore";
import type { DropTarget } from "./Lane";
import { moveCard } from "./moveCard";

/** Stages drop only on stages (nearest centre); cards only on lanes (under the pointer). */
const byType: CollisionDetection = (args) => {
  const type = args.active.data.current?.type;
  const containers = args.droppableContainers.filter((c) =>
    type === "stage" ? c.data.current?.type === "stage" : c.data.current?.type === "lane",
  );
  return type === "stage"
    ? closestCenter({ ...args, droppableContainers: containers })
    : pointerWithin({ ...args, droppableContainers: containers });
};

/**
 * Dragging on the stack: a stage header to reorder stages, a card (or the one stage of a
 * card spanning several that was grabbed) to another stage. Each drop is one edit. Nothing
 * can be dragged while a snapshot is shown.
 */
export function useStackDrag(store: WorkspaceStore, doc: Workspace) {
  const [draggingCard, setDraggingCard] = useState(false);
  const grabbed = useRef<string | null>(null);
  const pointer = useSensor(PointerSensor, { activationConstraint: { distance: 6 } });
  // A snapshot shown is read-only: no sensor, so nothing can be picked up.
  const readOnly = useReadOnly();
  const sensors = useSensors(...(readOnly ? [] : [pointer]));
  const stages = doc.stages;

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

  const onDragCancel = () => setDraggingCard(false);

  return { draggingCard, dnd: { sensors, collisionDetection: byType, onDragStart, onDragEnd, onDragCancel } };
}
