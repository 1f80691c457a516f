/**
 * Pairs each CORS preflight entry with the request it was sent for. Chrome DevTools marks a
 * preflight (`_resourceType: "preflight"`, `_initiator: {type: "preflight", url, requestId}`) but
 * its actual requests carry no request id, and Firefox marks nothing: so, after the explicit links
 * CORS Lens's own export writes, a preflight pairs with the nearest unclaimed entry that has its
 * URL, the method its `Access-Control-Request-Method` asks for, the same `Origin`, and a start
 * time within two minutes. Chrome lists the actual request before its preflight, so both
 * directions are searched.
 */
import { getHeader as headerValue } from '../engine';
import { nearestUnclaimed } from './nearest-unclaimed';
import type { EntryView } from './read-entry';

const MAX_APART_MS = 120_000;

export function isPreflightEntry(view: EntryView): boolean {
  if (view.initiator?.type === 'preflight' || view.resourceType === 'preflight') return true;
  return (
    view.method.toUpperCase() === 'OPTIONS' &&
    headerValue(view.requestHeaders, 'access-control-request-method') !== null
  );
}

function pairingKey(method: string, url: string): string {
  return `${method}\u0000${url}`;
}

function originsAgree(a: EntryView, b: EntryView): boolean {
  const originA = headerValue(a.requestHeaders, 'origin');
  const originB = headerValue(b.requestHeaders, 'origin');
  return originA === null || originB === null || originA === originB;
}

function closeInTime(a: EntryView, b: EntryView): boolean {
  return a.startedMs === null || b.startedMs === null || Math.abs(a.startedMs - b.startedMs) <= MAX_APART_MS;
}

/**
 * Returns request position → preflight position (positions in `views`). `preflight[i]` says
 * whether views[i] is a preflight.
 */
export function pairPreflights(views: readonly EntryView[], preflight: readonly boolean[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const claimed = new Set<number>();
  const byIndex = new Map<number, number>();
  const byRequestId = new Map<string, number>();
  const byKey = new Map<string, number[]>();
  views.forEach((view, position) => {
    byIndex.set(view.index, position);
    if (preflight[position]) return;
    if (view.requestId !== null) byRequestId.set(view.requestId, position);
    const key = pairingKey(view.method, view.url);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [position]);
    else list.push(position);
  });
  const link = (request: number, pre: number) => {
    pairs.set(request, pre);
    claimed.add(request);
    claimed.add(pre);
  };
  // Explicit links first: our own export's `_cors.preflightEntry`, which the entry where a request
  // ended carries for the request as first sent (`_cors.requestEntry`), then `_initiator.requestId`.
  views.forEach((view, position) => {
    if (preflight[position] || view.corsPreflightEntry === null) return;
    const pre = byIndex.get(view.corsPreflightEntry);
    const request = view.corsRequestEntry === null ? position : byIndex.get(view.corsRequestEntry);
    if (request === undefined || preflight[request] || claimed.has(request)) return;
    if (pre !== undefined && preflight[pre] && !claimed.has(pre)) link(request, pre);
  });
  views.forEach((view, position) => {
    const requestId = view.initiator?.requestId;
    if (!preflight[position] || claimed.has(position) || requestId == null) return;
    const request = byRequestId.get(requestId);
    if (request !== undefined && !claimed.has(request)) link(request, position);
  });
  views.forEach((view, position) => {
    if (!preflight[position] || claimed.has(position)) return;
    const method = headerValue(view.requestHeaders, 'access-control-request-method')?.trim();
    if (method === undefined) return;
    const candidates = byKey.get(pairingKey(method, view.initiator?.url ?? view.url)) ?? [];
    const request = nearestUnclaimed(candidates, position, claimed, (candidate) => {
      const other = views[candidate];
      return other !== undefined && originsAgree(view, other) && closeInTime(view, other);
    });
    if (request >= 0) link(request, position);
  });
  return pairs;
}
