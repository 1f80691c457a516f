/** The `_cors` object CORS Lens adds to each HAR entry it exports (custom fields start with `_`, so DevTools ignores it). */
import type { EntryReport } from './entry-reports';

/** Bumped only when a field changes meaning; new fields may appear without a bump. */
export const CORS_FIELD_VERSION = 1;

export type CorsField = Omit<EntryReport, 'index' | 'url' | 'method' | 'crossOrigin'> & {
  version: typeof CORS_FIELD_VERSION;
  crossOrigin: boolean;
};

export function corsField(report: EntryReport): CorsField {
  const { index: _index, url: _url, method: _method, ...rest } = report;
  return { version: CORS_FIELD_VERSION, ...rest };
}
