import { useState } from "react";
import type { Finding, Review, Workspace } from "../backend";
import { today } from "../assess/dimensions";
import { uniqueId } from "../model/ids";
import { useWorkspaceStore } from "../store/context";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A finding's link key, as a review stores it and a waiver names it: `code|key`. */
export const findingRef = (f: Pick<Finding, "code" | "key">) => `${f.code}|${f.key}`;

function ReviewForm({
  review,
  findings,
  onSave,
  onCancel,
}: {
  review: Review;
  findings: Finding[];
  onSave: (r: Review) => void;
  onCancel: () => void;
}) {
  const [date, setDate] = useState(review.date);
  const [attendees, setAttendees] = useState((review.attendees ?? []).join(", "));
  const [decisions, setDecisions] = useState(review.decisions ?? "");
  const [linked, setLinked] = useState<string[]>(review.findings ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const choices = [...new Set([...findings.map(findingRef), ...linked])];
  const toggle = (ref: string) => setLinked((l) => (l.includes(ref) ? l.filter((x) => x !== ref) : [...l, ref]));
  return (
    <form
      className="mo-review-form"
      data-testid="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!DATE.test(date)) {
          setProblem("Give the review's date, written YYYY-MM-DD.");
          return;
        }
        const out: Review = { id: review.id, date };
        const people = attendees
          .split(",")
          .map((a) => a.trim())
          .filter(Boolean);
        if (people.length) out.attendees = people;
        if (decisions.trim()) out.decisions = decisions.trim();
        if (linked.length) out.findings = linked;
        if (review.session) out.session = review.session;
        onSave(out);
      }}
    >
      <label>
        Date
        <input data-testid="review-date" value={date} onChange={(e) => setDate(e.target.value)} placeholder="YYYY-MM-DD" />
      </label>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <label>
        Who attended
        <input
          data-testid="review-attendees"
          value={attendees}
          onChange={(e) => setAttendees(e.target.value)}
          placeholder="names, separated by commas"
        />
      </label>
      <label>
        Decisions
        <textarea data-testid="review-decisions" rows={3} value={decisions} onChange={(e) => setDecisions(e.target.value)} />
      </label>
      {choices.length > 0 && (
        <fieldset>
          <legend>Findings discussed</legend>
          {choices.map((ref) => (
            <label key={ref} className="check">
              <input
                type="checkbox"
                data-testid="review-finding"
                data-ref={ref}
                checked={linked.includes(ref)}
                onChange={() => toggle(ref)}
              />
              {ref.replace("|", " on ")}
            </label>
          ))}
        </fieldset>
      )}
      <div className="mo-form-actions">
        <button type="submit" className="primary" data-testid="review-save">
          Save review
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The review log: the team's monthly reviews of the metrics (date, who came, what was decided,
 * which findings were discussed), newest first. A review can loop back to Assess: it starts a
 * new readiness session and remembers it.
 */
export function ReviewLog({ doc, findings }: { doc: Workspace; findings: Finding[] }) {
  const store = useWorkspaceStore();
  const [editing, setEditing] = useState<Review | null>(null);
  const reviews = [...(doc.reviews ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  const sessionName = (id: string) => doc.readiness.find((s) => s.id === id)?.name ?? id;

  const startNew = () => {
    const date = today();
    setEditing({
      id: uniqueId(
        `review ${date}`,
        (doc.reviews ?? []).map((r) => r.id),
        "review",
      ),
      date,
      findings: findings.filter((f) => !f.waived).map(findingRef),
    });
  };
  const save = (r: Review) => {
    setEditing(null);
    void store.edit({ type: "put_review", review: r });
  };
  const loopBack = async (r: Review) => {
    const date = today();
    const name = `Follow-up of the ${r.date} review`;
    const id = uniqueId(
      name,
      doc.readiness.map((s) => s.id),
      "session",
    );
    const ok = await store.edit({
      type: "batch",
      edits: [
        { type: "put_session", session: { id, name, date, raters: [] } },
        { type: "put_review", review: { ...r, session: id } },
      ],
    });
    if (ok) window.location.hash = "#assess";
  };

  return (
    <section className="mo-panel" aria-label="Review log" data-testid="review-log">
      <div className="mo-section-head">
        <h2>Review log</h2>
        <span className="muted">Once a month: look at what drifted, decide, and write it down.</span>
        <span className="grow" />
        <button type="button" data-testid="review-add" onClick={startNew}>
          + Add a review
        </button>
      </div>
      {editing && !(doc.reviews ?? []).some((r) => r.id === editing.id) && (
        <ReviewForm review={editing} findings={findings} onSave={save} onCancel={() => setEditing(null)} />
      )}
      {reviews.length === 0 && !editing && <p className="muted">No review yet.</p>}
      <ol className="mo-reviews">
        {reviews.map((r) =>
          editing?.id === r.id ? (
            <li key={r.id}>
              <ReviewForm review={r} findings={findings} onSave={save} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={r.id} className="mo-review" data-testid="review" data-review-id={r.id}>
              <div className="mo-review-head">
                <strong>{r.date}</strong>
                {(r.attendees ?? []).length > 0 && <span className="muted">with {(r.attendees ?? []).join(", ")}</span>}
                <span className="grow" />
                <button type="button" data-testid="review-edit" onClick={() => setEditing(r)}>
                  Edit
                </button>
                <button type="button" data-testid="review-delete" onClick={() => void store.edit({ type: "delete_review", id: r.id })}>
                  Delete
                </button>
              </div>
              {r.decisions && <p className="mo-decisions">{r.decisions}</p>}
              {(r.findings ?? []).length > 0 && (
                <p className="muted" data-testid="review-findings">
                  Discussed: {(r.findings ?? []).map((f) => f.replace("|", " on ")).join("; ")}
                </p>
              )}
              {r.session ? (
                <p data-testid="review-session">
                  Looped back to Assess: <a href="#assess">{sessionName(r.session)}</a>
                </p>
              ) : (
                <button
                  type="button"
                  data-testid="review-loop-back"
                  onClick={() => void loopBack(r)}
                  title="Start a new readiness session from this review"
                >
                  Loop back to Assess
                </button>
              )}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
