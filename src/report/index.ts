/**
 * Public surface of the report module: HAR 1.2 in (Chrome DevTools, Firefox, Playwright, CORS Lens)
 * and out (with `_cors`). Pure: no clock, no I/O; callers pass text or parsed JSON and get data back.
 */
export { analyze, analyzeOne, type ReportRow, type RowSource } from './analyze';
export {
  annotateEntry,
  annotateHar,
  type ExportOptions,
  exportLogField,
  exportMeta,
  reportsByEntry,
} from './annotate-har';
export { CORS_FIELD_VERSION, type CorsField, corsField } from './cors-field';
export { type EntryReport, type EntryRole, entryReports } from './entry-reports';
export { MAX_HAR_NESTING, type NestingGuard, nestingGuard, TOO_DEEP } from './json-nesting';
export { type JsonEntry, type JsonReport, jsonReport } from './json-report';
export {
  createHarReader,
  ENTRIES_NOT_ARRAY,
  type HarCreator,
  type HarExchange,
  HarFormatError,
  type HarReader,
  type HarReadResult,
  type HarWarning,
  NO_LOG_OBJECT,
  readHar,
} from './read-har';
export { BODY_DROPPED, REDACTED, REDACTION, redactEntry } from './redact';
export { REDACTED_IN_URL, redactUrl } from './redact-url';
export { isSecretHeaderName, isSecretQueryParameter, SECRET_NAMES } from './secret-names';
export { writeHar } from './write-har';
