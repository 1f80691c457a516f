import { describe, expect, it } from 'vitest';
import { parseMaxAge, unexposedResponseHeaders } from '../../../../src/engine/verdict/advisories';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import { advisoryRows } from '../../../fixtures/cors/advisories';
import { expectVerdict } from './expect-verdict';

describe('advisories (table)', () => {
  it('keeps all its rows', () => {
    expect(advisoryRows).toHaveLength(23);
  });

  it.each(advisoryRows)('$name', (row) => {
    expectVerdict(evaluate(row.exchange, row.options), row.expect);
  });
});

describe('advisory helpers', () => {
  it('parse Max-Age like Chromium', () => {
    expect(parseMaxAge(null)).toBeNull();
    expect(parseMaxAge('abc')).toBeNull();
    expect(parseMaxAge('+30')).toBe(30);
    expect(parseMaxAge('-5')).toBe(-5);
  });

  it('list unexposed headers sorted and lowercased', () => {
    expect(
      unexposedResponseHeaders(
        [
          ['X-B', '1'],
          ['x-a', '2'],
          ['Content-Type', 'x'],
        ],
        false,
      ),
    ).toEqual(['x-a', 'x-b']);
  });

  it('quote the real values in messages', () => {
    const row = advisoryRows[0];
    const message = row === undefined ? '' : evaluate(row.exchange).advisories[0]?.message;
    expect(message).toContain('x-total-count');
  });
});
