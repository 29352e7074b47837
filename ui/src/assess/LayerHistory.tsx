import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Layer, LayerScore, ReadinessSession } from "../backend";
import { LAYERS, LAYER_LABEL, longDate } from "./dimensions";

/** The colour of each layer, as the stack paints it. */
const LAYER_COLOUR: Record<Layer, string> = {
  vision: "#6d28d9",
  narrative: "#0f766e",
  system: "#b45309",
  touchpoint: "#be185d",
};

/** One point of the chart: a date (with the session rated then, if any) and each layer's score. */
export interface LayerPoint {
  date: string;
  session: string | null;
  scores: Partial<Record<Layer, number>>;
}

/** The layer scores by date, oldest first, each date named by the session its scores belong to. */
export function layerHistory(scores: LayerScore[], sessions: ReadinessSession[]): LayerPoint[] {
  const byDate = new Map<string, LayerPoint>();
  for (const s of scores) {
    const point = byDate.get(s.date) ?? { date: s.date, session: null, scores: {} };
    point.scores[s.layer] = s.score;
    const owner = s.session ? sessions.find((x) => x.id === s.session) : undefined;
    if (owner) point.session = owner.name;
    byDate.set(s.date, point);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Each layer's score over time: one line per layer, a point per dated rating (a session's, or one on its own). */
export function LayerHistory({ scores, sessions }: { scores: LayerScore[]; sessions: ReadinessSession[] }) {
  const points = layerHistory(scores, sessions);
  if (points.length < 2) {
    return (
      <p className="muted small" data-testid="layer-history-empty">
        The layers' history appears from the second rating on: rate them again at the next session to see how each one moves.
      </p>
    );
  }
  const data = points.map((p) => ({ label: p.session ?? "", date: longDate(p.date), ...p.scores }));
  return (
    <div className="layer-history" data-testid="layer-history" data-points={points.length} aria-label="Each layer's score over time">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 20, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis dataKey="date" interval="preserveStartEnd" padding={{ left: 24, right: 24 }} tick={{ fontSize: 12, fill: "#4b5563" }} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12, fill: "#4b5563" }} width={24} />
          <Tooltip labelFormatter={(label, p) => (p?.[0]?.payload?.label ? `${label} · ${p[0].payload.label}` : String(label))} />
          <Legend
            iconType="plainline"
            wrapperStyle={{ fontSize: 12 }}
            itemSorter={(item) => LAYERS.indexOf(String(item.dataKey) as Layer)}
          />
          {LAYERS.map((layer) => (
            <Line
              key={layer}
              type="monotone"
              dataKey={layer}
              name={LAYER_LABEL[layer]}
              stroke={LAYER_COLOUR[layer]}
              strokeWidth={2.5}
              dot={{ r: 4 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
