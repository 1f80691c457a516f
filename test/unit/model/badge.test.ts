import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../../src/model/badge';

describe('badgeFor', () => {
  it('shows nothing when no request was blocked', () => {
    expect(badgeFor(0)).toMatchObject({ text: '', color: 'none' });
  });

  it('shows the count in the error colour, with a title that says what it counts', () => {
    const badge = badgeFor(3);
    expect(badge).toMatchObject({ text: '3', color: 'error' });
    expect(badge.title).toContain('3 blocked cross-origin requests');
  });

  it('uses the singular for one request', () => {
    expect(badgeFor(1).title).toContain('1 blocked cross-origin request in');
  });

  it('caps the text so it fits the badge', () => {
    expect(badgeFor(12_345).text).toBe('999+');
  });

  it('treats nonsense counts as zero', () => {
    expect(badgeFor(Number.NaN).text).toBe('');
    expect(badgeFor(-2).text).toBe('');
  });
});
