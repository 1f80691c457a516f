/**
 * Local Network Access (formerly Private Network Access): a page reaching a loopback or private
 * address needs the user's permission; when it is denied, Chromium reports
 * LocalNetworkAccessPermissionDenied and nothing reaches the server, whatever its headers.
 * @see https://wicg.github.io/local-network-access/
 */
import { literalAddressSpace } from './address-space';
import type { CheckFailure } from './check-failure';
import { blockedDecision, type Decision } from './decision';
import type { Exchange } from './exchange';
import { classifyNetworkError } from './network-error';
import { isHttpScheme, parseUrl } from './origin';
import { isLocalNetworkRequest } from './request-context';

/** How Chromium names every request it refused, Local Network Access included. */
const CHROMIUM_BLOCK = 'net::ERR_FAILED';

/** The capture shows Local Network Access refusing the request: by its error, or its address spaces. */
export function saysLocalNetwork(exchange: Exchange): boolean {
  const { preflight } = exchange;
  const preflightError = preflight.kind === 'observed' ? preflight.error : null;
  return (
    classifyNetworkError(exchange.networkError) === 'local-network' ||
    classifyNetworkError(preflightError) === 'local-network' ||
    (exchange.outcome === 'blocked' && isLocalNetworkRequest(exchange.addressSpaces))
  );
}

/**
 * Chromium failed the request (net::ERR_FAILED) before anything came back from a loopback or
 * private address: Local Network Access denied it, nothing else fails that way. The page's own
 * address space is not in a capture (behind a proxy, or with address-space overrides, its IP says
 * nothing), so the verdict rests on the target and the silence, and says so.
 */
export function silentlyRefusedLocally(exchange: Exchange, url: string): boolean {
  // Address spaces the capture recorded decide on their own (saysLocalNetwork).
  if (exchange.addressSpaces !== undefined && exchange.addressSpaces.target !== 'unknown') return false;
  const space = literalAddressSpace(url);
  return (
    exchange.outcome === 'blocked' &&
    exchange.networkError?.trim() === CHROMIUM_BLOCK &&
    (space === 'local' || space === 'private') &&
    isHttpUrl(url)
  );
}

function isHttpUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && isHttpScheme(parsed);
}

export function localNetworkFailure(reason: string): CheckFailure {
  return {
    code: 'LocalNetworkAccessPermissionDenied',
    failedParameter: '',
    header: null,
    specStep: `Local Network Access: permission denied before the request was sent (${reason})`,
  };
}

/** Nothing reached the server and the browser blocked the request: Local Network Access denied it. */
export function localNetworkDenied(exchange: Exchange): Decision | null {
  const { preflight } = exchange;
  const silent =
    exchange.response === null &&
    exchange.redirects.length === 0 &&
    (preflight.kind !== 'observed' || preflight.response === null);
  if (!silent) return null;
  if (saysLocalNetwork(exchange)) return blockedDecision(localNetworkFailure('the capture says so'), 'request', null);
  if (!silentlyRefusedLocally(exchange, exchange.request.url)) return null;
  const reason =
    'no response and no preflight response came from this loopback/private address, which only Local Network Access does';
  return blockedDecision(localNetworkFailure(reason), preflight.kind === 'observed' ? 'preflight' : 'request', null);
}
