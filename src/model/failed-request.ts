import type { RequestId, TabId } from './ids';

/** A request that webRequest reported as failed, normalised once at the platform edge. */
export interface FailedRequest {
  tabId: TabId;
  requestId: RequestId;
  url: string;
  /** Serialized origin of the document that started the request, when the browser says. */
  initiator: string | null;
  /** The browser's network error name, e.g. `net::ERR_FAILED`. */
  error: string;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Chromium ends every CORS block with `net::ERR_FAILED` and nothing more, so until the verdict
 * engine judges the captured headers this is the best available sign of a blocked request.
 */
export function looksCorsBlocked(failure: FailedRequest): boolean {
  if (failure.error !== 'net::ERR_FAILED' || failure.initiator === null) return false;
  const target = originOf(failure.url);
  return target !== null && target !== failure.initiator;
}
