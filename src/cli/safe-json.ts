/**
 * JSON for stdout or a file that may end up on a terminal: JSON.stringify escapes C0 controls
 * only, so C1 controls, bidi overrides and U+2028/U+2029 from the input would be written raw
 * (`--json` piped to `less -R`, `export -o -` in a terminal). Here every character
 * `isUnsafeCodePoint` names is a `\uXXXX` escape instead; the JSON parses to the same value.
 */
import { isUnsafeCodePoint } from '../engine';

/** Every unsafe character outside C0 lies in these ranges (which also hold safe ones, let through). */
const NON_C0_CANDIDATES = /[\u007f-\u009f\u200e-\u202e\u2066-\u2069\ufeff]+/g;
const HAS_CANDIDATE = /[\u007f-\u009f\u200e-\u202e\u2066-\u2069\ufeff]/;

function escapeUnsafe(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) {
    const unit = run.charCodeAt(i);
    out += isUnsafeCodePoint(unit) ? `\\u${unit.toString(16).padStart(4, '0')}` : run[i];
  }
  return out;
}

export function safeJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  // Tested first: `replace` copies the text even when nothing matches, and a HAR value can be 100 MB.
  return HAS_CANDIDATE.test(json) ? json.replace(NON_C0_CANDIDATES, escapeUnsafe) : json;
}

/** A string this long is written in slices of this many characters. */
const SLICE_CHARS = 1 << 20;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** A long string's JSON in slices, never cutting a surrogate pair (whose halves alone JSON.stringify escapes). */
function stringPieces(text: string, pieces: string[]): void {
  pieces.push('"');
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + SLICE_CHARS);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    pieces.push(safeJson(text.slice(at, end)).slice(1, -1));
    at = end;
  }
  pieces.push('"');
}

function valuePieces(value: unknown, pieces: string[]): void {
  if (typeof value === 'string' && value.length > SLICE_CHARS) stringPieces(value, pieces);
  else if (typeof value === 'object' && value !== null && !Array.isArray(value)) objectPieces(value, pieces);
  else pieces.push(safeJson(value));
}

function objectPieces(value: object, pieces: string[]): void {
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function') continue;
    pieces.push(`${first ? '{' : ','}${safeJson(key)}:`);
    first = false;
    valuePieces(field, pieces);
  }
  pieces.push(first ? '{}' : '}');
}

/**
 * safeJson of a plain object as pieces that join to the same text: each key, each value, and a
 * string over 1 MB in 1 MB slices. JSON.stringify holds a text about twice while building it, and a
 * HAR value can be 100 MB: written piece by piece, no piece is larger than 1 MB and its escapes.
 */
export function safeJsonPieces(value: Readonly<Record<string, unknown>>): string[] {
  const pieces: string[] = [];
  objectPieces(value, pieces);
  return pieces;
}
