import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/engine';
import { filterRecords, matchesFilter, matchesSearch } from '../../../../src/panel/state/filter-records';
import { advisoryRecord, blockedRecord, passedRecord, preflightBlockedRecord } from '../records';

const blocked = blockedRecord('1', '/users');
const passed = passedRecord('2', '/health');
const advisory = advisoryRecord('3', '/reflect');
const preflightBlocked = preflightBlockedRecord('4');
const all = [blocked, passed, advisory, preflightBlocked];

describe('matchesFilter', () => {
  it('blocked keeps blocked requests only, advisories keeps passed-with-advisories only', () => {
    expect(all.filter((r) => matchesFilter(r, 'blocked'))).toEqual([blocked, preflightBlocked]);
    expect(all.filter((r) => matchesFilter(r, 'advisories'))).toEqual([advisory]);
    expect(all.filter((r) => matchesFilter(r, 'all'))).toEqual(all);
  });
});

describe('matchesSearch', () => {
  it.each([
    ['users', [blocked]],
    ['USERS', [blocked]],
    ['missingalloworigin', [blocked, preflightBlocked]],
    ['put 404', [preflightBlocked]],
    ['127.0.0.1 health', [passed]],
    ['advisories', [advisory]],
    ['x-token', [preflightBlocked]],
    ['request-method', [preflightBlocked]],
    ['   ', all],
    ['nothing-like-this', []],
  ])('%j finds the right requests', (query, expected) => {
    expect(all.filter((r) => matchesSearch(r, query))).toEqual(expected);
  });
});

describe('matchesSearch on what the verdict says', () => {
  it('finds a request by the words of its summary', () => {
    const summary = explain(preflightBlocked.verdict, preflightBlocked.exchange).summary;
    expect(all.filter((r) => matchesSearch(r, summary))).toEqual([preflightBlocked]);
  });
});

describe('filterRecords', () => {
  it('returns the same array when nothing is filtered, so the list does not re-render for nothing', () => {
    expect(filterRecords(all, 'all', ' ')).toBe(all);
  });

  it('combines the filter and the search', () => {
    expect(filterRecords(all, 'blocked', 'items')).toEqual([preflightBlocked]);
  });

  // Speed is `npm run bench`'s to measure; a timed assertion here fails on a busy machine.
  it('finds the one matching record among 10,000, the same before and after their text is cached', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 ? blockedRecord(`b${i}`, `/b/${i}`) : passedRecord(`p${i}`, `/p/${i}`),
    );
    expect(filterRecords(many, 'all', '/b/9999').map((r) => r.requestId)).toEqual(['b9999']);
    expect(filterRecords(many, 'all', '/b/9999').map((r) => r.requestId)).toEqual(['b9999']);
  });
});
