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
 * Header pairs already read, shared between entries: a HAR repeats most headers on every entry
 * (User-Agent, Accept, sec-ch-ua, Vary, …), and a reader keeps every entry's headers until it
 * pairs them, so one copy per entry made most of its memory.
 */
export interface HeaderPool {
  /** name → value → pair */
  byName: Map<string, Map<string, readonly [string, string]>>;
  pairs: number;
}

export function headerPool(): HeaderPool {
  return { byName: new Map(), pairs: 0 };
}

/** Longer values are rarely repeated; the pool stops growing at so many pairs (a log of unique values). */
const POOLED_VALUE_CHARS = 256;
const POOL_PAIRS = 65_536;

function pooledPair(pool: HeaderPool | undefined, name: string, value: string): readonly [string, string] {
  if (pool === undefined || value.length > POOLED_VALUE_CHARS) return [name, value];
  let values = pool.byName.get(name);
  const known = values?.get(value);
  if (known !== undefined) return known;
  const pair = [name, value] as const;
  if (pool.pairs >= POOL_PAIRS) return pair;
  if (values === undefined) {
    values = new Map();
    pool.byName.set(name, values);
  }
  values.set(value, pair);
  pool.pairs++;
  return pair;
}

/**
 * A HAR `headers` array as a HeaderList, or a string naming what is wrong with it. Header objects
 * must have string `name` and `value`; a header with a non-string value is rejected, not coerced.
 */
export function readHeaders(value: unknown, where: string, pool?: HeaderPool): HeaderList | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return `${where}.headers is not an array`;
  const headers: Array<readonly [string, string]> = [];
  for (const header of value) {
    if (!isRecord(header) || typeof header.name !== 'string' || typeof header.value !== 'string') {
      return `${where}.headers has an element without string name and value`;
    }
    headers.push(pooledPair(pool, header.name, header.value));
  }
  return headers;
}
