import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import { modesAndSchemesRows } from '../../../fixtures/cors/modes-and-schemes';
import { exchange } from '../../../fixtures/exchange-builder';
import { expectVerdict } from './expect-verdict';

describe('modes, schemes and Local Network Access (table)', () => {
  it('keeps all its rows', () => {
    expect(modesAndSchemesRows).toHaveLength(35);
  });

  it.each(modesAndSchemesRows)('$name', (row) => {
    expectVerdict(evaluate(row.exchange, row.options), row.expect);
  });
});

describe('evaluate', () => {
  it('fills every Verdict field', () => {
    const verdict = evaluate(exchange());
    expect(Object.keys(verdict).sort()).toEqual(
      [
        'advisories',
        'blocked',
        'code',
        'contradictsOutcome',
        'credentials',
        'failedParameter',
        'header',
        'kind',
        'networkError',
        'redirectIndex',
        'specStep',
        'stage',
        'status',
        'trail',
      ].sort(),
    );
    expect(verdict.credentials.note).not.toBe('');
  });
});
