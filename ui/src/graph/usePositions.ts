import type { XYPosition } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { toBackendError, type Backend } from "../backend";
import { useReadOnly } from "../store/readOnly";

const SAVE_DELAY_MS = 600;

/**
 * Node positions: view state kept in a ref (dragging never re-renders the view through it),
 * loaded per workspace and saved a moment after the last change. `version` moves when the
 * positions were replaced wholesale (loaded, laid out), so that nodes are rebuilt. While a
 * snapshot is shown nothing is saved: it is drawn where its workspace's cards stand now.
 */
export function usePositions(backend: Backend, slug: string) {
  const positions = useRef(new Map<string, XYPosition>());
  const [loaded, setLoaded] = useState<{ slug: string; empty: boolean } | null>(null);
  const [version, setVersion] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingSlug = useRef(slug);
  const readOnly = useRef(false);
  readOnly.current = useReadOnly();

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (readOnly.current) return;
    const list = [...positions.current].map(([id, p]) => ({ id, x: Math.round(p.x), y: Math.round(p.y) }));
    backend.saveLayout(pendingSlug.current, list).then(
      () => setProblem(null),
      (e: unknown) => setProblem(`The layout could not be saved: ${toBackendError(e).message}`),
    );
  }, [backend]);

  useEffect(() => {
    let live = true;
    positions.current = new Map();
    pendingSlug.current = slug;
    setLoaded(null);
    backend.getLayout(slug).then(
      (list) => {
        if (!live) return;
        positions.current = new Map(list.map((p) => [p.id, { x: p.x ?? 0, y: p.y ?? 0 }]));
        setLoaded({ slug, empty: list.length === 0 });
        setVersion((v) => v + 1);
      },
      (e: unknown) => {
        if (!live) return;
        setProblem(`The saved layout could not be read: ${toBackendError(e).message}`);
        setLoaded({ slug, empty: true });
      },
    );
    return () => {
      live = false;
      if (timer.current) flush();
    };
  }, [backend, slug, flush]);

  /** Saves soon; several moves in a row make one save. */
  const scheduleSave = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  }, [flush]);

  /** Replaces many positions at once (auto-layout) and saves. */
  const replace = useCallback(
    (next: Map<string, XYPosition>) => {
      for (const [id, p] of next) positions.current.set(id, p);
      setVersion((v) => v + 1);
      scheduleSave();
    },
    [scheduleSave],
  );

  /** Puts back a whole earlier set of positions (undoing a layout) and saves. */
  const replaceAll = useCallback(
    (next: Map<string, XYPosition>) => {
      positions.current = new Map(next);
      setVersion((v) => v + 1);
      scheduleSave();
    },
    [scheduleSave],
  );

  return { positions, ready: loaded?.slug === slug, wasEmpty: loaded?.empty ?? false, version, scheduleSave, replace, replaceAll, problem };
}
