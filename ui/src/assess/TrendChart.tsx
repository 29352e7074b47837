import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "../backend";
import { figure, longDate } from "./dimensions";

interface Props {
  trend: TrendPoint[];
  threshold: number;
  max: number;
}

/** The total per session over time (the backend's figures), with the threshold line. */
export function TrendChart({ trend, threshold, max }: Props) {
  if (trend.length < 2) {
    return (
      <p className="muted small" data-testid="trend-empty">
        The trend appears from the second session on: re-score every quarter to see the line move.
      </p>
    );
  }
  const data = trend.map((t) => ({
    label: `${t.name}`,
    date: longDate(t.date),
    total: t.total,
    shown: t.total_display ?? "–",
    agreement: t.alpha_words,
  }));
  return (
    <div className="as-trend" data-testid="readiness-trend">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 12, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis dataKey="date" interval={0} padding={{ left: 40, right: 40 }} tick={{ fontSize: 12, fill: "#4b5563" }} />
          <YAxis
            domain={[0, max]}
            ticks={[0, 1, 2, 3, 4, 5].map((i) => (max * i) / 5)}
            tick={{ fontSize: 12, fill: "#4b5563" }}
            width={32}
          />
          <ReferenceLine
            y={threshold}
            stroke="#b45309"
            strokeDasharray="5 4"
            label={{ value: `threshold ${figure(threshold, 0)}`, position: "insideTopLeft", fill: "#b45309", fontSize: 12 }}
          />
          <Tooltip
            formatter={(_v, _name, item) => [`${String(item?.payload?.shown ?? "–")} (${String(item?.payload?.agreement ?? "")})`, "Total"]}
            labelFormatter={(_, p) => String(p?.[0]?.payload?.label ?? "")}
          />
          <Line type="monotone" dataKey="total" stroke="#1d4ed8" strokeWidth={3} dot={{ r: 5 }} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
