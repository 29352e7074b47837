import type { PlaybookOptions } from "../../backend";
import { useLibraryReport } from "../../store/useLibraryReport";

/** Rendering a large playbook takes a moment: wait for a pause in the clicks and edits. */
const DEBOUNCE_MS = 400;

export interface PdfState {
  bytes: Uint8Array | null;
  error: string | null;
  loading: boolean;
}

/**
 * The playbook PDF for these options, asked again when the options or the workspace (its
 * revision) change. The last pages stay while the next ones are made; an answer to an older
 * question is dropped.
 */
export function usePlaybookPdf(slug: string, options: PlaybookOptions, revision: number): PdfState {
  const key = JSON.stringify(options);
  const pdf = useLibraryReport((b) => b.playbookPdf(slug, JSON.parse(key) as PlaybookOptions), [slug, key, revision], DEBOUNCE_MS);
  return { bytes: pdf.report, error: pdf.error, loading: pdf.loading };
}
