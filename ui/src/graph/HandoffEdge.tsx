import { EdgeLabelRenderer, getBezierPath, useStore, type EdgeProps, type ReactFlowState } from "@xyflow/react";
import { memo, useState } from "react";
import { useLens } from "../lens/LensContext";
import { marksOn, weightWidth } from "../lens/lens";
import { MarkBadges, toneClass } from "../lens/MarkBadges";
import { useGraphCallbacks } from "./context";
import { SEVERITY_ICON, SEVERITY_LABEL } from "./labels";
import { curvePoint } from "./labelPlacement";
import type { HandoffEdge as HandoffEdgeType } from "./mapping";

/** Labels are hidden when zoomed far out: unreadable there, and costly at thousands of edges. */
const labelsShown = (s: ReactFlowState) => s.transform[2] >= 0.45;

/**
 * A handoff: a curve with a marker, and a label of what it carries plus its worst flag, at the
 * spot the label placement gave it (shortened, or left out where it would collide); hovering
 * or selecting the handoff shows its whole label on top.
 */
function HandoffEdgeView(p: EdgeProps<HandoffEdgeType>) {
  const { selectEdge } = useGraphCallbacks();
  const showLabel = useStore(labelsShown);
  const [path] = getBezierPath(p);
  const d = p.data;
  const [hover, setHover] = useState(false);
  const place = d?.place;
  const raised = hover || !!p.selected;
  const t = place?.t ?? 0.5;
  const [labelX, labelY] = curvePoint(p.sourceX, p.sourceY, p.targetX, p.targetY, t);
  const labelled = showLabel && d && (place !== null || raised);
  const short = !raised && !!place?.short;
  const lens = useLens();
  const marks = marksOn(lens, "handoffs", p.id);
  // A lens's traffic weight widens the line (Reality); the marks' tone colours it.
  const weight = lens?.weights[p.id];
  const style = weight === undefined ? undefined : { strokeWidth: weightWidth(weight) };
  const sev = d?.severity ?? null;
  const dashed = d?.trigger && d.trigger !== "always";
  const cls = `gedge${sev ? ` sev-${sev}` : ""}${p.selected ? " selected" : ""}${dashed ? " conditional" : ""}${d?.ghost ? " is-ghost" : ""}${toneClass(marks)}`;
  return (
    <>
      <path
        id={p.id}
        d={path}
        className={cls}
        style={style}
        fill="none"
        markerEnd={p.markerEnd}
        data-testid="graph-edge"
        data-edge-id={p.id}
        data-severity={sev ?? "none"}
      />
      <path
        d={path}
        fill="none"
        strokeOpacity={0}
        strokeWidth={18}
        className="react-flow__edge-interaction"
        onMouseEnter={() => setHover(true)}
        onMouseLeave={() => setHover(false)}
      />
      {labelled && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`glabel nodrag nopan${sev ? ` sev-${sev}` : ""}${p.selected ? " selected" : ""}${short ? " short" : ""}${raised ? " raised" : ""}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="graph-edge-label"
            data-edge-id={p.id}
            data-severity={sev ?? "none"}
            data-place={place === undefined ? "middle" : place === null ? "hover" : short ? "short" : "whole"}
            onMouseEnter={() => setHover(true)}
            onMouseLeave={() => setHover(false)}
            onClick={() => {
              if (!d.ghost) selectEdge(p.id);
            }}
            title={`${d.label}${sev ? `\n${SEVERITY_LABEL[sev]}: ${d.open} open finding${d.open === 1 ? "" : "s"}` : ""}`}
          >
            {sev && (
              <span className="glabel-flag" aria-label={SEVERITY_LABEL[sev]}>
                {SEVERITY_ICON[sev]}
              </span>
            )}
            {d.invariant > 0 && (
              <span className="glabel-lock" title="Carries values that must not vary" aria-label="has invariants">
                ≡
              </span>
            )}
            <span className="glabel-text">{d.label}</span>
            <MarkBadges marks={marks} className="glabel-marks" />
            {d.gate && (
              <span className="glabel-gate" title="Gated by a human approval">
                gate
              </span>
            )}
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const HandoffEdge = memo(HandoffEdgeView);
