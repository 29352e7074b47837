import type { Reading } from "../backend";
import { fmt } from "./format";

const W = 120;
const H = 36;
const PAD = 3;

/** A metric's readings as a small line on its own scale, with the target as a dashed line. */
export function Sparkline({ readings, min, max, target }: { readings: Reading[]; min: number; max: number; target: number | null }) {
  const span = max - min || 1;
  const y = (v: number) => PAD + (H - 2 * PAD) * (1 - (Math.max(min, Math.min(max, v)) - min) / span);
  const x = (i: number) => (readings.length <= 1 ? W / 2 : PAD + ((W - 2 * PAD) * i) / (readings.length - 1));
  const points = readings.map((r, i) => `${x(i).toFixed(1)},${y(r.value ?? min).toFixed(1)}`).join(" ");
  const label =
    readings.length === 0
      ? "No readings yet"
      : `${readings.length} readings from ${readings[0].date} to ${readings[readings.length - 1].date}: ${readings.map((r) => fmt(r.value)).join(", ")}`;
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="sparkline">
      {target !== null && <line className="spark-target" x1={0} x2={W} y1={y(target)} y2={y(target)} data-testid="spark-target" />}
      {readings.length > 1 && <polyline className="spark-line" points={points} />}
      {readings.length > 0 && (
        <circle className="spark-last" cx={x(readings.length - 1)} cy={y(readings[readings.length - 1].value ?? min)} r={2.5} />
      )}
    </svg>
  );
}
