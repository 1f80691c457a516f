import { describe, expect, it } from 'vitest';
import { BadgeThrottle } from '../../../src/background/badge-throttle';
import { type Badge, badgeFor } from '../../../src/model/badge';
import { FakeClock } from '../../fakes/fake-clock';

const SPACING = 100;

function setup() {
  const clock = new FakeClock();
  const counts = new Map<number, number>();
  const shown: Array<{ at: number; tabId: number; text: string; previous?: string }> = [];
  const badges = new BadgeThrottle({
    clock,
    spacingMs: SPACING,
    badgeOf: (tabId) => badgeFor(counts.get(tabId) ?? 0),
    show: async (tabId: number, badge: Badge, previous?: Badge) => {
      shown.push({ at: clock.now(), tabId, text: badge.text, ...(previous && { previous: previous.text }) });
    },
  });
  return { clock, counts, shown, badges };
}

describe('BadgeThrottle', () => {
  it('shows a quiet tab’s badge at once, counting its blocked records', async () => {
    const { counts, shown, badges } = setup();
    counts.set(1, 2);
    await badges.update([1]);
    expect(shown).toEqual([{ at: 0, tabId: 1, text: '2' }]);
  });

  it('updates the toolbar at most once per spacing in a burst, with every tab changed meanwhile', async () => {
    const { clock, counts, shown, badges } = setup();
    counts.set(1, 1);
    await badges.update([1]);
    clock.advance(30);
    counts.set(1, 2);
    const first = badges.update([1]);
    counts.set(1, 3);
    counts.set(2, 1);
    const second = badges.update([2]);
    expect(second).toBe(first);
    expect(shown).toHaveLength(1);
    clock.advance(SPACING - 30);
    await first;
    expect(shown).toEqual([
      { at: 0, tabId: 1, text: '1' },
      { at: SPACING, tabId: 1, text: '3', previous: '1' },
      { at: SPACING, tabId: 2, text: '1' },
    ]);
  });

  it('does not show an unchanged badge again, unless the browser dropped it', async () => {
    const { clock, counts, shown, badges } = setup();
    counts.set(1, 1);
    await badges.update([1]);
    clock.advance(SPACING);
    await badges.update([1]);
    expect(shown).toHaveLength(1);
    badges.forgetShown(1);
    clock.advance(SPACING);
    await badges.update([1]);
    expect(shown.map(({ text, previous }) => [text, previous])).toEqual([
      ['1', undefined],
      ['1', undefined],
    ]);
  });

  it('shows no badge for the browser’s own requests or for a closed tab', async () => {
    const { clock, counts, shown, badges } = setup();
    counts.set(1, 1);
    await badges.update([-1]);
    clock.advance(10);
    const pending = badges.update([1]);
    badges.forgetTab(1);
    clock.advance(SPACING);
    await pending;
    expect(shown).toEqual([]);
  });
});
