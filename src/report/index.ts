/**
 * Public surface of the report module: HAR 1.2 in (Chrome DevTools, Firefox, Playwright, CORS Lens)
 * and out (with `_cors`). Pure: no clock, no I/O; callers pass text or parsed JSON and get data back.
 */
export { analyze, analyzeOne, type ReportRow, type RowSource } from './analyze';
export { annotateEntry, annotateHar, type ExportOptions, exportMeta, reportsByEntry } from './annotate-har';
export { CORS_FIELD_VERSION, type CorsField, corsField } from './cors-field';
export { type EntryReport, type EntryRole, entryReports } from './entry-reports';
export { MAX_HAR_NESTING, type NestingGuard, nestingGuard, TOO_DEEP } from './json-nesting';
export { type JsonEntry, type JsonReport, jsonReport } from './json-report';
export {
  createHarReader,
  type HarCreator,
  type HarExchange,
  HarFormatError,
  type HarReader,
  type HarReadResult,
  type HarWarning,
  readHar,
} from './read-har';
export { REDACTED, REDACTED_USERINFO, redactEntry, redactUrl } from './redact';
export { writeHar } from './write-har';
