import { type Mark, TONE_ICON } from "./lens";

/** The marks on one item: each an icon and a word in its tone, the detail on hover. */
export function MarkBadges({ marks, className = "" }: { marks: readonly Mark[]; className?: string }) {
  if (marks.length === 0) return null;
  return (
    <span className={`marks ${className}`} data-testid="marks">
      {marks.map((m, i) => (
        // Marks are derived, never reordered: the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <span key={i} className={`mark mark-${m.tone}`} data-tone={m.tone} title={m.detail ?? m.label}>
          <span aria-hidden="true" className="mark-icon">
            {TONE_ICON[m.tone]}
          </span>
          <span className="mark-label">{m.label}</span>
          {m.detail && <span className="sr-only">: {m.detail}</span>}
        </span>
      ))}
    </span>
  );
}

/** The tone an item is drawn in: its first mark's, or none. */
export function toneClass(marks: readonly Mark[]): string {
  return marks.length > 0 ? ` has-mark mark-${marks[0].tone}` : "";
}
