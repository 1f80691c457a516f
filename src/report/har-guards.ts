/**
 * Type guards for HAR input: parsed JSON is `unknown` until these say otherwise. Tolerant where
 * real exporters differ (a missing `statusText`, a null `_initiator`), strict where a value is needed.
 */
import type { HeaderList } from '../engine';

import { isRecord } from '../model/is-record';

export function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function finiteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * A HAR `headers` array as a HeaderList, or a string naming what is wrong with it. Header objects
 * must have string `name` and `value`; a header with a non-string value is rejected, not coerced.
 */
export function readHeaders(value: unknown, where: string): HeaderList | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return `${where}.headers is not an array`;
  const headers: Array<readonly [string, string]> = [];
  for (const header of value) {
    if (!isRecord(header) || typeof header.name !== 'string' || typeof header.value !== 'string') {
      return `${where}.headers has an element without string name and value`;
    }
    headers.push([header.name, header.value]);
  }
  return headers;
}
