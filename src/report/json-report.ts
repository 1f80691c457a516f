/**
 * The `cors-lens analyze --json` contract: `{"entries": [...]}`, one element per HAR entry that is
 * not a preflight, in the HAR's order. Documented in the README; fields are only ever added.
 */
import type { EntryReport } from './entry-reports';

export type JsonEntry = Omit<EntryReport, 'role'> & { role: 'request' | 'redirect' };

export interface JsonReport {
  entries: JsonEntry[];
}

function isJsonEntry(report: EntryReport): report is JsonEntry {
  return report.role !== 'preflight';
}

/** The reports themselves, not copies: 100,000 copies were so much more for the collector to move. */
export function jsonReport(reports: readonly EntryReport[]): JsonReport {
  return { entries: reports.filter(isJsonEntry) };
}
