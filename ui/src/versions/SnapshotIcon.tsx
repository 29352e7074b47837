/** A snapshot: a camera, drawn so it shows on every system font. */
export function SnapshotIcon({ size = 16 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="snapshot-icon">
      <path d="M2 5h2.5l1.2-2h4.6l1.2 2H14v8H2z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <circle cx="8" cy="9" r="2.4" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
