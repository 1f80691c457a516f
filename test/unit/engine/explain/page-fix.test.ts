import { describe, expect, it } from 'vitest';
import { pageFix } from '../../../../src/engine/explain/page-fix';
import { API_ORIGIN, exchange, PAGE_ORIGIN } from '../../../fixtures/exchange-builder';

function withMethod(method: string) {
  return exchange({ request: { url: `${API_ORIGIN}/data`, method, headers: [['Origin', PAGE_ORIGIN]] } });
}

describe('pageFix', () => {
  it.each(['patch', 'Patch', 'purge'])('asks the page to send %s in uppercase: no server can fix it', (method) => {
    const fix = pageFix(withMethod(method));
    expect(fix?.summary).toBe(`Send '${method.toUpperCase()}' from the page, not '${method}'.`);
    expect(fix?.detail).toContain('400');
  });

  it.each(['PATCH', 'GET', 'delete', 'Post', 'OPTIONS'])(
    'has nothing for %s (uppercase, or normalised by fetch)',
    (method) => {
      expect(pageFix(withMethod(method))).toBeNull();
    },
  );

  it('shows a hostile method escaped', () => {
    expect(pageFix(withMethod('p\u001b[2Jatch'))?.summary).toBe(
      "Send 'P\\x1B[2JATCH' from the page, not 'p\\x1B[2Jatch'.",
    );
  });
});
