/**
 * The matrices' check of a row that says which response headers the page's script can read
 * (`passReading` in scenario-types.ts): the browser's own reads must match the row, and so must
 * what CORS Lens says — the unexposed headers it lists and the headers its advisory names.
 */
import type { PageResult } from './scenario-run';
import type { ReadableHeaders } from './scenario-types';

/** What one of CORS Lens's outputs (the engine, an exported `_cors`, `analyze --json`) says about a response. */
export interface SaidAboutHeaders {
  /** Response headers it calls unreadable by JavaScript, lowercase. */
  unexposed: readonly string[];
  advisories: readonly { code: string; message: string }[];
}

const UNEXPOSED_ADVISORY = 'unexposed-response-headers';

/** The browser's reads against the row: one line per header the browser hid or showed unlike the row says. */
export function browserReadDifferences(
  expected: ReadableHeaders,
  reads: readonly string[],
  seen: PageResult,
): string[] {
  if (!seen.ok || seen.read === undefined) return [`the page read nothing: ${JSON.stringify(seen)}`];
  const read = seen.read;
  return reads.flatMap((name) => {
    const lower = name.toLowerCase();
    const hidden = read[lower] === null;
    return hidden === expected.unreadable.includes(lower) ? [] : [`the browser ${hidden ? 'hid' : 'showed'} ${lower}`];
  });
}

/** CORS Lens's account against the row: one line per header it lists or advises unlike the row says. */
export function saidDifferences(expected: ReadableHeaders, reads: readonly string[], said: SaidAboutHeaders): string[] {
  const lines = reads.flatMap((name) => {
    const lower = name.toLowerCase();
    const listed = said.unexposed.includes(lower);
    return listed === expected.unreadable.includes(lower)
      ? []
      : [`${listed ? 'lists' : 'omits'} ${lower} as unexposed`];
  });
  const advisory = said.advisories.find((candidate) => candidate.code === UNEXPOSED_ADVISORY);
  if (expected.advised.length === 0) {
    if (advisory !== undefined) lines.push(`advises where no script wanted a header: ${advisory.message}`);
    return lines;
  }
  if (advisory === undefined) return [...lines, `no ${UNEXPOSED_ADVISORY} advisory for ${expected.advised.join(', ')}`];
  for (const name of expected.unreadable) {
    const named = advisory.message.includes(name);
    if (named !== expected.advised.includes(name))
      lines.push(`the advisory ${named ? 'names' : 'omits'} ${name}: ${advisory.message}`);
  }
  return lines;
}
