import type { HeaderList } from '../engine';

/** What JSON.stringify writes and JSON.parse gives back. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A stored JSON string parsed, or undefined when it is not one. Storage is ours, but it outlives
 * an extension update: what comes back is checked by the caller, never trusted.
 */
export function parseStored(stored: unknown): unknown {
  if (typeof stored !== 'string') return undefined;
  try {
    return JSON.parse(stored);
  } catch {
    return undefined;
  }
}

/**
 * A header list as storage.session keeps it: `name:value` lines (HTTP forbids CR/LF in field
 * values and ':' in names), which costs storage a string's length instead of a nested array's
 * in-memory size. A list that breaks those rules (a binary header decoded byte by byte) stays an
 * array of pairs.
 */
export function encodeHeaders(headers: HeaderList): Json {
  const safe = headers.every(([name, value]) => !/[:\n]/.test(name) && !value.includes('\n') && name !== '');
  if (!safe) return headers.map(([name, value]) => [name, value]);
  return headers.map(([name, value]) => `${name}:${value}`).join('\n');
}

/** The header list `encodeHeaders` wrote, or null when `value` is not one. */
export function decodeHeaders(value: unknown): HeaderList | null {
  if (typeof value === 'string') {
    if (value === '') return [];
    return value.split('\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1)] as const;
    });
  }
  const pairs =
    Array.isArray(value) &&
    value.every((pair) => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string');
  return pairs ? (value as HeaderList) : null;
}
