/** How far either side of a position the pairing looks before giving up (keeps reading linear). */
const MAX_STEPS = 64;

/**
 * The candidate position nearest to `position` that is not claimed and passes `accept`, looking
 * at most MAX_STEPS candidates either side; -1 when none. `candidates` is sorted ascending.
 * Ties go to the earlier candidate.
 */
export function nearestUnclaimed(
  candidates: readonly number[],
  position: number,
  claimed: ReadonlySet<number>,
  accept: (candidate: number) => boolean,
  direction: 'both' | 'after' = 'both',
): number {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((candidates[mid] ?? 0) < position) low = mid + 1;
    else high = mid;
  }
  const find = (start: number, step: 1 | -1): number => {
    for (let i = start, seen = 0; i >= 0 && i < candidates.length && seen < MAX_STEPS; i += step, seen++) {
      const candidate = candidates[i] ?? -1;
      if (!claimed.has(candidate) && accept(candidate)) return candidate;
    }
    return -1;
  };
  const after = find(low, 1);
  if (direction === 'after') return after;
  const before = find(low - 1, -1);
  if (before < 0) return after;
  if (after < 0) return before;
  return position - before <= after - position ? before : after;
}
