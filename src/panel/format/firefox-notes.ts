import { evaluate } from '../../engine/evaluate';
import { firefoxReason } from '../../engine/firefox-reason';
import type { ExchangeRecord } from '../../model/exchange-record';

const CORS_BLOCK = 'NS_ERROR_DOM_BAD_URI';

/**
 * What Firefox did with a request it captured, where that differs from what Chromium (whose
 * codes the verdict uses) would show: measured in test/firefox/ and shared/docs/firefox.md.
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
  if (verdict.kind === 'passed' && exchange.outcome === 'unknown' && verdict.credentials.evidence === 'unknown') {
    const credentialed = evaluate({ ...exchange, credentialsMode: 'include' });
    if (credentialed.blocked && credentialed.code !== null) {
      const reason = firefoxReason(credentialed.code);
      notes.push(
        `Firefox shows neither the credentials mode nor a block for this response. If the page sent it with credentials (fetch credentials: 'include', XHR withCredentials), Firefox blocked it: ${credentialed.code}${reason === null ? '' : ` (Firefox: ${reason})`}.`,
      );
    }
  }
  const networkError = verdict.kind === 'network-error' ? exchange.networkError : null;
  if (networkError !== null && networkError !== CORS_BLOCK && exchange.redirects.length > 0) {
    notes.push(
      `Firefox ended this request at a redirect with ${networkError}. That is how Firefox reports a redirect it refuses (a 3xx without CORS headers, a Location with credentials), where Chromium reports a CORS error: check the redirect's CORS headers before the network.`,
    );
  } else if (networkError !== null && networkError !== CORS_BLOCK) {
    notes.push(
      `Firefox's console calls this a CORS failure too ("Reason: CORS request did not succeed", CORSDidNotSucceed), but it is a network error (${networkError}): no CORS header would fix it.`,
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
