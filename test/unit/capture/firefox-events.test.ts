import { describe, expect, it } from 'vitest';
import type { CapturedExchange } from '../../../src/capture/capture-output';
import { Correlator } from '../../../src/capture/correlator';
import { evaluate } from '../../../src/engine';
import type { CaptureEvent } from '../../../src/model/capture-event';
import { API, EventScript, PAGE } from '../../fakes/capture-events';

/** Firefox's onCompleted proves nothing about CORS: the adapter says so on the event. */
function asFirefox(events: readonly CaptureEvent[]): CaptureEvent[] {
  return events.map((event) => (event.kind === 'completed' ? { ...event, provesDelivery: false } : event));
}

function only(captured: readonly CapturedExchange[]): CapturedExchange {
  const [first, ...rest] = captured;
  if (first === undefined || rest.length > 0) throw new Error(`expected one exchange, got ${captured.length}`);
  return first;
}

function captureAll(events: readonly CaptureEvent[]): CapturedExchange[] {
  const correlator = new Correlator();
  return events
    .flatMap((event) => correlator.ingest(event))
    .flatMap((out) => (out.kind === 'exchange' ? [out.captured] : []));
}

const url = `${API}/items`;
const origin = [['Origin', PAGE]] as const;

describe('Correlator: Firefox event shapes (measured in test/firefox/)', () => {
  it('a blocked simple GET that ends in onCompleted 200 is judged from its headers, without a contradiction', () => {
    const script = new EventScript()
      .send('a1', url, 'GET', origin)
      .receive('a1', url, 'GET', 200, [])
      .complete('a1', url, 'GET');
    const captured = only(captureAll(asFirefox(script.events)));
    expect(captured.exchange.outcome).toBe('unknown');
    const verdict = evaluate(captured.exchange);
    expect(verdict).toMatchObject({ blocked: true, code: 'MissingAllowOriginHeader', contradictsOutcome: false });
  });

  it("pairs the preflight whose actual request's sent-headers came first, and keeps the request's real headers", () => {
    const headers = [...origin, ['X-Custom', 'one']] as const;
    const script = new EventScript()
      .send('10', url, 'PUT', headers)
      .preflight('11', url, 'PUT', ['x-custom'], 204, [['Access-Control-Allow-Origin', PAGE]])
      .fail('10', url, 'PUT', 'NS_ERROR_DOM_BAD_URI');
    const captured = only(captureAll(asFirefox(script.events)));
    expect(captured).toMatchObject({ requestId: '10', preflightRequestId: '11' });
    expect(captured.exchange.request.headers).toEqual(headers);
    expect(evaluate(captured.exchange)).toMatchObject({
      code: 'MethodDisallowedByPreflightResponse',
      contradictsOutcome: false,
    });
  });

  it('a passing request stays passed, its outcome unknown rather than succeeded', () => {
    const allow = [['Access-Control-Allow-Origin', PAGE]] as const;
    const script = new EventScript()
      .send('b1', url, 'GET', origin)
      .receive('b1', url, 'GET', 200, allow)
      .complete('b1', url, 'GET');
    const captured = only(captureAll(asFirefox(script.events)));
    expect(evaluate(captured.exchange)).toMatchObject({ kind: 'passed', contradictsOutcome: false });
  });
});
