import { classifyNetworkError, evaluate, firefoxReason } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';

/**
 * What Firefox did with a request it captured, where that differs from what Chromium (whose
 * codes the verdict uses) would show: measured in test/firefox/.
 * Empty for records from other browsers or with nothing to add.
 */
export function firefoxNotes(record: Pick<ExchangeRecord, 'capturedBy' | 'exchange' | 'verdict'>): string[] {
  if (record.capturedBy !== 'firefox') return [];
  const { exchange, verdict } = record;
  const notes: string[] = [];
  if (verdict.blocked && exchange.outcome === 'unknown' && exchange.response !== null) {
    notes.push(
      `Firefox reported this request as completed (HTTP ${exchange.response.status}): it does so even when CORS keeps a small response from the page, so this verdict comes from the headers alone. The page saw a NetworkError.`,
    );
  }
  const undecided = verdict.kind === 'passed' || verdict.kind === 'unknown';
  if (undecided && exchange.outcome === 'unknown' && verdict.credentials.evidence === 'unknown') {
    const credentialed = evaluate({ ...exchange, credentialsMode: 'include' });
    if (credentialed.blocked && credentialed.code !== null) {
      const reason = firefoxReason(credentialed.code);
      notes.push(
        `Firefox shows neither the credentials mode nor a block for this response. If the page sent it with credentials (fetch credentials: 'include', XHR withCredentials), Firefox blocked it: ${credentialed.code}${reason === null ? '' : ` (Firefox: ${reason})`}.`,
      );
    }
  }
  if (verdict.code === 'MultipleAllowOriginValues' || verdict.code === 'PreflightMultipleAllowOriginValues') {
    notes.push(
      "Firefox joins repeated response header lines before an extension sees them, so this Access-Control-Allow-Origin may have been two lines (Firefox's reason: CORSMultipleAllowOriginNotAllowed, shown here) or one line holding a comma list (Firefox's reason: CORSAllowOriginNotMatchingOrigin). Either way the server must send exactly one origin.",
    );
  }
  const ended = exchange.networkError;
  const endedAsCors = classifyNetworkError(ended) === 'cors-like';
  if (verdict.blocked && verdict.stage === 'redirect' && ended !== null && !endedAsCors) {
    notes.push(
      `Firefox ended this request at the redirect with ${ended} rather than a CORS error: that is how it reports a redirect it refuses. Its console names the redirect's own failure, as this verdict does.`,
    );
  }
  const networkError = verdict.kind === 'network-error' && !endedAsCors ? ended : null;
  if (networkError !== null && exchange.redirects.length > 0) {
    notes.push(
      `Firefox blocked this request (CORSDidNotSucceed) when it ended at a redirect with ${networkError}. That is how Firefox reports a redirect it refuses (a Location with credentials, a data: URL), where Chromium reports a CORS or network error: the network failed, not a CORS header.`,
    );
  } else if (networkError !== null) {
    notes.push(
      `Firefox shows this as a blocked CORS request ("Reason: CORS request did not succeed", CORSDidNotSucceed), but the network failed (${networkError}), not the headers: no CORS header would fix it.`,
    );
  }
  if (
    verdict.kind === 'passed' &&
    verdict.advisories.some((advisory) => advisory.code === 'authorization-via-wildcard')
  ) {
    notes.push(
      'Firefox let Authorization through under Access-Control-Allow-Headers: * as Chromium did; some Firefox versions only warn about it in the console, and the standard says to block it.',
    );
  }
  return notes;
}
