import { useRef } from "react";

/**
 * `value`, or the value this hook handed on last time when `keep` says it stands for the same
 * thing (`keep(last, next)` answers `last` or `next`, as `unlessSame` and `sameFlags` do).
 * A derived array or map that did not change keeps its identity, so what depends on it
 * (React Flow's store, later memos, a canvas) sees no change at all.
 */
export function useKept<T>(value: T, keep: (last: T, next: T) => T): T {
  const last = useRef(value);
  if (value !== last.current) last.current = keep(last.current, value);
  return last.current;
}
