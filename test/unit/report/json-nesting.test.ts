import { describe, expect, it } from 'vitest';
import { MAX_HAR_NESTING, nestingGuard } from '../../../src/report/json-nesting';

const long = 'x'.repeat(100);
const CASES: [string, string, boolean][] = [
  ['three levels', '{"a":[{"b":1}]}', true],
  ['four levels', '{"a":[{"b":[]}]}', false],
  ['brackets in a string', '{"a":"[[[[{{{{"}', true],
  ['an escaped quote does not end the string', '{"a":"\\"[[[["}', true],
  ['an escaped backslash does', '[["\\\\"],[[]]]', true],
  ['an escaped backslash, then brackets', '["\\\\",[[[]]]]', false],
  ['brackets in a long string', `{"a":"${long}[[[[\\"${long}\\\\"}`, true],
  ['a long string, then nesting', `[["${long}\\"${long}",[[]]]]`, false],
  ['siblings do not add up', '[[[]],[[]],[[]]]', true],
];

describe('nestingGuard (limit 3)', () => {
  it.each(CASES)('%s', (_name, text, ok) => {
    expect(nestingGuard(3)(text)).toBe(ok);
  });

  it.each(CASES)('%s, cut into two pieces anywhere', (_name, text, ok) => {
    for (let cut = 0; cut <= text.length; cut++) {
      const guard = nestingGuard(3);
      expect(guard(text.slice(0, cut)) && guard(text.slice(cut))).toBe(ok);
    }
  });

  it('and fed one character at a time', () => {
    for (const [, text, ok] of CASES) {
      const guard = nestingGuard(3);
      expect([...text].every((ch) => guard(ch))).toBe(ok);
    }
  });
});

it(`allows ${MAX_HAR_NESTING} levels by default and refuses one more`, () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  expect(nestingGuard()(nested(MAX_HAR_NESTING))).toBe(true);
  expect(nestingGuard()(nested(MAX_HAR_NESTING + 1))).toBe(false);
});
