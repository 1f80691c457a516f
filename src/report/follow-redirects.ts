/**
 * Links redirect hops: HAR lists every hop as its own entry, a 3xx whose `redirectURL` (or
 * `Location`) is the URL of a later entry. Each 3xx links to the nearest later unclaimed
 * non-preflight entry with that URL.
 */
import { getHeader as headerValue, resolveLocation } from '../engine';
import { nearestUnclaimed } from './nearest-unclaimed';
import type { EntryView } from './read-entry';

export function redirectTarget(view: EntryView): string | null {
  if (view.status < 300 || view.status > 399) return null;
  const location = view.redirectURL !== '' ? view.redirectURL : headerValue(view.responseHeaders, 'location');
  if (location === null || location === '') return null;
  return resolveLocation(location, view.url);
}

/** Returns position → position of the next hop, for every entry that redirected to a seen entry. */
export function followRedirects(views: readonly EntryView[], preflight: readonly boolean[]): Map<number, number> {
  const byUrl = new Map<string, number[]>();
  views.forEach((view, position) => {
    if (preflight[position]) return;
    const list = byUrl.get(view.url);
    if (list === undefined) byUrl.set(view.url, [position]);
    else list.push(position);
  });
  const next = new Map<number, number>();
  const claimed = new Set<number>();
  views.forEach((view, position) => {
    if (preflight[position]) return;
    const target = redirectTarget(view);
    if (target === null) return;
    const hop = nearestUnclaimed(byUrl.get(target) ?? [], position + 1, claimed, () => true, 'after');
    if (hop < 0) return;
    next.set(position, hop);
    claimed.add(hop);
  });
  return next;
}
