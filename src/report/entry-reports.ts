/**
 * What CORS Lens says about each HAR entry: the entry where an exchange ended carries the
 * verdict, redirect hops point onward, preflights point at their request. Both the `--json` output
 * and the `_cors` field of an exported HAR are cut from these.
 */
import type { Advisory, CorsErrorCode, HeaderFinding, VerdictKind, VerdictStage } from '../engine/index';
import { unexposedResponseHeaders } from '../engine/index';
import type { ReportRow, RowSource } from './analyze';

export type EntryRole = 'request' | 'redirect' | 'preflight';

export interface EntryReport {
  /** Index in `log.entries`. */
  index: number;
  role: EntryRole;
  url: string;
  method: string;
  /** HTTP status of this entry's response; null when none arrived. */
  status: number | null;
  crossOrigin: boolean;
  blocked: boolean;
  /** The verdict kind; null on redirect hops and preflights, whose verdict sits on their request. */
  kind: VerdictKind | null;
  code: CorsErrorCode | null;
  /** As Chromium reports it: the offending value, method or header name ('' when none); null when not blocked. */
  failedParameter: string | null;
  stage: VerdictStage | null;
  summary: string;
  /** The header (or method) check that failed: what had to be there and what was. */
  header: HeaderFinding | null;
  unexposedHeaders: string[];
  advisories: Advisory[];
  firefoxReason: string | null;
  /** On a request: its preflight's entry index. */
  preflightEntry: number | null;
  /** The exchange's first entry (the request as first sent). */
  requestEntry: number;
  /** On a redirect hop: the entry it redirected to. */
  redirectedTo: number | null;
}

/**
 * A flat copy of a string built by concatenation: V8 keeps such strings as ropes that hold every
 * piece alive, which made 100,000 retained summaries cost gigabytes (see the HAR bench).
 */
function flat(text: string): string {
  return ` ${text}`.slice(1);
}

function unexposedOf(row: ReportRow): string[] {
  const { verdict, exchange } = row;
  if (verdict.kind !== 'passed' || exchange.response === null || !row.crossOrigin) return [];
  return unexposedResponseHeaders(exchange.response.headers, verdict.credentials.mode === 'include');
}

function requestReport(row: ReportRow, source: RowSource, index: number): EntryReport {
  const { verdict, explanation, exchange } = row;
  return {
    index,
    role: 'request',
    url: source.finalRequest.url,
    method: source.finalRequest.method,
    status: exchange.response?.status ?? null,
    crossOrigin: row.crossOrigin,
    blocked: row.blocked,
    kind: verdict.kind,
    code: verdict.code,
    failedParameter: verdict.blocked ? verdict.failedParameter : null,
    stage: verdict.stage,
    summary: flat(explanation.summary),
    header: verdict.header,
    unexposedHeaders: unexposedOf(row),
    advisories: [...verdict.advisories],
    firefoxReason: explanation.firefoxReason,
    preflightEntry: source.preflightEntry,
    requestEntry: source.entries[0] ?? index,
    redirectedTo: null,
  };
}

interface PointerFields {
  role: EntryRole;
  url: string;
  method: string;
  status: number | null;
  summary: string;
  redirectedTo: number | null;
}

function pointerReport(row: ReportRow, source: RowSource, index: number, fields: PointerFields): EntryReport {
  return {
    index,
    ...fields,
    crossOrigin: row.crossOrigin,
    blocked: false,
    kind: null,
    code: null,
    failedParameter: null,
    stage: null,
    header: null,
    unexposedHeaders: [],
    advisories: [],
    firefoxReason: null,
    preflightEntry: null,
    requestEntry: source.entries[0] ?? index,
  };
}

/** Reports for every entry of the rows' sources, sorted by entry index. Rows without a source are skipped. */
export function entryReports(rows: readonly ReportRow[]): EntryReport[] {
  const reports: EntryReport[] = [];
  for (const row of rows) {
    const source = row.source;
    if (source === null) continue;
    const { entries } = source;
    entries.forEach((index, hop) => {
      const step = row.exchange.redirects[hop];
      const next = entries[hop + 1];
      if (step === undefined || next === undefined) {
        reports.push(requestReport(row, source, index));
        return;
      }
      const { url, method } = step.request;
      const summary = `Redirected (${step.response.status}); the request went on at entry ${next}.`;
      reports.push(
        pointerReport(row, source, index, {
          role: 'redirect',
          url,
          method,
          status: step.response.status,
          summary,
          redirectedTo: next,
        }),
      );
    });
    const pre = row.exchange.preflight;
    if (source.preflightEntry !== null && pre.kind === 'observed') {
      const summary = `CORS preflight for the request at entry ${entries[0]}.`;
      const fields = { url: pre.request.url, method: pre.request.method, status: pre.response?.status ?? null };
      reports.push(
        pointerReport(row, source, source.preflightEntry, {
          role: 'preflight',
          ...fields,
          summary,
          redirectedTo: null,
        }),
      );
    }
  }
  return reports.sort((a, b) => a.index - b.index);
}
