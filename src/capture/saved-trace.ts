import type { CorrelatorState } from './correlator';
import type { RequestTrace } from './request-trace';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isHeaderList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((field) => Array.isArray(field) && typeof field[0] === 'string' && typeof field[1] === 'string')
  );
}

function isResponse(value: unknown): boolean {
  return isRecord(value) && typeof value.status === 'number' && isHeaderList(value.headers);
}

function isTrace(value: unknown): value is RequestTrace {
  return (
    isRecord(value) &&
    typeof value.requestId === 'string' &&
    typeof value.tabId === 'number' &&
    typeof value.url === 'string' &&
    typeof value.method === 'string' &&
    typeof value.currentUrl === 'string' &&
    typeof value.startedAt === 'number' &&
    typeof value.lastEventAt === 'number' &&
    (value.firstHeaders === null || isHeaderList(value.firstHeaders)) &&
    (value.currentHeaders === null || isHeaderList(value.currentHeaders)) &&
    (value.pendingResponse === null || isResponse(value.pendingResponse)) &&
    Array.isArray(value.redirects) &&
    value.redirects.every((hop) => isRecord(hop) && isResponse(hop.response) && isRecord(hop.request))
  );
}

/**
 * Reads a correlator state back from storage. Storage is ours, but it survives extension updates
 * and may hold an older shape: anything that does not check out is dropped, never trusted.
 */
export function parseCorrelatorState(value: unknown): CorrelatorState {
  if (!isRecord(value)) return { traces: [], pairs: [], finished: [] };
  const traces = Array.isArray(value.traces) ? value.traces.filter(isTrace) : [];
  const pairs = Array.isArray(value.pairs)
    ? value.pairs.filter(
        (pair): pair is [string, string] =>
          Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string',
      )
    : [];
  const finished = Array.isArray(value.finished)
    ? value.finished.filter((id): id is string => typeof id === 'string')
    : [];
  return { traces, pairs, finished };
}
