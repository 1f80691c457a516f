import { expect, it } from 'vitest';
import { safeJson, safeJsonPieces } from '../../../src/cli/safe-json';

it('writes C1, bidi and separator characters as escapes, and parses back to the same value', () => {
  const value = { a: '\u009b31m\u0085 \u202eevil\u202c \u2028 \u2066x\u2069 \ufeff', b: ['\u001b', '– “ok” é'] };
  const text = safeJson(value, 2);
  expect(text).toContain('\\u009b31m\\u0085 \\u202eevil\\u202c \\u2028 \\u2066x\\u2069 \\ufeff');
  expect(text).toContain('– “ok” é');
  expect(JSON.parse(text)).toEqual(value);
});

it('writes an object piece by piece to the same text as in one piece', () => {
  const values = [
    { a: 1, b: '\u202e', c: null, d: undefined, e: { f: ['\u0085', 2] }, g: () => 1 },
    {},
    { only: 'x'.repeat(1000) },
    // Past the slice length, with escapes and a surrogate pair across the cut.
    { long: `${'a'.repeat((1 << 20) - 1)}😀"\u0085${'b'.repeat(1 << 20)}`, nested: { deep: { x: ['y'] } } },
  ];
  for (const value of values) expect(safeJsonPieces(value).join('')).toBe(safeJson(value));
});
