import type { CaseExample } from "../backend";
import { displayDateTime } from "../model/format";

interface Props {
  cases: CaseExample[];
  /** An element's display name, from its id. */
  elementName: (id: string) => string;
  /** The zone times are shown in; the user's own when not given (tests fix it). */
  timeZone?: string;
}

/** When a visit happened: one moment, or its first and last event (the day written once when it is the same). */
export function visitTime(first: string, last: string, timeZone?: string): string {
  const start = displayDateTime(first, undefined, timeZone);
  const end = displayDateTime(last, undefined, timeZone);
  if (end === start) return start;
  // "2 Mar 2026, 09:00": the day is everything before the last comma.
  const day = (t: string) => t.slice(0, t.lastIndexOf(", "));
  return `${start} – ${day(start) === day(end) ? end.slice(end.lastIndexOf(", ") + 2) : end}`;
}

/**
 * A finding's example cases from the replay, each as its sequence of visits with times, so the
 * user sees what really happened to a few customers (collapsed under the finding until asked).
 */
export function ExampleCases({ cases, elementName, timeZone }: Props) {
  if (cases.length === 0) return null;
  return (
    <details className="example-cases" data-testid="example-cases">
      <summary>{cases.length === 1 ? "1 example case" : `${cases.length} example cases`}</summary>
      <ul>
        {cases.map((c) => (
          <li key={c.case} data-testid="example-case" data-case={c.case}>
            <span className="example-case-name">Case {c.case}</span>
            <ol className="example-visits">
              {c.visits.map((v, i) => (
                <li key={i} data-testid="example-visit" data-element={v.element}>
                  <span className="example-element">{elementName(v.element)}</span>{" "}
                  <time className="muted" dateTime={v.first}>
                    {visitTime(v.first, v.last, timeZone)}
                  </time>
                </li>
              ))}
              {c.more_visits > 0 && (
                <li className="muted" data-testid="example-more">
                  and {c.more_visits} more {c.more_visits === 1 ? "visit" : "visits"}
                </li>
              )}
            </ol>
          </li>
        ))}
      </ul>
    </details>
  );
}
