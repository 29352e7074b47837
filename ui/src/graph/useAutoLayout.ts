import type { Node, XYPosition } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { Workspace } from "../backend";
import { LayoutRunner, NODE_SIZE } from "./layout";
import type { usePositions } from "./usePositions";

interface LayoutStep {
  before: Map<string, XYPosition>;
  after: Map<string, XYPosition>;
  doc: Workspace;
  undone: boolean;
}

/** Above this many elements a first layout is a grid: ELK would keep the window busy too long. */
const AUTO_LAYOUT_LIMIT = 400;

/** What a layout depends on: which elements exist and which handoffs join them (not names or details). */
function structureKey(d: Workspace): string {
  return `${d.elements.map((e) => e.id).join("\u0000")}\u0001${d.handoffs.map((h) => `${h.id}\u0000${h.from}\u0000${h.to}`).join("\u0000")}`;
}

interface Options {
  slug: string;
  docRef: RefObject<Workspace>;
  layout: ReturnType<typeof usePositions>;
  elementCount: number;
  /** The nodes as React Flow measured them. */
  measuredNodes: () => Node[];
  /** Called after a layout was applied. */
  onApplied: () => void;
}

/**
 * Auto-layout: one layout runner (and worker) per open workspace, a layered layout once for a
 * workspace seen for the first time, and a note when a run failed or came back too late.
 */
export function useAutoLayout({ slug, docRef, layout, elementCount, measuredNodes, onApplied }: Options) {
  const runner = useRef<LayoutRunner | null>(null);
  const [laying, setLaying] = useState(false);
  const [layoutNote, setLayoutNote] = useState<string | null>(null);
  // The last layout as one undoable step: the positions before and after, and the document it
  // was made for. Positions are view state, not document edits, so the store's undo history
  // does not hold them; Ctrl+Z takes the layout back while nothing else changed since.
  const [step, setStep] = useState<LayoutStep | null>(null);

  useEffect(() => {
    const r = new LayoutRunner();
    runner.current = r;
    return () => {
      r.dispose();
      if (runner.current === r) runner.current = null;
    };
  }, [slug]);

  /** Arranges the graph; `undoable` (a user's Auto-layout, not the first one) makes it a step Ctrl+Z takes back. */
  const runLayout = useCallback(
    async (undoable = true) => {
      const r = runner.current;
      if (!r || r.busy) return;
      const d = docRef.current;
      const shape = structureKey(d);
      setLaying(true);
      setLayoutNote(null);
      const measured = new Map(measuredNodes().map((n: Node) => [n.id, n.measured]));
      const outcome = await r.start(
        d.elements.map((e) => ({
          id: e.id,
          width: measured.get(e.id)?.width ?? NODE_SIZE.width,
          height: measured.get(e.id)?.height ?? NODE_SIZE.height,
        })),
        d.handoffs.map((h) => ({ id: h.id, source: h.from, target: h.to })),
        { stillValid: () => runner.current === r && structureKey(docRef.current) === shape },
      );
      if (runner.current !== r) return;
      setLaying(r.busy);
      if (outcome.kind === "done") {
        const before = new Map(layout.positions.current);
        layout.replace(outcome.positions);
        setStep(undoable ? { before, after: new Map(layout.positions.current), doc: docRef.current, undone: false } : null);
        requestAnimationFrame(onApplied);
      } else if (outcome.kind === "stale") {
        setLayoutNote("The graph changed while it was being arranged; the layout was not applied. Run Auto-layout again.");
      } else if (outcome.kind === "failed") {
        setLayoutNote(outcome.message);
      }
    },
    [docRef, measuredNodes, layout, onApplied],
  );

  const cancelLayout = useCallback(() => runner.current?.cancel(), []);

  /** Whether Ctrl+Z (`redo`: Ctrl+Shift+Z) now means the last layout: nothing changed since it. */
  const canUndoLayout = useCallback((redo = false) => !!step && step.doc === docRef.current && step.undone === redo, [step, docRef]);
  /** Takes the last layout back (or, `redo`, makes it again): the nodes return where they were. */
  const undoLayout = useCallback(
    (redo = false) => {
      if (!step || step.doc !== docRef.current || step.undone === !redo) return;
      layout.replaceAll(redo ? step.after : step.before);
      setStep({ ...step, undone: !redo });
    },
    [step, docRef, layout],
  );

  const firstLayout = useRef(false);
  useEffect(() => {
    if (!layout.ready || !layout.wasEmpty || firstLayout.current || elementCount === 0) return;
    firstLayout.current = true;
    if (elementCount <= AUTO_LAYOUT_LIMIT) void runLayout(false);
  }, [layout.ready, layout.wasEmpty, elementCount, runLayout]);

  return { laying, layoutNote, runLayout, cancelLayout, canUndoLayout, undoLayout };
}
