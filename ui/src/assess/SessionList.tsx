import { DateInput } from "../components/DateInput";
import { useEffect, useState } from "react";
import type { ReadinessSession, TrendPoint } from "../backend";
import { TOTAL_MAX } from "../model/library";
import { Editable, useReadOnly } from "../store/readOnly";
import { longDate, today } from "./dimensions";

interface Props {
  sessions: ReadinessSession[];
  selected: string | null;
  trend: TrendPoint[];
  onSelect: (id: string) => void;
  onCreate: (name: string, date: string) => void;
  creating: boolean;
  setCreating: (open: boolean) => void;
}

/** The workshop's readiness sessions, newest first, and the form to start one. */
export function SessionList({ sessions, selected, trend, onSelect, onCreate, creating, setCreating }: Props) {
  const readOnly = useReadOnly();
  const [name, setName] = useState("");
  const [date, setDate] = useState(today());
  const ordered = [...sessions].sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name));
  useEffect(() => {
    if (!creating) return;
    setName("");
    setDate(today());
  }, [creating]);
  const submit = () => {
    if (!name.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    onCreate(name.trim(), date);
    setCreating(false);
  };
  return (
    <nav className="session-list" aria-label="Readiness sessions">
      <div className="session-list-head">
        <h2>Sessions</h2>
        <Editable>
          <button type="button" className="primary" data-testid="assess-new-session" onClick={() => setCreating(true)}>
            <span aria-hidden="true">+</span> New session
          </button>
        </Editable>
      </div>
      {creating && !readOnly && (
        <form
          className="new-session"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          onKeyDown={(e) => e.key === "Escape" && setCreating(false)}
        >
          <label className="field">
            <span>Name</span>
            <input
              data-testid="session-name-input"
              autoFocus
              value={name}
              maxLength={200}
              placeholder="e.g. Kick-off workshop"
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label className="field">
            <span>Date</span>
            <DateInput data-testid="session-date-input" value={date} required onChange={(e) => setDate(e.target.value)} />
          </label>
          <div className="row">
            <button type="submit" className="primary" data-testid="session-create" disabled={!name.trim() || !date}>
              Start session
            </button>
            <button type="button" onClick={() => setCreating(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ul>
        {ordered.map((s) => {
          const point = trend.find((t) => t.session_id === s.id);
          return (
            <li key={s.id}>
              <button
                type="button"
                className="session-item"
                data-testid="session-item"
                data-session-id={s.id}
                aria-current={s.id === selected ? "true" : undefined}
                onClick={() => onSelect(s.id)}
              >
                <span className="session-item-name">{s.name}</span>
                <span className="session-item-meta">
                  {longDate(s.date)} · {s.raters.length} {s.raters.length === 1 ? "rater" : "raters"}
                </span>
                {point && (
                  <span className={`session-item-total as-verdict-${point.verdict}`}>
                    {point.total_display === null ? "incomplete" : `${point.total_display} / ${TOTAL_MAX}`}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
