import { describe, expect, it } from 'vitest';
import { BoundedLog } from '../../../src/capture/bounded-log';

const entry = (requestId: string, blocked = false, bytes = 1) => ({ requestId, blocked, bytes });
/** Bounds in records only: bytes far away. */
const byCount = (perTab: number, overall: number) => ({ perTab, overall, perTabBytes: 1e9, overallBytes: 1e9 });

describe('BoundedLog', () => {
  it('evicts the oldest allowed entry of a full tab, keeping blocked ones', () => {
    const log = new BoundedLog(byCount(3, 100));
    log.add(1, entry('b1', true));
    log.add(1, entry('a1'));
    log.add(1, entry('a2'));
    expect(log.add(1, entry('a3'))).toEqual([{ tabId: 1, requestId: 'a1', blocked: false }]);
    expect(log.entries(1).map((e) => e.requestId)).toEqual(['b1', 'a2', 'a3']);
    expect(log.evictedCount(1)).toBe(1);
  });

  it('evicts the oldest blocked entry only when a tab holds nothing else', () => {
    const log = new BoundedLog(byCount(2, 100));
    log.add(1, entry('b1', true));
    log.add(1, entry('b2', true));
    expect(log.add(1, entry('b3', true))).toEqual([{ tabId: 1, requestId: 'b1', blocked: true }]);
  });

  it('keeps the overall bound by evicting from the largest tab', () => {
    const log = new BoundedLog(byCount(10, 4));
    log.add(1, entry('x1'));
    log.add(1, entry('x2'));
    log.add(1, entry('x3'));
    log.add(2, entry('y1'));
    expect(log.add(2, entry('y2'))).toEqual([{ tabId: 1, requestId: 'x1', blocked: false }]);
    expect(log.size).toBe(4);
    expect(log.evictedCount(1)).toBe(1);
    expect(log.evictedCount(2)).toBe(0);
  });

  it('replaces an entry added twice instead of duplicating it', () => {
    const log = new BoundedLog(byCount(5, 5));
    log.add(1, entry('a'));
    log.add(1, entry('a', true));
    expect(log.entries(1)).toEqual([entry('a', true)]);
    expect(log.size).toBe(1);
  });

  it('stays within its bounds under a flood, losing no blocked entry while allowed ones remain', () => {
    const log = new BoundedLog(byCount(50, 120));
    for (let i = 0; i < 5_000; i += 1) log.add(i % 3, entry(`r${i}`, i % 10 === 0));
    expect(log.size).toBeLessThanOrEqual(120);
    for (const tab of [0, 1, 2]) expect(log.entries(tab).length).toBeLessThanOrEqual(50);
    const evicted = [0, 1, 2].reduce((sum, tab) => sum + log.evictedCount(tab), 0);
    expect(evicted + log.size).toBe(5_000);
  });

  it('clears a tab with its counter', () => {
    const log = new BoundedLog(byCount(1, 10));
    log.add(1, entry('a'));
    log.add(1, entry('b'));
    log.clear(1);
    expect(log.entries(1)).toEqual([]);
    expect(log.evictedCount(1)).toBe(0);
    expect(log.size).toBe(0);
  });

  it("keeps a tab's blocked count through adds, replacements, evictions and clears", () => {
    const log = new BoundedLog(byCount(3, 100));
    const counted = (tab: number) => log.entries(tab).filter((e) => e.blocked).length;
    log.add(1, entry('b1', true));
    log.add(1, entry('a1'));
    log.add(1, entry('a1', true));
    expect([log.blockedCount(1), counted(1)]).toEqual([2, 2]);
    log.add(1, entry('b2', true));
    log.add(1, entry('b3', true));
    expect([log.blockedCount(1), counted(1)]).toEqual([3, 3]);
    // A full tab of blocked entries drops the newcomer if it is the only allowed one.
    log.add(1, entry('a2'));
    expect([log.blockedCount(1), counted(1)]).toEqual([3, 3]);
    log.clear(1);
    expect(log.blockedCount(1)).toBe(0);
  });

  it('adds in constant time whatever the size of the log', () => {
    const log = new BoundedLog(byCount(100_000, 100_000));
    const started = performance.now();
    for (let i = 0; i < 50_000; i += 1) log.add(1, entry(`r${i}`, i % 100 === 0));
    // A scan per add (findIndex over the tab) took seconds here; a set lookup takes milliseconds.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(log.blockedCount(1)).toBe(500);
  });
});

describe('BoundedLog in bytes', () => {
  const bounds = { perTab: 100, overall: 100, perTabBytes: 1_000, overallBytes: 1_500 };

  it('keeps a tab within its byte budget, dropping allowed entries before blocked ones', () => {
    const log = new BoundedLog(bounds);
    log.add(1, entry('b1', true, 400));
    log.add(1, entry('a1', false, 300));
    expect(log.add(1, entry('a2', false, 400))).toEqual([{ tabId: 1, requestId: 'a1', blocked: false }]);
    expect(log.entries(1).map((e) => e.requestId)).toEqual(['b1', 'a2']);
    expect([log.tabBytes(1), log.bytes, log.evictedCount(1)]).toEqual([800, 800, 1]);
  });

  it('keeps the overall byte budget by evicting from the tab that holds the most bytes', () => {
    const log = new BoundedLog(bounds);
    log.add(1, entry('x1', false, 900));
    log.add(2, entry('y1', false, 100));
    log.add(2, entry('y2', false, 100));
    expect(log.add(2, entry('y3', false, 500))).toEqual([{ tabId: 1, requestId: 'x1', blocked: false }]);
    expect(log.bytes).toBe(700);
  });

  it('drops a newcomer larger than the whole budget, and counts bytes through replacements and clears', () => {
    const log = new BoundedLog(bounds);
    log.add(1, entry('a', false, 200));
    log.add(1, entry('a', true, 300));
    expect(log.tabBytes(1)).toBe(300);
    expect(log.add(1, entry('huge', false, 5_000)).map((e) => e.requestId)).toEqual(['huge']);
    expect(log.entries(1).map((e) => e.requestId)).toEqual(['a']);
    log.clear(1);
    expect([log.tabBytes(1), log.bytes]).toEqual([0, 0]);
  });

  it('counts requests dropped before they had a record with the evicted ones', () => {
    const log = new BoundedLog(bounds);
    log.countEvicted(3, 2);
    expect(log.evictedCount(3)).toBe(2);
  });
});
