import type { ReadinessReport } from "../backend";
import { type LibraryReport, useLibraryReport } from "../store/useLibraryReport";

export type ReportState = LibraryReport<ReadinessReport>;

/** The library's readiness report for `session` (null: the latest), asked again on every revision. */
export function useReadinessReport(slug: string, session: string | null, revision: number): ReportState {
  return useLibraryReport((b) => b.readinessReport(slug, session), [slug, session, revision]);
}
