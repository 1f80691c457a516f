import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/engine';
import type { ExchangeRecord, TabLogView } from '../../../../src/model/exchange-record';
import { PROTOCOL_VERSION } from '../../../../src/model/protocol';
import { applyMessage } from '../../../../src/panel/state/apply';
import { exchange } from '../../../fixtures/exchange-builder';

const version = PROTOCOL_VERSION;

function record(requestId: string): ExchangeRecord {
  const ex = exchange();
  return {
    requestId,
    preflightRequestId: null,
    tabId: 7,
    startedAt: 1,
    endedAt: 2,
    exchange: ex,
    verdict: evaluate(ex),
  };
}

const empty: TabLogView = {
  tabId: 7,
  records: [],
  sameOriginCount: 0,
  evictedCount: 0,
  unpersistedCount: 0,
  preserveLog: false,
};

describe('applyMessage', () => {
  it('replaces everything with a snapshot, so a reconnect never duplicates requests', () => {
    const before = applyMessage(empty, { type: 'request-added', version, record: record('1') });
    const after = applyMessage(before, {
      type: 'snapshot',
      version,
      log: { ...empty, records: [record('1')] },
      more: 0,
    });
    expect(after?.records.map((r) => r.requestId)).toEqual(['1']);
  });

  it('ignores deltas that arrive before the first snapshot', () => {
    expect(applyMessage(null, { type: 'request-added', version, record: record('1') })).toBeNull();
  });

  it('adds, replaces and evicts requests', () => {
    let log = applyMessage(empty, { type: 'request-added', version, record: record('1') });
    log = applyMessage(log, { type: 'request-added', version, record: record('2') });
    log = applyMessage(log, { type: 'request-added', version, record: record('1') });
    expect(log?.records.map((r) => r.requestId)).toEqual(['2', '1']);
    log = applyMessage(log, {
      type: 'request-evicted',
      version,
      requestId: '2',
      sameOriginCount: 0,
      evictedCount: 1,
      unpersistedCount: 0,
    });
    expect(log).toMatchObject({ evictedCount: 1, records: [{ requestId: '1' }] });
  });

  it('empties the log on log-cleared and keeps the preserve setting the worker sent', () => {
    const log = applyMessage(
      { ...empty, records: [record('1')], sameOriginCount: 4 },
      { type: 'log-cleared', version, preserveLog: true },
    );
    expect(log).toEqual({ ...empty, preserveLog: true });
  });

  it('updates the same-origin count', () => {
    expect(
      applyMessage(empty, { type: 'counts-changed', version, sameOriginCount: 5, evictedCount: 0, unpersistedCount: 2 })
        ?.sameOriginCount,
    ).toBe(5);
  });
});
