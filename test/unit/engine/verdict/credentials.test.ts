import { describe, expect, it } from 'vitest';
import { knownCredentials } from '../../../../src/engine/verdict/credentials';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import { credentialsRows } from '../../../fixtures/cors/credentials';
import { exchange } from '../../../fixtures/exchange-builder';
import { expectVerdict } from './expect-verdict';

describe('credentials mode (table)', () => {
  it('keeps all its rows', () => {
    expect(credentialsRows).toHaveLength(18);
  });

  it.each(credentialsRows)('$name', (row) => {
    expectVerdict(evaluate(row.exchange, row.options), row.expect);
  });
});

describe('credential notes', () => {
  it('give both readings when the verdict depends on a mode nothing shows', () => {
    const unknownOutcome = credentialsRows.find((row) => row.exchange.outcome === 'unknown');
    const note = unknownOutcome === undefined ? '' : evaluate(unknownOutcome.exchange).credentials.note;
    expect(note).toContain('Depends on the credentials mode');
    expect(note).toContain("without credentials ('omit'");
    expect(note).toContain('blocked (WildcardOriginNotAllowed)');
  });

  it('name the Cookie header when it is the proof', () => {
    const finding = knownCredentials(
      exchange({
        credentialsMode: 'unknown',
        request: { url: 'http://a.test/', method: 'GET', headers: [['cookie', 'a=1']] },
      }),
    );
    expect(finding?.note).toContain('Cookie');
  });
});
