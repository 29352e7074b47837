import type { PlaybookOptions, SectionPreview } from "../backend";
import { useLibraryReport } from "../store/useLibraryReport";

/** A short pause after a change, so a burst of clicks or edits asks the backend once. */
const DEBOUNCE_MS = 80;

export interface OutlineState {
  outline: SectionPreview[] | null;
  error: string | null;
  loading: boolean;
}

/**
 * The backend's outline of the playbook for these options, asked again when the options or
 * the workspace (its revision) change. An answer to an older question is dropped.
 */
export function usePlaybookOutline(slug: string, options: PlaybookOptions, revision: number): OutlineState {
  const key = JSON.stringify(options);
  const outline = useLibraryReport((b) => b.playbookOutline(slug, JSON.parse(key) as PlaybookOptions), [slug, key, revision], DEBOUNCE_MS);
  // A failed outline shows its error alone, not the outline of older options.
  return { outline: outline.error ? null : outline.report, error: outline.error, loading: outline.loading };
}
