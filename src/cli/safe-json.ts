/**
 * JSON for stdout or a file that may end up on a terminal: JSON.stringify escapes C0 controls
 * only, so C1 controls, bidi overrides and U+2028/U+2029 from the input would be written raw
 * (`--json` piped to `less -R`, `export -o -` in a terminal). Here every character
 * `isUnsafeCodePoint` names is a `\uXXXX` escape instead; the JSON parses to the same value.
 */
import { isUnsafeCodePoint } from '../engine/safe-text';

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

/**
 * safeJson of a plain object as pieces that join to the same text: the opening brace with the
 * first key, each value, each comma and key, the closing brace. JSON.stringify holds a text about
 * twice while building it; for an object holding a 100 MB value, writing piece by piece keeps that
 * to the value's own size.
 */
export function safeJsonPieces(value: Readonly<Record<string, unknown>>): string[] {
  const pieces: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function') continue;
    pieces.push(`${pieces.length === 0 ? '{' : ','}${safeJson(key)}:`, safeJson(field));
  }
  pieces.push(pieces.length === 0 ? '{}' : '}');
  return pieces;
}
