import { describe, expect, it } from 'vitest';
import { capEvent, capHeaders } from '../../../src/capture/cap-event';
import { Correlator } from '../../../src/capture/correlator';
import type { HeaderList } from '../../../src/engine';
import { capText, evaluate, splitTruncation } from '../../../src/engine';
import type { CaptureEvent } from '../../../src/model/capture-event';
import { MAX_HEADER_CHARS, MAX_HEADER_LIST_CHARS, MAX_HEADERS, MAX_URL_CHARS } from '../../../src/model/capture-limits';
import { API, EventScript, PAGE } from '../../fakes/capture-events';

const url = `${API}/items`;

function verdicts(events: readonly CaptureEvent[]) {
  const correlator = new Correlator();
  return events
    .flatMap((event) => correlator.ingest(event))
    .flatMap((output) => (output.kind === 'exchange' ? [evaluate(output.captured.exchange)] : []));
}

describe('capText', () => {
  it('leaves a value within the bound as it is', () => {
    const value = 'x'.repeat(MAX_HEADER_CHARS);
    expect(capText(value, MAX_HEADER_CHARS)).toBe(value);
  });

  it('cuts a longer one to the bound, marker included, saying how many bytes it had', () => {
    const capped = capText('é'.repeat(10_000), MAX_HEADER_CHARS);
    expect(capped).toHaveLength(MAX_HEADER_CHARS);
    expect(splitTruncation(capped).marker).toBe('… [truncated by CORS Lens: 20000 bytes in all]');
    expect(capText(capped, MAX_HEADER_CHARS)).toBe(capped);
  });

  it('never splits a surrogate pair', () => {
    const { kept } = splitTruncation(capText('😀'.repeat(10_000), MAX_HEADER_CHARS));
    expect(kept.at(-1)).toBe('\uDE00');
  });
});

describe('capHeaders', () => {
  it('returns an ordinary list itself', () => {
    const headers: HeaderList = [
      ['Origin', PAGE],
      ['Accept', '*/*'],
    ];
    expect(capHeaders(headers)).toBe(headers);
  });

  it(`keeps ${MAX_HEADERS - 1} of a flood of headers and says how many it left out`, () => {
    const flood = Array.from({ length: 1_000 }, (_, index) => [`X-${index}`, 'v'] as const);
    const capped = capHeaders(flood);
    expect(capped).toHaveLength(MAX_HEADERS);
    expect(capped.at(-1)).toEqual([
      'Sec-CORS-Lens-Left-Out',
      `… [truncated by CORS Lens: ${1_000 - MAX_HEADERS + 1} more headers left out]`,
    ]);
  });

  it('keeps the headers a verdict reads when a flood of others comes first, in their order', () => {
    const filler = Array.from({ length: 300 }, (_, index) => [`X-Filler-${index}`, 'v'.repeat(400)] as const);
    const headers: HeaderList = [
      ['Vary', 'Origin'],
      ...filler,
      ['Access-Control-Allow-Origin', PAGE],
      ['access-control-allow-credentials', 'true'],
      ['Location', '/next'],
    ];
    const capped = capHeaders(headers);
    const names = capped.map(([name]) => name);
    expect(names.slice(0, 2)).toEqual(['Vary', 'X-Filler-0']);
    expect(names.slice(-4)).toEqual([
      'Access-Control-Allow-Origin',
      'access-control-allow-credentials',
      'Location',
      'Sec-CORS-Lens-Left-Out',
    ]);
    const keptFiller = capped.filter(([name]) => name.startsWith('X-Filler-')).length;
    expect(capped.at(-1)?.[1]).toBe(`… [truncated by CORS Lens: ${300 - keptFiller} more headers left out]`);
  });

  it(`stops at ${MAX_HEADER_LIST_CHARS} characters in all`, () => {
    const capped = capHeaders(Array.from({ length: 20 }, (_, index) => [`X-${index}`, 'v'.repeat(100_000)] as const));
    const chars = capped.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    expect(chars).toBeLessThanOrEqual(MAX_HEADER_LIST_CHARS + 100);
    expect(capped.at(-1)?.[0]).toBe('Sec-CORS-Lens-Left-Out');
  });
});

describe('capEvent', () => {
  it('bounds every URL and header of every kind of event', () => {
    const long = `${url}?q=${'a'.repeat(100_000)}`;
    const big: HeaderList = [['X-Big', 'b'.repeat(100_000)]];
    const script = new EventScript().send('1', long, 'GET', big).redirect('1', long, 'GET', 307, long, big);
    for (const event of script.events.map(capEvent)) {
      expect(JSON.stringify(event).length).toBeLessThan(MAX_URL_CHARS * 2 + MAX_HEADER_CHARS * 2 + 1_000);
    }
  });

  it('changes no verdict on real requests: a preflight refused, another allowed, a simple block', () => {
    const asked = ['Content-Type', 'X-Requested-With'];
    const allowHeaders = [
      ['Access-Control-Allow-Origin', PAGE],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', 'content-type'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Content-Security-Policy', `default-src 'self' ${'https://cdn.example '.repeat(400)}`],
    ] as const;
    const script = new EventScript()
      .preflight('p1', url, 'PUT', asked, 204, allowHeaders)
      .fail('1', url, 'PUT')
      .preflight('p2', url, 'PUT', ['content-type'], 204, allowHeaders)
      .send('2', url, 'PUT', [
        ['Origin', PAGE],
        ['Content-Type', 'application/json'],
        ['Cookie', 'c'.repeat(12_000)],
      ])
      .receive('2', url, 'PUT', 200, allowHeaders)
      .complete('2', url, 'PUT')
      .send('3', url, 'GET', [
        ['Origin', PAGE],
        ['Accept', 'text/plain'.repeat(2_000)],
      ])
      .receive('3', url, 'GET', 200, [['Set-Cookie', 's'.repeat(20_000)]])
      .fail('3', url, 'GET');
    const capped = verdicts(script.events.map(capEvent));
    expect(capped.map((verdict) => verdict.code)).toEqual(verdicts(script.events).map((verdict) => verdict.code));
    expect(capped.map((verdict) => verdict.code)).toEqual([
      'HeaderDisallowedByPreflightResponse',
      null,
      'MissingAllowOriginHeader',
    ]);
  });
});
