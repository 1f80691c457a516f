/** What the correlator (correlator.ts) hands on when it finishes a request, and which requests that finished. */
import type { ExchangeRecord } from '../model/exchange-record';
import type { RequestId, TabId } from '../model/ids';

/**
 * A finished cross-origin request with its preflight, ready for a verdict: the record the log
 * keeps, before it is judged and stamped. `requestId` is the preflight's for an orphan preflight.
 */
export type CapturedExchange = Omit<ExchangeRecord, 'verdict' | 'capturedBy'>;

export type CaptureOutput =
  | { kind: 'exchange'; captured: CapturedExchange }
  /** Same-origin (or not subject to CORS at all): counted, not stored. */
  | { kind: 'same-origin'; tabId: TabId; requestIds: RequestId[] }
  /**
   * A request (with its preflights) dropped unfinished because too many, or too large, were in
   * flight: counted, not stored.
   */
  | { kind: 'dropped'; tabId: TabId; requestIds: RequestId[] };

/** The requests an output finished: nothing more of them is kept in flight. */
export function finishedRequestIds(output: CaptureOutput): RequestId[] {
  if (output.kind !== 'exchange') return output.requestIds;
  const { requestId, preflightRequestId } = output.captured;
  return preflightRequestId === null ? [requestId] : [requestId, preflightRequestId];
}
