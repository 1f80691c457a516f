/** The words of `toHaveNoCorsErrors`: passing, blocked (with and without a stack) and a disagreement, escaped. */
import { describe, expect, it } from 'vitest';
import { agreesWithChromium, type Exchange, evaluate, explain } from '../../../src/engine';
import type { CorsErrorStatus } from '../../../src/playwright/cdp-recorder';
import type { CorsLens } from '../../../src/playwright/cors-lens';
import { corsMatchers } from '../../../src/playwright/cors-matchers';
import { harOf } from '../../../src/playwright/har-of';
import type { JudgedExchange } from '../../../src/playwright/judged-exchange';

const PAGE = 'http://localhost:3000';

function exchangeWith(responseHeaders: [string, string][], outcome: Exchange['outcome']): Exchange {
  return {
    initiatorOrigin: PAGE,
    request: { url: 'http://127.0.0.1:8080/items', method: 'GET', headers: [['Origin', PAGE]] },
    resourceType: 'fetch',
    credentialsMode: 'unknown',
    mode: 'unknown',
    preflight: { kind: 'none' },
    redirects: [],
    response: { status: 200, statusText: 'OK', headers: responseHeaders },
    networkError: outcome === 'blocked' ? 'net::ERR_FAILED' : null,
    outcome,
  };
}

function judged(exchange: Exchange, chromium: CorsErrorStatus | null): JudgedExchange {
  const verdict = evaluate(exchange);
  return {
    exchange,
    verdict,
    explanation: explain(verdict, exchange),
    chromium,
    startedDateTime: null,
    disagrees: !agreesWithChromium(
      verdict,
      chromium === null ? { kind: 'passed' } : { kind: 'blocked', status: chromium },
    ),
  };
}

/** A lens over exchanges already judged, as CdpCorsLens lists them. */
function lensOf(list: JudgedExchange[]): CorsLens {
  return {
    settled: async () => {},
    exchanges: () => list,
    blocked: () => list.filter((one) => one.verdict.blocked || one.chromium !== null),
    disagreements: () => list.filter((one) => one.disagrees),
    har: (options) => harOf(list, options),
    dispose: async () => {},
  };
}

const passing = judged(exchangeWith([['Access-Control-Allow-Origin', PAGE]], 'succeeded'), null);
const missing = { corsError: 'MissingAllowOriginHeader', failedParameter: '' };
const blocked = judged(exchangeWith([], 'blocked'), missing);

describe('toHaveNoCorsErrors', () => {
  it('passes when nothing was blocked and both sides agree', async () => {
    const result = await corsMatchers.toHaveNoCorsErrors(lensOf([passing]));
    expect(result.pass).toBe(true);
    expect(result.message()).toBe('CORS Lens: none of 1 cross-origin request(s) was blocked.');
  });

  it('fails on a blocked request; without a stack it names the stacks to choose from', async () => {
    const result = await corsMatchers.toHaveNoCorsErrors(lensOf([passing, blocked]));
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toMatch(/^CORS Lens: 1 cross-origin request\(s\) blocked\./);
    expect(message).toContain('✗ GET http://127.0.0.1:8080/items');
    expect(message).toContain('For the fix on your server, pass { stack: NAME }, one of: express,');
    expect(message).not.toContain('disagree');
  });

  it('fails loudly on a disagreement even when nothing was blocked, and escapes what it quotes', async () => {
    // Chromium blocked it over a value with a terminal escape in it; the engine let it through.
    const hostile = { corsError: 'AllowOriginMismatch', failedParameter: '\u001b[2Jhttp://evil.example' };
    const disagreeing = judged(exchangeWith([['Access-Control-Allow-Origin', PAGE]], 'succeeded'), hostile);
    expect(disagreeing.disagrees).toBe(true);
    const result = await corsMatchers.toHaveNoCorsErrors(lensOf([disagreeing]));
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toMatch(/^CORS Lens and Chromium disagree on 1 request\(s\)\./);
    expect(message).toContain('CORS Lens: passed');
    expect(message).toMatch(/Chromium: {2}blocked AllowOriginMismatch \('.+http:\/\/evil\.example'\)/);
    expect(message).not.toContain('\u001b');
    const har = JSON.parse(message.slice(message.indexOf('{"log"')).split('\n')[0] ?? '') as {
      log: { entries: unknown[]; _cors: { redacted: boolean } };
    };
    expect(har.log._cors.redacted).toBe(true);
    expect(har.log.entries).toHaveLength(1);
  });
});
