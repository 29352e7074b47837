import type { MonitorReport } from "../backend";
import { type LibraryReport, useLibraryReport } from "../store/useLibraryReport";

export type MonitorState = LibraryReport<MonitorReport>;

/** The library's monitor report as of `asOf` (null: the newest reading), asked again on every revision. */
export function useMonitorReport(slug: string, asOf: string | null, revision: number): MonitorState {
  return useLibraryReport((b) => b.monitorReport(slug, asOf), [slug, asOf, revision]);
}
