import { useState } from "react";
import type { Edit, Metric, Reading } from "../backend";
import { fmt } from "./format";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a value on the metric's scale; the message says what is wrong. */
function checkValue(metric: Metric, text: string): { value: number } | { problem: string } {
  const v = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(v)) return { problem: `“${text}” is not a number` };
  const [min, max] = [metric.min ?? 0, metric.max ?? 0];
  if (v < min || v > max) return { problem: `${fmt(v)} is outside the scale ${fmt(min)} to ${fmt(max)}` };
  return { value: v };
}

/** One recorded value: edited in place, saved on Enter or when focus leaves; emptied, it is deleted. */
function ReadingCell({
  metric,
  reading,
  onEdit,
  onProblem,
}: {
  metric: Metric;
  reading: Reading;
  onEdit: (e: Edit) => void;
  onProblem: (p: string | null) => void;
}) {
  const [text, setText] = useState(fmt(reading.value));
  const commit = () => {
    if (text.trim() === fmt(reading.value)) return;
    if (text.trim() === "") {
      onEdit({ type: "delete_reading", metric: metric.id, date: reading.date });
      return;
    }
    const checked = checkValue(metric, text);
    if ("problem" in checked) {
      onProblem(`${reading.date}: ${checked.problem}`);
      setText(fmt(reading.value));
      return;
    }
    onProblem(null);
    const next: Reading = { metric: metric.id, date: reading.date, value: checked.value };
    if (reading.n != null) next.n = reading.n;
    onEdit({ type: "put_readings", readings: [next] });
  };
  return (
    <td>
      <input
        className="mo-reading"
        aria-label={`${metric.name} on ${reading.date}`}
        data-testid="reading-value"
        data-date={reading.date}
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") e.currentTarget.blur();
        }}
      />
    </td>
  );
}

/** A metric's readings, a column per period, and a last column to record a new one. */
export function ReadingsGrid({ metric, readings, onEdit }: { metric: Metric; readings: Reading[]; onEdit: (e: Edit) => void }) {
  const [date, setDate] = useState("");
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    if (!DATE.test(date)) {
      setProblem("Give the period's date, written YYYY-MM-DD.");
      return;
    }
    const checked = checkValue(metric, value);
    if ("problem" in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    onEdit({ type: "put_readings", readings: [{ metric: metric.id, date, value: checked.value }] });
    setValue("");
  };
  return (
    <div className="mo-grid-wrap" data-testid="readings-grid">
      <table className="mo-grid">
        <thead>
          <tr>
            {readings.map((r) => (
              <th key={r.date} scope="col">
                {r.date}
              </th>
            ))}
            <th scope="col">New period</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {readings.map((r) => (
              // Keyed by value too: an undo or an import shows the new value, not a stale draft.
              <ReadingCell key={`${r.date}=${r.value}`} metric={metric} reading={r} onEdit={onEdit} onProblem={setProblem} />
            ))}
            <td className="mo-new-period">
              <input
                aria-label="Date of the new period"
                data-testid="reading-new-date"
                placeholder="YYYY-MM-DD"
                value={date}
                onChange={(e) => setDate(e.target.value)}
              />
              <input
                aria-label="Value of the new period"
                data-testid="reading-new-value"
                inputMode="decimal"
                placeholder="value"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") add();
                }}
              />
              <button type="button" data-testid="reading-add" onClick={add}>
                Record
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      {problem && (
        <p className="field-problem" role="alert" data-testid="reading-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
