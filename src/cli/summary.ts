import type { ReportRow } from '../report/index';

export interface Summary {
  requests: number;
  crossOrigin: number;
  blocked: number;
  withAdvisories: number;
}

export function summarize(rows: readonly ReportRow[]): Summary {
  const summary: Summary = { requests: rows.length, crossOrigin: 0, blocked: 0, withAdvisories: 0 };
  for (const row of rows) {
    if (row.crossOrigin) summary.crossOrigin++;
    if (row.verdict.blocked) summary.blocked++;
    if (row.verdict.advisories.length > 0) summary.withAdvisories++;
  }
  return summary;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function summaryLine(summary: Summary): string {
  return `${plural(summary.requests, 'request')}, ${summary.crossOrigin} cross-origin, ${summary.blocked} blocked, ${summary.withAdvisories} with advisories`;
}
