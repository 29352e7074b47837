import type { RefObject } from "react";
import { isFiltering, NO_FILTER, type StackFilter } from "./filter";

interface Props {
  filter: StackFilter;
  onChange: (f: StackFilter) => void;
  channels: string[];
  teams: string[];
  /** Cards that match, of all the stack's cards. */
  matches: number;
  total: number;
  /** Whether the audit is still being asked which cards have findings. */
  checking: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * Finds cards on the stack: words in names and text, a channel, a team, or only cards with
 * findings. The cards that do not match are hidden; the count says how many do. Escape in
 * the field clears everything; Ctrl+F comes back to it.
 */
export function StackSearch({ filter, onChange, channels, teams, matches, total, checking, inputRef }: Props) {
  const active = isFiltering(filter);
  const set = (part: Partial<StackFilter>) => onChange({ ...filter, ...part });
  return (
    <div role="search" className="stack-search" aria-label="Find cards">
      <input
        ref={inputRef}
        type="search"
        className="stack-search-input"
        data-testid="stack-search"
        aria-label="Find cards by name or text"
        placeholder="Find cards (Ctrl+F)"
        value={filter.query}
        onChange={(e) => set({ query: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === "Escape" && active) {
            e.preventDefault();
            e.stopPropagation();
            onChange(NO_FILTER);
          }
        }}
      />
      <label className="stack-filter">
        <select
          data-testid="stack-filter-channel"
          aria-label="Channel"
          value={filter.channel}
          onChange={(e) => set({ channel: e.target.value })}
        >
          <option value="">Any channel</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="stack-filter">
        <select data-testid="stack-filter-team" aria-label="Team" value={filter.team} onChange={(e) => set({ team: e.target.value })}>
          <option value="">Any team</option>
          {teams.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="stack-filter check">
        <input
          type="checkbox"
          data-testid="stack-filter-findings"
          checked={filter.withFindings}
          onChange={(e) => set({ withFindings: e.target.checked })}
        />
        <span>With findings</span>
      </label>
      <output className="stack-search-count muted" data-testid="stack-search-count" aria-live="polite">
        {active
          ? `${matches} of ${total} card${total === 1 ? "" : "s"}${checking ? " (checking findings…)" : ""}`
          : `${total} card${total === 1 ? "" : "s"}`}
      </output>
      {active && (
        <button type="button" className="link" data-testid="stack-search-clear" onClick={() => onChange(NO_FILTER)}>
          Clear
        </button>
      )}
    </div>
  );
}
