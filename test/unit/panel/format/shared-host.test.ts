import { describe, expect, it } from 'vitest';
import { sharedHost } from '../../../../src/panel/format/shared-host';
import { blockedRecord, passedRecord } from '../records';

describe('sharedHost', () => {
  it('is the host most requests go to, named once by the list heading', () => {
    const host = new URL(blockedRecord('1').exchange.request.url).host;
    expect(sharedHost([blockedRecord('1'), passedRecord('2'), blockedRecord('3', '/x')])).toBe(host);
  });

  it("is '' for an empty list", () => {
    expect(sharedHost([])).toBe('');
  });
});
