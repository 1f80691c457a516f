import type { ReportRow } from '../report/index';

export interface Summary {
  requests: number;
  crossOrigin: number;
  blocked: number;
  withAdvisories: number;
}

export function emptySummary(): Summary {
  return { requests: 0, crossOrigin: 0, blocked: 0, withAdvisories: 0 };
}

export function addToSummary(summary: Summary, row: ReportRow): void {
  summary.requests++;
  if (row.crossOrigin) summary.crossOrigin++;
  if (row.verdict.blocked) summary.blocked++;
  if (row.verdict.advisories.length > 0) summary.withAdvisories++;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function summaryLine(summary: Summary): string {
  return `${plural(summary.requests, 'request')}, ${summary.crossOrigin} cross-origin, ${summary.blocked} blocked, ${summary.withAdvisories} with advisories`;
}
