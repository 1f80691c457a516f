import { describe, expect, it } from 'vitest';
import type { TabLogView } from '../../../../src/model/exchange-record';
import { PROTOCOL_VERSION, snapshotMessages, type ToPanel } from '../../../../src/model/protocol';
import { applyMessage } from '../../../../src/panel/state/apply';
import { SnapshotAssembler } from '../../../../src/panel/state/snapshot-assembler';
import { blockedRecord, passedRecord } from '../records';

const version = PROTOCOL_VERSION;

function logOf(count: number): TabLogView {
  return {
    tabId: 7,
    records: Array.from({ length: count }, (_, i) => (i % 2 === 0 ? blockedRecord(`r${i}`) : passedRecord(`r${i}`))),
    sameOriginCount: 0,
    evictedCount: 0,
    unpersistedCount: 0,
    preserveLog: false,
  };
}

/** What the panel's log becomes when the assembler's output is applied in order. */
function assemble(messages: readonly ToPanel[]): { log: TabLogView | null; assembler: SnapshotAssembler } {
  const assembler = new SnapshotAssembler();
  let log: TabLogView | null = null;
  for (const message of messages) log = assembler.receive(message).reduce(applyMessage, log);
  return { log, assembler };
}

const ids = (log: TabLogView | null) => log?.records.map((record) => record.requestId);

describe('SnapshotAssembler', () => {
  it('holds deltas that arrive between the first page and the last until the last is in', () => {
    const [first, ...rest] = snapshotMessages(logOf(700));
    if (first === undefined) throw new Error('a snapshot has a first message');
    const added: ToPanel = { type: 'request-added', version, record: blockedRecord('new') };
    // The worker evicts the oldest record of a page the panel has not received yet.
    const evicted: ToPanel = {
      type: 'request-evicted',
      version,
      requestId: 'r150',
      sameOriginCount: 0,
      evictedCount: 1,
      unpersistedCount: 0,
    };
    const assembler = new SnapshotAssembler();
    expect(assembler.receive(first)).toEqual([first]);
    expect(assembler.incomplete()).toBe(true);
    expect(assembler.receive(added)).toEqual([]);
    expect(assembler.receive(evicted)).toEqual([]);
    const [page1, page2] = rest;
    if (page1 === undefined || page2 === undefined) throw new Error('700 records make two more pages');
    expect(assembler.receive(page1)).toEqual([page1]);
    expect(assembler.receive(page2)).toEqual([page2, added, evicted]);
    expect(assembler.incomplete()).toBe(false);

    const { log } = assemble([first, added, evicted, ...rest]);
    const expected = [
      ...logOf(700)
        .records.map((record) => record.requestId)
        .filter((id) => id !== 'r150'),
      'new',
    ];
    expect(ids(log)).toEqual(expected);
    expect(log?.evictedCount).toBe(1);
  });

  it('passes deltas straight through once a snapshot is whole', () => {
    const [only] = snapshotMessages(logOf(3));
    if (only === undefined) throw new Error('a snapshot has a first message');
    const added: ToPanel = { type: 'request-added', version, record: passedRecord('later') };
    const { log, assembler } = assemble([only, added]);
    expect(assembler.incomplete()).toBe(false);
    expect(ids(log)).toEqual(['r0', 'r1', 'r2', 'later']);
  });

  it('drops a page no snapshot announced, and starts over on a new snapshot', () => {
    const [first, ...rest] = snapshotMessages(logOf(300));
    const [again] = snapshotMessages(logOf(2));
    if (first === undefined || again === undefined) throw new Error('a snapshot has a first message');
    // A reconnect's snapshot arrives before the old snapshot's pages: those pages belong to no log now.
    const { log, assembler } = assemble([first, again, ...rest]);
    expect(ids(log)).toEqual(['r0', 'r1']);
    expect(assembler.incomplete()).toBe(false);
  });
});
