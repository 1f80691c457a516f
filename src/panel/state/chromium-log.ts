/**
 * What Chromium said about the page's own requests while precise mode was on: one entry per CDP
 * request id, its start and, once it ended, Chromium's outcome. Chromium's preflights are left out:
 * a CORS failure of a preflight is reported on the request it was sent for.
 */
import type { ChromiumOutcome } from '../../engine';
import type { CdpRequestId, ChromiumNetworkEvent } from '../../model/chromium-network-event';

export interface ChromiumRequest {
  cdpRequestId: CdpRequestId;
  url: string;
  method: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  /** Null while the request is in flight. */
  outcome: ChromiumOutcome | null;
}

/** The requests kept: a page polling for hours must not grow the panel without end. Oldest go first. */
export const CHROMIUM_LOG_LIMIT = 5_000;

/**
 * Applies one event to `log` in place (the panel keeps one Map and re-renders on a counter; a copy
 * per event would make a burst cost the square of its length). Returns true when it changed.
 */
export function recordChromiumEvent(
  log: Map<CdpRequestId, ChromiumRequest>,
  event: ChromiumNetworkEvent,
  limit = CHROMIUM_LOG_LIMIT,
): boolean {
  if (event.kind === 'started') {
    if (event.preflight || log.has(event.cdpRequestId)) return false;
    const { cdpRequestId, url, method, startedAt } = event;
    log.set(cdpRequestId, { cdpRequestId, url, method, startedAt, outcome: null });
    // Maps iterate in insertion order: the first key is the oldest request.
    for (const oldest of log.keys()) {
      if (log.size <= limit) break;
      log.delete(oldest);
    }
    return true;
  }
  const request = log.get(event.cdpRequestId);
  if (request === undefined || request.outcome !== null) return false;
  log.set(event.cdpRequestId, { ...request, outcome: event.outcome });
  return true;
}
