/**
 * The `cors-lens analyze --json` contract: `{"entries": [...]}`, one element per HAR entry that is
 * not a preflight, in the HAR's order. Documented in the README; fields are only ever added.
 */
import type { EntryReport } from './entry-reports';

export type JsonEntry = Omit<EntryReport, 'role'> & { role: 'request' | 'redirect' };

export interface JsonReport {
  entries: JsonEntry[];
}

export function jsonReport(reports: readonly EntryReport[]): JsonReport {
  const entries: JsonEntry[] = [];
  for (const report of reports) if (report.role !== 'preflight') entries.push({ ...report, role: report.role });
  return { entries };
}
