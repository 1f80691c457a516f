import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/engine';
import type { TabLogView } from '../../../src/model/exchange-record';
import {
  PROTOCOL_VERSION,
  panelPortName,
  parsePanelPortName,
  parseToBackground,
  parseToPanel,
  SNAPSHOT_FIRST_PAGE,
  SNAPSHOT_PAGE,
  snapshotMessages,
} from '../../../src/model/protocol';
import { applyMessage } from '../../../src/panel/state/apply';
import { exchange } from '../../fixtures/exchange-builder';

const AN_EXCHANGE = exchange();
const RECORD = {
  requestId: '1',
  preflightRequestId: null,
  tabId: 7,
  startedAt: 1,
  endedAt: 2,
  exchange: AN_EXCHANGE,
  verdict: evaluate(AN_EXCHANGE),
};

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
  const record = RECORD;
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
    { type: 'snapshot', version, log, more: 0 },
    { type: 'snapshot-more', version, records: [record, record] },
    { type: 'request-added', version, record },
    { type: 'request-evicted', version, requestId: '1', sameOriginCount: 0, evictedCount: 4, unpersistedCount: 1 },
    { type: 'log-cleared', version, preserveLog: true },
    { type: 'counts-changed', version, sameOriginCount: 9, evictedCount: 2, unpersistedCount: 3 },
    { type: 'capture-state', version, paused: true },
  ])('accepts a well-formed $type', (message) => {
    expect(parseToPanel(structuredClone(message))).toEqual(message);
  });

  it.each([
    ['another version', { type: 'snapshot', version: version + 1, log, more: 0 }],
    ['a snapshot without its count of pages to come', { type: 'snapshot', version, log }],
    ['a page with a bad record', { type: 'snapshot-more', version, records: [record, { ...record, verdict: null }] }],
    ['a page without records', { type: 'snapshot-more', version }],
    ['an unknown type', { type: 'surprise', version, log }],
    ['a log without records', { type: 'snapshot', version, log: { ...log, records: undefined }, more: 0 }],
    ['a record without a verdict', { type: 'request-added', version, record: { ...record, verdict: null } }],
    // A snapshot is all or nothing (see isTabLogView): one bad record drops the whole message.
    [
      'a snapshot with one record without a verdict',
      { type: 'snapshot', version, log: { ...log, records: [record, { ...record, verdict: null }, record] }, more: 0 },
    ],
    [
      'a snapshot whose last record lacks its exchange',
      {
        type: 'snapshot',
        version,
        log: { ...log, records: [record, record, { ...record, exchange: undefined }] },
        more: 0,
      },
    ],
    [
      'a snapshot with a record that is not an object',
      { type: 'snapshot', version, log: { ...log, records: [record, 'x'] }, more: 0 },
    ],
    [
      'a snapshot with a hole in its records',
      { type: 'snapshot', version, log: { ...log, records: Object.assign(new Array(3), { 0: record, 2: record }) } },
    ],
    ['a snapshot with a negative count', { type: 'snapshot', version, log: { ...log, evictedCount: -1 }, more: 0 }],
    [
      'a negative count',
      { type: 'counts-changed', version, sameOriginCount: -1, evictedCount: 0, unpersistedCount: 0 },
    ],
    [
      'a snapshot without its unsaved count',
      { type: 'snapshot', version, log: { ...log, unpersistedCount: undefined }, more: 0 },
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

describe('snapshotMessages', () => {
  const record = (id: string) => ({ ...structuredClone(RECORD), requestId: id });
  const logOf = (count: number) => ({
    tabId: 7,
    records: Array.from({ length: count }, (_, i) => record(String(i))),
    sameOriginCount: 2,
    evictedCount: 1,
    unpersistedCount: 0,
    preserveLog: true,
  });

  it.each([0, 1, SNAPSHOT_FIRST_PAGE, SNAPSHOT_FIRST_PAGE + 1, SNAPSHOT_FIRST_PAGE + 2 * SNAPSHOT_PAGE + 7])(
    'cuts a log of %i records into a first page of the oldest and pages of the rest, in order',
    (count) => {
      const log = logOf(count);
      const [first, ...rest] = snapshotMessages(log).map((message) => parseToPanel(structuredClone(message)));
      if (first?.type !== 'snapshot') throw new Error('a snapshot comes first');
      expect(first.log.records.length).toBe(Math.min(count, SNAPSHOT_FIRST_PAGE));
      expect(first.more).toBe(count - first.log.records.length);
      expect({ ...first.log, records: [] }).toEqual({ ...log, records: [] });
      expect(rest.every((message) => message?.type === 'snapshot-more')).toBe(true);
      expect(rest.length).toBe(Math.ceil(first.more / SNAPSHOT_PAGE));
      let applied: TabLogView | null = first.log;
      for (const message of rest) if (message !== null) applied = applyMessage(applied, message);
      expect(applied?.records.map((r) => r.requestId)).toEqual(log.records.map((r) => r.requestId));
    },
  );
});

describe('panel → worker messages', () => {
  it('accepts hello, snapshot-rest, clear-log and set-preserve-log of the current version', () => {
    const version = PROTOCOL_VERSION;
    expect(parseToBackground({ type: 'hello', version })).toEqual({ type: 'hello', version });
    expect(parseToBackground({ type: 'snapshot-rest', version, extra: 1 })).toEqual({ type: 'snapshot-rest', version });
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
