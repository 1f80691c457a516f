/**
 * CORS Lens's export of a HAR it read: the same log, every entry copied with a `_cors` field and,
 * unless told to keep them, its secrets redacted. Works entry by entry so a caller can stream.
 */

import { isRecord, type JsonRecord } from '../model/is-record';
import { corsField } from './cors-field';
import type { EntryReport } from './entry-reports';
import type { HarCreator } from './read-har';
import { REDACTION, redactEntry, redactLogField } from './redact';

export interface ExportOptions {
  /** Drop bodies and other free text and replace secrets with a marker (see REDACTION). Default true. */
  redact?: boolean;
  /** ISO 8601 time of the export; passed in so the output is deterministic. */
  generatedAt: string;
  /** The program writing the export, e.g. `{name: 'CORS Lens', version: '0.1.0'}`. */
  generator: HarCreator;
}

/** `log._cors`: who added the verdicts, when, and what was redacted ('none' when the user kept secrets). */
export function exportMeta(options: ExportOptions): JsonRecord {
  const redacted = options.redact !== false;
  return {
    version: 1,
    generator: options.generator,
    generatedAt: options.generatedAt,
    redacted,
    redaction: redacted ? REDACTION : 'none',
  };
}

/**
 * One `log` field other than `entries` as the export writes it, redacted unless asked not to;
 * undefined when the export leaves it out.
 */
export function exportLogField(name: string, value: unknown, options: Pick<ExportOptions, 'redact'>): unknown {
  return options.redact === false ? value : redactLogField(name, value);
}

/**
 * One raw entry with its `_cors` field (when there is a report for it), then redaction applied to
 * the whole result, `_cors` included: nothing written can escape it.
 */
export function annotateEntry(
  raw: unknown,
  report: EntryReport | undefined,
  options: Pick<ExportOptions, 'redact'>,
): unknown {
  const entry = isRecord(raw) && report !== undefined ? { ...raw, _cors: corsField(report) } : raw;
  return options.redact === false ? entry : redactEntry(entry);
}

/** A map from entry index to report, for annotating entries as they stream past. */
export function reportsByEntry(reports: readonly EntryReport[]): Map<number, EntryReport> {
  return new Map(reports.map((report) => [report.index, report]));
}

/**
 * The whole log with `_cors` fields. `parsed` must be a HAR object (as `readHar` accepted); its
 * other log fields (creator, browser, pages) are kept, redacted as `exportLogField` says.
 */
export function annotateHar(parsed: unknown, reports: readonly EntryReport[], options: ExportOptions): JsonRecord {
  const log = isRecord(parsed) && isRecord(parsed.log) ? parsed.log : {};
  const entries = Array.isArray(log.entries) ? log.entries : [];
  const byIndex = reportsByEntry(reports);
  const fields: JsonRecord = {};
  for (const [name, value] of Object.entries(log)) {
    if (name === 'entries') continue;
    const written = exportLogField(name, value, options);
    if (written !== undefined) fields[name] = written;
  }
  return {
    log: {
      ...fields,
      _cors: exportMeta(options),
      entries: entries.map((entry, index) => annotateEntry(entry, byIndex.get(index), options)),
    },
  };
}
