import { useMemo, useState } from "react";
import type { Finding, Report, Severity, Workspace } from "../backend";
import type { ActorKind } from "../model/names";
import { FindingItem } from "./FindingItem";
import { countText, ruleLabel, SEVERITIES, SEVERITY_ICON } from "./labels";
import { namesOf } from "./names";

export type AuditStatus = { kind: "idle" } | { kind: "running" } | { kind: "error"; message: string };

interface Props {
  report: Report | null;
  doc: Workspace;
  status: AuditStatus;
  /** The workspace revision the report is the audit of (`data-revision`, for tests and benchmarks). */
  revision?: number | null;
  /** `code|key` of the finding last clicked. */
  selected: string | null;
  onSelect: (f: Finding) => void;
  onWaive: (f: Finding, reason: string, review: string | null) => void;
  onUnwaive: (f: Finding) => void;
  /** Adds the team or person an `unknown-owner` finding names (no button without it). */
  onAddActor?: (name: string, kind: ActorKind) => void;
}

type Shown = Severity | "waived";
const PAGE = 50;

export const findingId = (f: Finding) => `${f.code}|${f.key}`;

/** The audit's findings, most serious first, filtered by severity, rule and team. */
export function FindingsPanel({ report, doc, status, revision = null, selected, onSelect, onWaive, onUnwaive, onAddActor }: Props) {
  const [shown, setShown] = useState<Set<Shown>>(() => new Set<Shown>(["error", "warning", "info", "waived"]));
  const [rule, setRule] = useState("");
  const [team, setTeam] = useState("");
  const [limit, setLimit] = useState(PAGE);
  const names = useMemo(() => namesOf(doc), [doc]);
  const findings = useMemo(() => report?.findings ?? [], [report]);
  const teamsOf = useMemo(() => {
    const m = new Map<Finding, Set<string>>();
    for (const f of findings) m.set(f, new Set(f.subjects.flatMap((s) => names.teams(s))));
    return m;
  }, [findings, names]);
  const rules = useMemo(() => [...new Set(findings.map((f) => f.code))].sort(), [findings]);
  const teams = useMemo(() => [...new Set([...teamsOf.values()].flatMap((s) => [...s]))].sort(), [teamsOf]);

  const visible = useMemo(() => {
    const open = findings.filter((f) => !f.waived);
    const waived = findings.filter((f) => f.waived);
    return [...open, ...waived].filter(
      (f) =>
        (f.waived ? shown.has("waived") : shown.has(f.severity)) &&
        (!rule || f.code === rule) &&
        (!team || (teamsOf.get(f)?.has(team) ?? false)),
    );
  }, [findings, shown, rule, team, teamsOf]);

  const toggle = (s: Shown) => {
    const next = new Set(shown);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    setShown(next);
  };
  const summary = report?.summary ?? { error: 0, warning: 0, info: 0, waived: 0, due: 0, nothing_to_check: false };

  return (
    <aside className="findings-panel" data-testid="findings-panel" aria-label="Findings">
      <header className="findings-head">
        <h2>Findings</h2>
        <span className="muted small" data-testid="audit-state" data-state={status.kind} data-revision={revision ?? ""} aria-live="polite">
          {status.kind === "running" ? "Checking…" : status.kind === "error" ? "Audit failed" : report ? "Up to date" : ""}
        </span>
      </header>
      {status.kind === "error" && (
        <p className="field-problem" role="alert">
          {status.message}
        </p>
      )}
      <div className="findings-counts" role="group" aria-label="Show by severity">
        {SEVERITIES.map((s) => (
          <button
            key={s}
            type="button"
            className={`count-chip sev-${s}`}
            aria-pressed={shown.has(s)}
            data-testid={`filter-${s}`}
            onClick={() => toggle(s)}
          >
            <span aria-hidden="true">{SEVERITY_ICON[s]}</span> {countText(summary[s], s)}
          </button>
        ))}
        <button
          type="button"
          className="count-chip waived"
          aria-pressed={shown.has("waived")}
          data-testid="filter-waived"
          onClick={() => toggle("waived")}
        >
          {summary.waived} waived
        </button>
      </div>
      <div className="findings-filters">
        <label className="field">
          <span>Rule</span>
          <select data-testid="filter-rule" value={rule} onChange={(e) => setRule(e.target.value)}>
            <option value="">All rules</option>
            {rules.map((r) => (
              <option key={r} value={r}>
                {ruleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Team</span>
          <select data-testid="filter-team" value={team} onChange={(e) => setTeam(e.target.value)}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      {report && findings.length === 0 && report.summary.nothing_to_check ? (
        <p className="findings-empty" data-testid="findings-nothing-to-check">
          Nothing to check yet. Add touchpoints and the handoffs between them, and the audit will look for places where the truth diverges.
        </p>
      ) : report && findings.length === 0 ? (
        <p className="findings-empty">No divergences found. Every handoff the audit can check holds.</p>
      ) : report && visible.length === 0 ? (
        <p className="findings-empty muted">No finding matches these filters.</p>
      ) : (
        <ol className="findings-list">
          {visible.slice(0, limit).map((f) => (
            <FindingItem
              key={`${findingId(f)}|${f.subjects.map((s) => s.id).join(",")}|${f.message}`}
              finding={f}
              names={names}
              selected={selected === findingId(f)}
              onSelect={onSelect}
              onWaive={onWaive}
              onUnwaive={onUnwaive}
              onAddActor={onAddActor}
            />
          ))}
        </ol>
      )}
      {visible.length > limit && (
        <button type="button" className="show-more" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, visible.length - limit)} more of {visible.length - limit}
        </button>
      )}
    </aside>
  );
}
