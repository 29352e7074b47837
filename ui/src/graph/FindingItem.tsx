import { memo, type ReactNode, useEffect, useRef, useState } from "react";
import type { Finding } from "../backend";
import { Clamped } from "../components/Clamped";
import { DateInput } from "../components/DateInput";
import { displayDate } from "../model/format";
import type { ActorKind } from "../model/names";
import { ruleLabel, SEVERITY_ICON, SEVERITY_LABEL } from "./labels";
import { useReadOnly } from "../store/readOnly";
import type { Names } from "./names";

interface Props {
  finding: Finding;
  names: Names;
  selected: boolean;
  onSelect: (f: Finding) => void;
  /** Waives the finding with the user's reason and, optionally, a day to review the waiver (ISO). */
  onWaive: (f: Finding, reason: string, review: string | null) => void;
  onUnwaive: (f: Finding) => void;
  /** Adds a team or person by name: offered on an `unknown-owner` finding, for the name it quotes. */
  onAddActor?: (name: string, kind: ActorKind) => void;
  /** Shown under the finding, after its actions (the reality check's example cases). */
  children?: ReactNode;
}

/**
 * One finding: what is wrong, on what; "why?" opens the evidence and fix; waive with a reason.
 * Drawn again only when its props change: after an edit the audit's answer keeps the finding
 * objects that did not change (see `backend/reportPatch.ts`), so only changed findings redraw.
 */
export const FindingItem = memo(function FindingItem({
  finding: f,
  names,
  selected,
  onSelect,
  onWaive,
  onUnwaive,
  onAddActor,
  children,
}: Props) {
  // A snapshot shown is read-only: its waivers are shown, not changed.
  const readOnly = useReadOnly();
  const [why, setWhy] = useState(false);
  const [waiving, setWaiving] = useState(false);
  const [reason, setReason] = useState("");
  const [review, setReview] = useState("");
  const item = useRef<HTMLLIElement>(null);
  // The opened explanation may start below the panel's fold: bring all of it into view.
  useEffect(() => {
    if (why) item.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [why]);
  const primary = f.subjects[0];
  const waived = f.waived;
  // A handoff's name already names its two ends.
  const shownSubjects = primary?.kind === "handoff" ? [primary] : f.subjects;
  const unknown = onAddActor && !waived && !readOnly ? unknownName(f) : null;
  const submit = () => {
    const r = reason.trim();
    if (!r) return;
    onWaive(f, r, review || null);
    setWaiving(false);
    setReason("");
    setReview("");
  };
  return (
    <li
      ref={item}
      className={`finding sev-${f.severity}${waived ? " is-waived" : ""}${selected ? " selected" : ""}`}
      data-testid="finding"
      data-code={f.code}
      data-subject={primary?.id ?? f.key}
      data-key={f.key}
      data-severity={f.severity}
      data-waived={waived ? "true" : "false"}
    >
      <button
        type="button"
        className="finding-main"
        onClick={() => onSelect(f)}
        aria-pressed={selected}
        title={primary ? "Select and centre it on the graph" : undefined}
      >
        <span className={`finding-sev sev-${f.severity}`}>
          <span aria-hidden="true">{SEVERITY_ICON[f.severity]}</span> {waived ? "Waived" : SEVERITY_LABEL[f.severity]}
        </span>
        {waived?.due && (
          <span className="finding-due" data-testid="finding-review-due">
            review due
          </span>
        )}
        <span className="finding-rule">{ruleLabel(f.code)}</span>
        <Clamped className="finding-message" lines={4} text={f.message} />
        {shownSubjects.length > 0 && (
          <Clamped
            className="finding-subjects"
            text={`${shownSubjects
              .slice(0, 4)
              .map((s) => names.subject(s))
              .join(" · ")}${shownSubjects.length > 4 ? ` +${shownSubjects.length - 4}` : ""}`}
          />
        )}
      </button>
      {waived && (
        <p className="finding-waived" data-testid="finding-waived-note">
          Waived by {waived.who || "someone"} on {displayDate(waived.when)}: “{waived.reason}”
          {waived.review && (
            <span className={waived.due ? "waiver-due" : "muted"} data-testid="waiver-review" data-due={waived.due ? "true" : "false"}>
              {" "}
              {waived.due ? `Review due since ${displayDate(waived.review)}.` : `Review on ${displayDate(waived.review)}.`}
            </span>
          )}
        </p>
      )}
      <div className="finding-actions">
        <button type="button" className="link" data-testid="finding-why" aria-expanded={why} onClick={() => setWhy(!why)}>
          {why ? "Hide why" : "Why?"}
        </button>
        {unknown && onAddActor && (
          <>
            <button type="button" className="link" data-testid="finding-add-team" onClick={() => onAddActor(unknown, "team")}>
              Add “{short(unknown)}” as a team
            </button>
            <button
              type="button"
              className="link"
              data-testid="finding-add-person"
              aria-label={`Add “${unknown}” as a person`}
              onClick={() => onAddActor(unknown, "person")}
            >
              …as a person
            </button>
          </>
        )}
        {readOnly ? null : waived ? (
          <button type="button" className="link" data-testid="finding-unwaive" onClick={() => onUnwaive(f)}>
            Remove waiver
          </button>
        ) : (
          <button type="button" className="link" data-testid="finding-waive" aria-expanded={waiving} onClick={() => setWaiving(!waiving)}>
            Waive…
          </button>
        )}
      </div>
      {why && (
        <div className="finding-why" data-testid="finding-evidence">
          {f.evidence.length > 0 && (
            <ul className="evidence">
              {f.evidence.map((ev, i) => (
                <li key={i}>
                  <span className="ev-where">
                    <strong>{names.subject(ev.subject)}</strong> <span className="mono">{ev.field}</span>
                  </span>
                  <span className="ev-value">
                    {ev.value !== null ? <q>{ev.value}</q> : <span className="muted">nothing there</span>}
                    {ev.note && <span className="ev-note"> ({ev.note})</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="finding-fix">
            <strong>Suggested fix:</strong> {f.fix}
          </p>
        </div>
      )}
      {waiving && !waived && !readOnly && (
        <form
          className="waive-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label className="field">
            <span>Why is this acceptable?</span>
            <textarea
              data-testid="waive-reason-input"
              rows={2}
              value={reason}
              autoFocus
              placeholder="e.g. Legal approved the wording for both channels"
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey) {
                  e.preventDefault();
                  submit();
                }
                if (e.key === "Escape") {
                  e.preventDefault();
                  e.stopPropagation();
                  setWaiving(false);
                }
              }}
            />
          </label>
          <label className="field">
            <span>Review on (optional)</span>
            <DateInput data-testid="waive-review-input" value={review} onChange={(e) => setReview(e.target.value)} />
            <small className="muted">From that day the waiver shows as due, so the room looks at it again.</small>
          </label>
          <div className="row">
            <button type="submit" className="primary" data-testid="waive-submit" disabled={!reason.trim()}>
              Waive finding
            </button>
            <button type="button" onClick={() => setWaiving(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {children}
    </li>
  );
});

/**
 * The name an `unknown-owner` finding quotes: the value of the fields it lists (each holds the
 * same name, ignoring case; the first as written is the one added). Null for other findings.
 */
export function unknownName(f: Finding): string | null {
  if (f.code !== "unknown-owner") return null;
  const value = f.evidence.find((ev) => ev.value?.trim())?.value?.trim();
  return value || null;
}

/** A long name cut for a button; the whole name is in the finding's message. */
const short = (name: string) => (name.length > 28 ? `${name.slice(0, 28)}…` : name);
