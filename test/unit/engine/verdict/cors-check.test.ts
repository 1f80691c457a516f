import { describe, expect, it } from 'vitest';
import { corsCheck } from '../../../../src/engine/verdict/cors-check';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import { corsCheckRows } from '../../../fixtures/cors/cors-check';
import { expectVerdict } from './expect-verdict';

describe('CORS check (table)', () => {
  it('keeps all its rows', () => {
    expect(corsCheckRows).toHaveLength(41);
  });

  it.each(corsCheckRows)('$name', (row) => {
    expectVerdict(evaluate(row.exchange, row.options), row.expect);
  });
});

describe('corsCheck', () => {
  it('returns null on success and a failure value otherwise', () => {
    expect(corsCheck([['Access-Control-Allow-Origin', '*']], 'http://a.test', false)).toBeNull();
    expect(corsCheck([], 'http://a.test', false)?.code).toBe('MissingAllowOriginHeader');
  });
});
