import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent } from '../../../src/background/stored-event';
import type { CaptureEvent } from '../../../src/model/capture-event';
import { API, EventScript, PAGE } from '../../fakes/capture-events';

const url = `${API}/items`;

/** Every kind of event, as the fake webRequest script produces them. */
const everyKind = new EventScript()
  .preflight('p', url, 'PUT', ['x-token'], 204, [['Access-Control-Allow-Origin', PAGE]])
  .send('a', url, 'PUT', [
    ['Origin', PAGE],
    ['X-Token', 't'],
  ])
  .redirect('a', url, 'PUT', 307, `${API}/moved`)
  .fail('a', `${API}/moved`, 'PUT').events;

describe('stored events', () => {
  it('give back exactly the event that was stored, with its arrival order', () => {
    expect(new Set(everyKind.map((event) => event.kind))).toEqual(
      new Set(['send-headers', 'headers-received', 'redirect', 'completed', 'error']),
    );
    everyKind.forEach((event, order) => {
      expect(decodeEvent(encodeEvent(event, order))).toEqual({ event, order });
    });
  });

  it('keep any header list, binary values and odd names included', () => {
    const header = fc.tuple(fc.string(), fc.string());
    fc.assert(
      fc.property(fc.array(header), fc.array(header), (requestHeaders, responseHeaders) => {
        const [sent, received] = everyKind as [CaptureEvent, CaptureEvent];
        const events = [
          { ...sent, requestHeaders },
          { ...received, responseHeaders },
        ] as CaptureEvent[];
        for (const event of events) expect(decodeEvent(encodeEvent(event, 3))?.event).toEqual(event);
      }),
    );
  });

  it('drop what this version did not write', () => {
    const sent = JSON.parse(encodeEvent(everyKind[0] as CaptureEvent, 0)) as Record<string, unknown>;
    const broken = [
      42,
      'not json',
      '[1,2]',
      JSON.stringify({ ...sent, kind: 'before-request' }),
      JSON.stringify({ ...sent, tabId: '7' }),
      JSON.stringify({ ...sent, requestHeaders: [[1, 2]] }),
      JSON.stringify({ ...sent, resourceType: 'plugin' }),
      JSON.stringify({ ...sent, order: undefined }),
      JSON.stringify({ ...sent, kind: 'redirect', statusCode: 301, statusLine: 'HTTP/1.1 301', responseHeaders: '' }),
      JSON.stringify({ ...sent, kind: 'completed', statusCode: 200 }),
      JSON.stringify({ ...sent, kind: 'error' }),
    ];
    for (const stored of broken) expect(decodeEvent(stored), String(stored)).toBeNull();
  });
});
