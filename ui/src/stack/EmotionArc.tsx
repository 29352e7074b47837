import { useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { Stage } from "../backend";
import { useLens } from "../lens/LensContext";
import { EMOTION_LABEL, emotionText } from "../model/layers";
import { useWorkspaceStore } from "../store/context";

const LEVELS = [2, 1, 0, -1, -2];
/** Vertical position of a value, in percent of the arc's height. */
const yOf = (v: number) => 50 - v * 20;
const clamp = (v: number) => Math.max(-2, Math.min(2, v));

/** A smooth curve through the points (Catmull-Rom as cubic Béziers). */
function curve(points: [number, number][]): string {
  if (points.length === 0) return "";
  if (points.length === 1) return `M ${points[0][0] - 40} ${points[0][1]} L ${points[0][0] + 40} ${points[0][1]}`;
  let d = `M ${points[0][0]} ${points[0][1]}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const [p1, p2] = [points[i], points[i + 1]];
    const p3 = points[Math.min(points.length - 1, i + 2)];
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += ` C ${c1[0]} ${c1[1]}, ${c2[0]} ${c2[1]}, ${p2[0]} ${p2[1]}`;
  }
  return d;
}

/** The scale shown in the lane's label column. */
export function ArcScale() {
  return (
    <div className="arc-scale" aria-hidden="true">
      {LEVELS.map((v) => (
        <span key={v} style={{ top: `${yOf(v)}%` }}>
          {v > 0 ? `+${v}` : v} {EMOTION_LABEL[v]}
        </span>
      ))}
    </div>
  );
}

/** The emotional arc across the stage columns; each point can be dragged or set by keys. */
export function EmotionArc({ stages, highlighted }: { stages: Stage[]; highlighted: Set<string> }) {
  const store = useWorkspaceStore();
  const area = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<{ id: string; value: number } | null>(null);
  const n = stages.length;
  const emotionOf = (s: Stage) => (draft?.id === s.id ? draft.value : s.emotion);
  const points = stages.map((s, i): [number, number] => [(i + 0.5) * 100, yOf(emotionOf(s))]);
  const path = curve(points);
  // A lens may bring a second arc (Monitor: the measured one), drawn dashed over the plan.
  const lensArc = useLens()?.arc ?? null;
  const lensStages = lensArc ? stages.flatMap((s, i) => (s.id in lensArc.values ? [{ s, i, v: lensArc.values[s.id] }] : [])) : [];

  const set = (stage: Stage, value: number) => {
    const emotion = clamp(value);
    if (emotion !== stage.emotion) void store.edit({ type: "put_stage", stage: { ...stage, emotion }, index: null });
  };
  const fromPointer = (e: ReactPointerEvent) => {
    const box = area.current?.getBoundingClientRect();
    if (!box || box.height === 0) return 0;
    const pct = ((e.clientY - box.top) / box.height) * 100;
    return clamp(Math.round((50 - pct) / 20));
  };

  return (
    <div className="arc" ref={area} style={{ gridColumn: `1 / span ${n}` }}>
      <svg className="arc-svg" viewBox={`0 0 ${n * 100} 100`} preserveAspectRatio="none" aria-hidden="true">
        {LEVELS.map((v) => (
          <line
            key={v}
            x1={0}
            x2={n * 100}
            y1={yOf(v)}
            y2={yOf(v)}
            className={v === 0 ? "arc-zero" : "arc-grid"}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {n > 1 && <path d={`${path} L ${points[n - 1][0]} 100 L ${points[0][0]} 100 Z`} className="arc-fill" />}
        <path d={path} className="arc-line" vectorEffect="non-scaling-stroke" />
        {lensStages.length > 0 && (
          <path
            d={curve(lensStages.map(({ i, v }): [number, number] => [(i + 0.5) * 100, yOf(clamp(v))]))}
            className="arc-line arc-lens"
            data-testid="lens-arc"
            vectorEffect="non-scaling-stroke"
          />
        )}
      </svg>
      {lensArc && (
        <p className="sr-only" data-testid="lens-arc-text">
          {lensArc.label}: {lensStages.map(({ s, v }) => `${s.name} ${v > 0 ? "+" : ""}${v.toFixed(1)}`).join(", ") || "no stage"}
        </p>
      )}
      {stages.map((s, i) => {
        const v = emotionOf(s);
        return (
          <div key={s.id} className="arc-cell" style={{ left: `${(i / n) * 100}%`, width: `${100 / n}%` }}>
            <button
              type="button"
              role="slider"
              aria-label={`Feeling at ${s.name}`}
              aria-valuemin={-2}
              aria-valuemax={2}
              aria-valuenow={v}
              aria-valuetext={emotionText(v)}
              data-testid="emotion-point"
              data-stage-id={s.id}
              className={`arc-point${v < 0 ? " is-low" : v > 0 ? " is-high" : ""}${highlighted.has(s.id) ? " is-related" : ""}`}
              style={{ top: `${yOf(v)}%` }}
              title={`${s.name}: ${emotionText(v)}. Drag, or use ↑ and ↓.`}
              onKeyDown={(e) => {
                const step = e.key === "ArrowUp" ? 1 : e.key === "ArrowDown" ? -1 : 0;
                if (step !== 0) {
                  e.preventDefault();
                  set(s, s.emotion + step);
                }
              }}
              onPointerDown={(e) => {
                e.currentTarget.setPointerCapture?.(e.pointerId);
                setDraft({ id: s.id, value: s.emotion });
              }}
              onPointerMove={(e) => {
                if (draft?.id === s.id) setDraft({ id: s.id, value: fromPointer(e) });
              }}
              onPointerUp={() => {
                if (draft?.id === s.id) set(s, draft.value);
                setDraft(null);
              }}
              onPointerCancel={() => setDraft(null)}
            >
              {v > 0 ? `+${v}` : v}
            </button>
            <div className="arc-steppers">
              <button
                type="button"
                className="icon small"
                aria-label={`Lower the feeling at ${s.name}`}
                disabled={s.emotion <= -2}
                onClick={() => set(s, s.emotion - 1)}
              >
                −
              </button>
              <button
                type="button"
                className="icon small"
                aria-label={`Raise the feeling at ${s.name}`}
                disabled={s.emotion >= 2}
                onClick={() => set(s, s.emotion + 1)}
              >
                +
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
