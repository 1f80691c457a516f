import { describe, expect, it } from 'vitest';
import { pageFix } from '../../../../src/engine/explain/page-fix';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../../fixtures/exchange-builder';

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

  describe('a redirected preflight', () => {
    function redirected(status: number, location: string | null) {
      const headers: [string, string][] = location === null ? [] : [['Location', location]];
      return exchange({
        request: {
          url: `${API_ORIGIN}/data`,
          method: 'GET',
          headers: [
            ['Origin', PAGE_ORIGIN],
            ['X-Api-Key', 'k'],
          ],
        },
        preflight: preflight(
          'GET',
          ['x-api-key'],
          response(status, [['Access-Control-Allow-Origin', PAGE_ORIGIN], ...headers]),
        ),
      });
    }

    it.each([301, 302, 307, 308])(
      'asks the page to call the final URL after a %i (no preflight follows a redirect)',
      (status) => {
        const fix = pageFix(redirected(status, '/data/'));
        expect(fix?.summary).toBe(`Request '${API_ORIGIN}/data/' from the page, not '${API_ORIGIN}/data'.`);
        expect(fix?.detail).toContain(`answered ${status} with Location '/data/'`);
      },
    );

    it('keeps an absolute Location as it is', () => {
      expect(pageFix(redirected(301, 'https://api.example/data'))?.summary).toBe(
        `Request 'https://api.example/data' from the page, not '${API_ORIGIN}/data'.`,
      );
    });

    it.each([
      [200, '/data/'],
      [301, null],
      [204, null],
    ])('has nothing for a %i preflight with Location %s', (status, location) => {
      expect(pageFix(redirected(status, location))).toBeNull();
    });

    it('shows a hostile Location escaped', () => {
      expect(pageFix(redirected(302, '/x\u001b[2J'))?.summary).toContain('\\x1B[2J');
    });
  });
});
