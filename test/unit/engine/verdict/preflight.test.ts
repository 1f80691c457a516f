import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import { parseAllowList } from '../../../../src/engine/verdict/preflight';
import { preflightRows } from '../../../fixtures/cors/preflight';
import { expectVerdict } from './expect-verdict';

describe('CORS-preflight fetch (table)', () => {
  it('keeps all its rows', () => {
    expect(preflightRows).toHaveLength(48);
  });

  it.each(preflightRows)('$name', (row) => {
    expectVerdict(evaluate(row.exchange, row.options), row.expect);
  });
});

describe('parseAllowList', () => {
  it('treats an absent header as an empty list and a non-token as failure', () => {
    expect(parseAllowList(null)).toEqual([]);
    expect(parseAllowList(' GET , ,PUT ')).toEqual(['GET', 'PUT']);
    expect(parseAllowList('GET;')).toBeNull();
  });
});
