import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/engine';
import type { TabLogView } from '../../../src/model/exchange-record';
import {
  PROTOCOL_VERSION,
  panelPortName,
  parsePanelPortName,
  parseToBackground,
  parseToPanel,
} from '../../../src/model/protocol';
import { exchange } from '../../fixtures/exchange-builder';

describe('panel port names', () => {
  it('round-trips a tab id', () => {
    expect(parsePanelPortName(panelPortName(42))).toBe(42);
  });

  it.each(['', 'panel:', 'panel:-1', 'panel:01', 'panel:1.5', 'devtools:3', 'panel:12345678901'])(
    'rejects %j',
    (name) => {
      expect(parsePanelPortName(name)).toBeNull();
    },
  );
});

describe('worker → panel messages', () => {
  const anExchange = exchange();
  const record = {
    requestId: '1',
    preflightRequestId: null,
    tabId: 7,
    startedAt: 1,
    endedAt: 2,
    exchange: anExchange,
    verdict: evaluate(anExchange),
  };
  const log: TabLogView = {
    tabId: 7,
    records: [record],
    sameOriginCount: 3,
    evictedCount: 0,
    unpersistedCount: 0,
    preserveLog: false,
  };
  const version = PROTOCOL_VERSION;

  it.each([
    { type: 'snapshot', version, log },
    { type: 'request-added', version, record },
    { type: 'request-evicted', version, requestId: '1', sameOriginCount: 0, evictedCount: 4, unpersistedCount: 1 },
    { type: 'log-cleared', version, preserveLog: true },
    { type: 'counts-changed', version, sameOriginCount: 9, evictedCount: 2, unpersistedCount: 3 },
    { type: 'capture-state', version, paused: true },
  ])('accepts a well-formed $type', (message) => {
    expect(parseToPanel(structuredClone(message))).toEqual(message);
  });

  it.each([
    ['another version', { type: 'snapshot', version: version + 1, log }],
    ['an unknown type', { type: 'surprise', version, log }],
    ['a log without records', { type: 'snapshot', version, log: { ...log, records: undefined } }],
    ['a record without a verdict', { type: 'request-added', version, record: { ...record, verdict: null } }],
    // A snapshot is all or nothing (see isTabLogView): one bad record drops the whole message.
    [
      'a snapshot with one record without a verdict',
      { type: 'snapshot', version, log: { ...log, records: [record, { ...record, verdict: null }, record] } },
    ],
    [
      'a snapshot whose last record lacks its exchange',
      { type: 'snapshot', version, log: { ...log, records: [record, record, { ...record, exchange: undefined }] } },
    ],
    [
      'a snapshot with a record that is not an object',
      { type: 'snapshot', version, log: { ...log, records: [record, 'x'] } },
    ],
    [
      'a snapshot with a hole in its records',
      { type: 'snapshot', version, log: { ...log, records: Object.assign(new Array(3), { 0: record, 2: record }) } },
    ],
    ['a snapshot with a negative count', { type: 'snapshot', version, log: { ...log, evictedCount: -1 } }],
    [
      'a negative count',
      { type: 'counts-changed', version, sameOriginCount: -1, evictedCount: 0, unpersistedCount: 0 },
    ],
    [
      'a snapshot without its unsaved count',
      { type: 'snapshot', version, log: { ...log, unpersistedCount: undefined } },
    ],
    [
      'a fractional unsaved count',
      { type: 'counts-changed', version, sameOriginCount: 0, evictedCount: 0, unpersistedCount: 0.5 },
    ],
    ['an eviction without its counts', { type: 'request-evicted', version, requestId: '1', evictedCount: 4 }],
    ['null', null],
    ['a string', 'snapshot'],
  ])('drops %s', (_label, message) => {
    expect(parseToPanel(message)).toBeNull();
  });
});

describe('panel → worker messages', () => {
  it('accepts hello, clear-log and set-preserve-log of the current version', () => {
    const version = PROTOCOL_VERSION;
    expect(parseToBackground({ type: 'hello', version })).toEqual({ type: 'hello', version });
    expect(parseToBackground({ type: 'clear-log', version })).toEqual({ type: 'clear-log', version });
    expect(parseToBackground({ type: 'set-preserve-log', version, preserveLog: true })).toEqual({
      type: 'set-preserve-log',
      version,
      preserveLog: true,
    });
  });

  it('accepts set-paused with a boolean, which pauses or resumes capture everywhere', () => {
    const version = PROTOCOL_VERSION;
    for (const paused of [true, false]) {
      expect(parseToBackground({ type: 'set-paused', version, paused, extra: 1 })).toEqual({
        type: 'set-paused',
        version,
        paused,
      });
    }
  });

  it('drops other versions and malformed settings', () => {
    expect(parseToBackground({ type: 'hello', version: 0 })).toBeNull();
    expect(parseToBackground({ type: 'set-paused', version: PROTOCOL_VERSION, paused: 'true' })).toBeNull();
    expect(parseToBackground({ type: 'set-paused', version: PROTOCOL_VERSION - 1, paused: true })).toBeNull();
    expect(parseToPanel({ type: 'capture-state', version: PROTOCOL_VERSION, paused: 1 })).toBeNull();
    expect(parseToBackground({ type: 'set-preserve-log', version: PROTOCOL_VERSION, preserveLog: 'yes' })).toBeNull();
  });
});
