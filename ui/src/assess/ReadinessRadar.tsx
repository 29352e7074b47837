import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, type RadarPoint } from "recharts";
import type { ReadinessSession, SessionSummary } from "../backend";
import { DIMENSIONS, DIMENSION_LABEL, raterColour, scoreOf } from "./dimensions";

interface Props {
  session: ReadinessSession;
  summary: SessionSummary;
  /** Presenter mode: bigger labels and thicker lines. */
  large?: boolean;
}

type Row = Record<string, string | number | null>;

const ROOM = "room";

/**
 * A rater's outline through the dimensions they scored. Recharts draws a skip as a dip to
 * the centre, which reads as a score of 0; a skipped axis is bridged instead.
 */
function Outline(props: { points?: RadarPoint[]; stroke?: string; strokeWidth?: number }) {
  const scored = (props.points ?? []).filter((p) => p.value !== null && p.value !== undefined);
  if (scored.length === 0) return <g />;
  const d = `${scored.map((p, i) => `${i === 0 ? "M" : "L"}${p.x},${p.y}`).join("")}Z`;
  return <path d={d} fill="none" stroke={props.stroke} strokeWidth={props.strokeWidth} strokeLinejoin="round" />;
}

/**
 * Six axes; one calm outline per rater (their own scores, skips bridged) and the room's
 * means filled. The means are the backend's; the outlines are the raw scores.
 */
export function ReadinessRadar({ session, summary, large = false }: Props) {
  const data: Row[] = DIMENSIONS.map((d) => {
    const row: Row = { axis: DIMENSION_LABEL[d], [ROOM]: summary.dimensions.find((s) => s.dimension === d)?.mean ?? null };
    session.raters.forEach((r, i) => {
      row[`r${i}`] = scoreOf(r, d);
    });
    return row;
  });
  const font = large ? 22 : 14;
  return (
    <div
      className={`as-radar${large ? " is-large" : ""}`}
      data-testid="readiness-radar"
      data-raters={session.raters.map((r) => r.name).join("|")}
    >
      <ResponsiveContainer width="100%" height="100%">
        <RadarChart data={data} outerRadius="72%" margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
          <PolarGrid stroke="#cfd4dc" />
          <PolarAngleAxis dataKey="axis" tick={{ fill: "#111827", fontSize: font, fontWeight: 700 }} />
          <PolarRadiusAxis
            domain={[0, 5]}
            tickCount={6}
            angle={60}
            tick={{ fill: "#6b7280", fontSize: large ? 16 : 11 }}
            axisLine={false}
          />
          {session.raters.map((r, i) => (
            <Radar
              key={`r${i}`}
              name={r.name}
              dataKey={`r${i}`}
              stroke={raterColour(i)}
              strokeWidth={large ? 2.5 : 1.75}
              fill="none"
              shape={(p: { points?: RadarPoint[] }) => (
                <Outline points={p.points} stroke={raterColour(i)} strokeWidth={large ? 2.5 : 1.75} />
              )}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          <Radar
            name="Room (mean)"
            dataKey={ROOM}
            stroke="#111827"
            strokeWidth={large ? 4 : 3}
            fill="#1d4ed8"
            fillOpacity={0.22}
            connectNulls
            isAnimationActive={false}
          />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: large ? 20 : 13, lineHeight: 1.6 }} verticalAlign="bottom" />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
