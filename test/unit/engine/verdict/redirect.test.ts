import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import { redirectRows } from '../../../fixtures/cors/redirects';
import { expectVerdict } from './expect-verdict';

describe('HTTP-redirect fetch (table)', () => {
  it('keeps all its rows', () => {
    expect(redirectRows).toHaveLength(29);
  });

  it.each(redirectRows)('$name', (row) => {
    expectVerdict(evaluate(row.exchange, row.options), row.expect);
  });
});
