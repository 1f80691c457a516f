import { evaluate, explain } from '../../engine';
import { type ExchangeRecord, isBlockedRecord } from '../../model/exchange-record';
import type { TabId } from '../../model/ids';
import { type ReportRow, readHar, writeHar } from '../../report/index';

/** A HAR file read into the panel: shown in the same views as the live log, labelled as imported. */
export interface ImportedLog {
  fileName: string;
  records: readonly ExchangeRecord[];
  /** `log.entries.length` of the file, preflights and same-origin requests included. */
  entryCount: number;
  /** Entries the reader skipped as malformed. */
  warningCount: number;
}

/** Imported records live in no tab. */
const IMPORTED_TAB: TabId = -1;

/**
 * Reads a HAR (Chrome's, Firefox's, Playwright's or ours) into records with fresh verdicts.
 * Only cross-origin exchanges are kept, as in the live log. Throws HarFormatError when the text
 * is not a HAR at all.
 */
export function importHar(text: string, fileName: string): ImportedLog {
  const result = readHar(text);
  // Verdicts only: the detail view explains the one record it shows, when it shows it.
  const crossOrigin = result.records.filter((record) => record.crossOrigin);
  const records = crossOrigin.map(
    ({ exchange, startedDateTime }, index): ExchangeRecord => ({
      requestId: `imported-${index}`,
      preflightRequestId: exchange.preflight.kind === 'observed' ? `imported-${index}-preflight` : null,
      tabId: IMPORTED_TAB,
      startedAt: startedDateTime === null ? Number.NaN : Date.parse(startedDateTime),
      // HAR timings are not carried into exchanges: the duration is unknown, not zero.
      endedAt: Number.NaN,
      exchange,
      verdict: evaluate(exchange),
    }),
  );
  return { fileName, records, entryCount: result.entryCount, warningCount: result.warnings.length };
}

function reportRow(record: ExchangeRecord): ReportRow {
  return {
    exchange: record.exchange,
    verdict: record.verdict,
    explanation: explain(record.verdict, record.exchange),
    crossOrigin: true,
    blocked: isBlockedRecord(record),
    startedDateTime: Number.isFinite(record.startedAt) ? new Date(record.startedAt).toISOString() : null,
    source: null,
  };
}

export interface ExportRequest {
  records: readonly ExchangeRecord[];
  /** Keep everything instead of redacting secrets (see REDACTION in report/redact.ts). */
  keepSecrets: boolean;
  now: Date;
  version: string;
}

/** The log as HAR 1.2 text with `_cors` on every entry, secrets redacted unless asked to keep them. */
export function exportHar({ records, keepSecrets, now, version }: ExportRequest): string {
  const har = writeHar(records.map(reportRow), {
    redact: !keepSecrets,
    generatedAt: now.toISOString(),
    generator: { name: 'CORS Lens', version },
  });
  return JSON.stringify(har, null, 2);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The host of the page that made most of the requests, for the export's file name. */
function pageHost(records: readonly ExchangeRecord[]): string | null {
  const counts = new Map<string, number>();
  for (const { exchange } of records) {
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(exchange.initiatorOrigin ?? '')?.[1];
    if (host !== undefined) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [host, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = host;
  return best;
}

/** `cors-lens-<page host>-<YYYYMMDD-HHMMSS>.har`, in local time, with only file-name-safe characters. */
export function exportFileName(records: readonly ExchangeRecord[], now: Date): string {
  const host = (pageHost(records) ?? 'log').replace(/[^a-z0-9.-]/gi, '_').slice(0, 80);
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `cors-lens-${host}-${date}-${time}.har`;
}
