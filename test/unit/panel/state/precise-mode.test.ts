import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/engine';
import { readChromiumNetworkEvent } from '../../../../src/model/chromium-network-event';
import type { ExchangeRecord } from '../../../../src/model/exchange-record';
import { agreementOf } from '../../../../src/panel/state/agreement';
import { type ChromiumRequest, recordChromiumEvent } from '../../../../src/panel/state/chromium-log';
import { fidelityReport } from '../../../../src/panel/state/fidelity-report';
import { pairWithChromium } from '../../../../src/panel/state/pair-chromium';
import { REDACTED } from '../../../../src/report/index';
import {
  RECORDED_EVENTS,
  RECORDED_RECORDS,
  type RecordedDebuggerEvent,
} from '../../../fixtures/cdp/precise-mode-session';

function chromiumLog(events: readonly RecordedDebuggerEvent[], limit?: number): Map<string, ChromiumRequest> {
  const log = new Map<string, ChromiumRequest>();
  for (const { method, params } of events) {
    const event = readChromiumNetworkEvent(method, params);
    if (event !== null) recordChromiumEvent(log, event, limit);
  }
  return log;
}

/** Each record's agreement, in record order; `-` for a record Chromium did not report. */
function agreements(records: readonly ExchangeRecord[], log: Map<string, ChromiumRequest>): string[] {
  const pairs = pairWithChromium(records, log.values());
  return records.map((record) => {
    const chromium = pairs.get(record.requestId);
    return chromium === undefined ? '-' : agreementOf(record, chromium);
  });
}

/** The recorded session with one Chromium event replaced: a verdict Chromium did not give. */
function withChromiumSaying(corsError: string, failedParameter: string): RecordedDebuggerEvent[] {
  return RECORDED_EVENTS.map((event) => {
    const params = event.params as { corsErrorStatus?: { corsError: string } };
    return event.method === 'Network.loadingFailed' && params.corsErrorStatus?.corsError === 'MissingAllowOriginHeader'
      ? { ...event, params: { ...params, corsErrorStatus: { corsError, failedParameter } } }
      : event;
  });
}

describe('precise mode on a recorded session', () => {
  it("keeps the page's requests, not Chromium's preflight, each with how it ended", () => {
    const log = chromiumLog(RECORDED_EVENTS);
    expect(
      [...log.values()].map((request) => [request.method, request.url.replace(/^.*\/rec/, ''), request.outcome?.kind]),
    ).toEqual([
      ['GET', '/ok', 'passed'],
      ['GET', '/missing', 'blocked'],
      ['PUT', '/put', 'blocked'],
      ['GET', '/ok', 'passed'],
    ]);
  });

  it('pairs every record with its own request, the repeated URL first with first, and all agree', () => {
    const log = chromiumLog(RECORDED_EVENTS);
    const pairs = pairWithChromium(RECORDED_RECORDS, log.values());
    expect(RECORDED_RECORDS.map((record) => pairs.get(record.requestId)?.cdpRequestId)).toEqual([
      '20874.3',
      '20874.4',
      '20874.5',
      '20874.6',
    ]);
    expect(agreements(RECORDED_RECORDS, log)).toEqual(['agrees', 'agrees', 'agrees', 'agrees']);
  });

  it('pairs the same way whatever order the records come in', () => {
    const log = chromiumLog(RECORDED_EVENTS);
    const reversed = [...RECORDED_RECORDS].reverse();
    const pairs = pairWithChromium(reversed, log.values());
    expect(RECORDED_RECORDS.map((record) => pairs.get(record.requestId)?.cdpRequestId)).toEqual([
      '20874.3',
      '20874.4',
      '20874.5',
      '20874.6',
    ]);
  });

  it('marks a disagreement where Chromium reported another CORS error', () => {
    const log = chromiumLog(withChromiumSaying('AllowOriginMismatch', 'null'));
    expect(agreements(RECORDED_RECORDS, log)).toEqual(['agrees', 'disagrees', 'agrees', 'agrees']);
  });

  it('marks a disagreement where the engine blocks what Chromium let through', () => {
    const [first, ...rest] = RECORDED_RECORDS as [ExchangeRecord, ...ExchangeRecord[]];
    const response = first.exchange.response;
    if (response === null) throw new Error('the recording has a response');
    // The exchange as a capture that lost the Access-Control-Allow-Origin line would have it.
    const lost = {
      ...first.exchange,
      response: { ...response, headers: response.headers.filter(([name]) => !/^access-control/i.test(name)) },
    };
    const wrong = { ...first, exchange: lost, verdict: evaluate(lost) };
    expect(agreements([wrong, ...rest], chromiumLog(RECORDED_EVENTS))).toEqual([
      'disagrees',
      'agrees',
      'agrees',
      'agrees',
    ]);
  });

  it('waits while Chromium has not said how a request ended', () => {
    const unfinished = RECORDED_EVENTS.filter((event) => event.method !== 'Network.loadingFinished');
    expect(agreements(RECORDED_RECORDS, chromiumLog(unfinished))).toEqual(['waiting', 'agrees', 'agrees', 'waiting']);
  });

  it('leaves unpaired the records Chromium never reported, and requests too far apart in time', () => {
    const beforeAttach = RECORDED_RECORDS.map((record) => ({ ...record, startedAt: record.startedAt - 60_000 }));
    expect(agreements(beforeAttach, chromiumLog(RECORDED_EVENTS))).toEqual(['-', '-', '-', '-']);
    expect(agreements(RECORDED_RECORDS, new Map())).toEqual(['-', '-', '-', '-']);
  });

  it('keeps at most its limit of requests, dropping the oldest', () => {
    const log = chromiumLog(RECORDED_EVENTS, 2);
    expect([...log.keys()]).toEqual(['20874.5', '20874.6']);
  });
});

describe('fidelityReport', () => {
  it('exports the disagreeing exchange redacted, with both verdicts', () => {
    const log = chromiumLog(withChromiumSaying('AllowOriginMismatch', 'null'));
    const record = RECORDED_RECORDS[1] as ExchangeRecord;
    const secret = 'session=s3cr3t-value';
    const withCookie = {
      ...record,
      exchange: {
        ...record.exchange,
        request: {
          ...record.exchange.request,
          headers: [...record.exchange.request.headers, ['Cookie', secret]] as [string, string][],
        },
      },
    };
    const chromium = pairWithChromium([withCookie], log.values()).get(record.requestId);
    if (chromium?.outcome == null) throw new Error('paired and ended');
    const report = fidelityReport({
      record: withCookie,
      chromium: chromium.outcome,
      now: new Date(Date.UTC(2026, 11, 5, 6, 30)),
      version: '1.2.3',
    });
    expect(report.fileName).toMatch(/^cors-lens-fidelity-localhost-\d{8}-\d{6}\.har$/);
    expect(report.text).not.toContain('s3cr3t');
    expect(report.text).toContain(REDACTED);
    const har = JSON.parse(report.text);
    expect(har.log._fidelity).toEqual({
      version: 1,
      chromium: { outcome: 'blocked', corsErrorStatus: { corsError: 'AllowOriginMismatch', failedParameter: 'null' } },
      corsLens: { kind: 'blocked', code: 'MissingAllowOriginHeader', failedParameter: '' },
    });
    expect(har.log.entries).toHaveLength(1);
    expect(har.log.entries[0]._cors).toMatchObject({ blocked: true });
  });
});
