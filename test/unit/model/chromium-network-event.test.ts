import { describe, expect, it } from 'vitest';
import { capText } from '../../../src/engine';
import { MAX_HEADER_CHARS, MAX_URL_CHARS } from '../../../src/model/capture-limits';
import { readChromiumNetworkEvent } from '../../../src/model/chromium-network-event';
import { RECORDED_EVENTS } from '../../fixtures/cdp/precise-mode-session';

describe('readChromiumNetworkEvent', () => {
  const read = RECORDED_EVENTS.map(({ method, params }) => readChromiumNetworkEvent(method, params));

  it('reads the starts and ends of a recorded session and nothing else', () => {
    expect(RECORDED_EVENTS).toHaveLength(23);
    const kept = read.filter((event) => event !== null);
    expect(
      kept.map((event) => (event.kind === 'started' ? `${event.method} ${event.preflight}` : event.outcome.kind)),
    ).toEqual([
      'GET false',
      'GET false',
      'passed',
      'blocked',
      'PUT false',
      'OPTIONS true',
      'passed',
      'blocked',
      'GET false',
      'passed',
    ]);
  });

  it("keeps Chromium's corsErrorStatus as it came, and wall time in milliseconds", () => {
    const blocked = read.flatMap((event) =>
      event?.kind === 'ended' && event.outcome.kind === 'blocked' ? [event.outcome.status] : [],
    );
    expect(blocked).toEqual([
      { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
      { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT' },
    ]);
    const first = read.find((event) => event?.kind === 'started');
    expect(first).toMatchObject({ kind: 'started', startedAt: 1796452156919.025 });
  });

  it('reads a failure without corsErrorStatus as a network error', () => {
    expect(
      readChromiumNetworkEvent('Network.loadingFailed', { requestId: '1.2', errorText: 'net::ERR_CONNECTION_REFUSED' }),
    ).toEqual({
      kind: 'ended',
      cdpRequestId: '1.2',
      outcome: { kind: 'network-error', errorText: 'net::ERR_CONNECTION_REFUSED' },
    });
  });

  it('ignores redirect hops and params without what it needs', () => {
    const start = {
      requestId: '1.3',
      request: { url: 'http://a.test/', method: 'GET' },
      wallTime: 1,
      initiator: { type: 'script' },
    };
    expect(readChromiumNetworkEvent('Network.requestWillBeSent', start)).not.toBeNull();
    expect(readChromiumNetworkEvent('Network.requestWillBeSent', { ...start, redirectResponse: {} })).toBeNull();
    expect(readChromiumNetworkEvent('Network.requestWillBeSent', { ...start, wallTime: 'soon' })).toBeNull();
    expect(readChromiumNetworkEvent('Network.requestWillBeSent', { ...start, requestId: 4 })).toBeNull();
    expect(readChromiumNetworkEvent('Network.loadingFailed', { requestId: '1.3', corsErrorStatus: {} })).toBeNull();
    expect(readChromiumNetworkEvent('Network.loadingFinished', null)).toBeNull();
    expect(readChromiumNetworkEvent('Page.frameNavigated', { requestId: '1.3' })).toBeNull();
  });

  it('cuts what the page and the server sent as the capture cuts it, so a long URL still pairs and nothing grows unbounded', () => {
    const url = `http://127.0.0.1:9/${'p'.repeat(40_000)}`;
    const started = readChromiumNetworkEvent('Network.requestWillBeSent', {
      requestId: '1',
      request: { url, method: 'GET' },
      wallTime: 1,
      initiator: { type: 'script' },
    });
    expect(started).toMatchObject({ kind: 'started', url: capText(url, MAX_URL_CHARS) });
    const failedParameter = `http://x.test/${'a'.repeat(300_000)}`;
    const ended = readChromiumNetworkEvent('Network.loadingFailed', {
      requestId: '1',
      errorText: 'net::ERR_FAILED',
      corsErrorStatus: { corsError: 'AllowOriginMismatch', failedParameter },
    });
    expect(ended).toEqual({
      kind: 'ended',
      cdpRequestId: '1',
      outcome: {
        kind: 'blocked',
        status: { corsError: 'AllowOriginMismatch', failedParameter: capText(failedParameter, MAX_HEADER_CHARS) },
      },
    });
  });
});
