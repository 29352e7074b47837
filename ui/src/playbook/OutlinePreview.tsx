import type { OutlineState } from "./usePlaybookOutline";

/** What the PDF will hold, section by section, as the backend plans it. */
export function OutlinePreview({ outline, error, loading }: OutlineState) {
  return (
    <div
      className="pb-preview"
      data-testid="playbook-preview"
      aria-busy={loading}
      aria-live="polite"
      aria-label="What goes in the playbook"
    >
      {error ? (
        <p className="pb-preview-error" role="alert">
          The preview is not available: {error}
        </p>
      ) : outline === null ? (
        <p className="muted">Planning the playbook…</p>
      ) : outline.length === 0 ? (
        <p className="muted">Nothing goes in yet: switch on at least one section.</p>
      ) : (
        <ol className="pb-outline">
          {outline.map((s, i) => (
            <li key={s.section} data-testid="playbook-preview-section" data-section={s.section}>
              <span className="pb-outline-number" aria-hidden="true">
                {i + 1}
              </span>
              <div>
                <span className="pb-outline-title">{s.title}</span>
                <span className="pb-outline-summary">{s.summary}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
