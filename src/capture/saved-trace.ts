import type { SavedTrace } from './correlator';
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
 * Reads a saved in-flight request back from storage. Storage is ours, but it survives extension
 * updates and may hold an older shape: anything that does not check out is dropped, not trusted.
 */
export function parseSavedTrace(value: unknown): SavedTrace | null {
  if (!isRecord(value) || !isTrace(value.trace)) return null;
  const pairedWith = typeof value.pairedWith === 'string' ? value.pairedWith : null;
  return { trace: value.trace, pairedWith };
}
