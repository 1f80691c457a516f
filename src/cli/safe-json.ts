/**
 * JSON for stdout or a file that may end up on a terminal: JSON.stringify escapes C0 controls
 * only, so C1 controls, bidi overrides and U+2028/U+2029 from the input would be written raw
 * (`--json` piped to `less -R`, `export -o -` in a terminal). Here every character
 * `isUnsafeCodePoint` names is a `\uXXXX` escape instead; the JSON parses to the same value.
 */
import { isUnsafeCodePoint } from '../engine';

/** Every unsafe character outside C0 lies in these ranges (which also hold safe ones, let through). */
const NON_C0_CANDIDATES = /[\u007f-\u009f\u200e-\u202e\u2066-\u2069\ufeff]+/g;

function escapeUnsafe(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) {
    const unit = run.charCodeAt(i);
    out += isUnsafeCodePoint(unit) ? `\\u${unit.toString(16).padStart(4, '0')}` : run[i];
  }
  return out;
}

export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(NON_C0_CANDIDATES, escapeUnsafe);
}
