import type { TabId } from '../model/ids';
import type { RequestTrace } from './request-trace';

/** Unpaired requests by tab, method and URL: the index pairing looks candidates up in. */
export const pairKey = (tabId: TabId, url: string, method: string) => `${tabId} ${method} ${url}`;

export function removeFrom(waiting: Map<string, RequestTrace[]>, key: string, trace: RequestTrace): void {
  const list = waiting.get(key);
  const index = list?.indexOf(trace) ?? -1;
  if (list === undefined || index < 0) return;
  list.splice(index, 1);
  if (list.length === 0) waiting.delete(key);
}

export function waitIn(waiting: Map<string, RequestTrace[]>, key: string, trace: RequestTrace): void {
  const list = waiting.get(key);
  if (list === undefined) waiting.set(key, [trace]);
  else if (!list.includes(trace)) list.push(trace);
}

/** The earliest-started candidate that `fits`, so bursts pair first-in first-out. */
export function earliest(
  candidates: readonly RequestTrace[] | undefined,
  fits: (candidate: RequestTrace) => boolean,
): RequestTrace | undefined {
  let best: RequestTrace | undefined;
  for (const candidate of candidates ?? []) {
    if (fits(candidate) && (best === undefined || candidate.startedAt < best.startedAt)) best = candidate;
  }
  return best;
}
