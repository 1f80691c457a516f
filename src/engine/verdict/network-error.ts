/** Telling a CORS block apart from a genuine network failure by the browser's error name. */

export type NetworkErrorClass =
  /** No error reported. */
  | 'none'
  /** The generic failure a CORS block produces (`net::ERR_FAILED`, Firefox's `NS_ERROR_DOM_BAD_URI`): decide from the headers. */
  | 'cors-like'
  /** Chromium's Local/Private Network Access failure. */
  | 'local-network'
  /** A real network error (connection refused, DNS, TLS, aborted, …): not CORS, whatever the headers say. */
  | 'network';

const CORS_LIKE = new Set(['ERR_FAILED', 'NS_ERROR_DOM_BAD_URI']);
const LOCAL_NETWORK = new Set([
  'ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS',
  'ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS',
]);

/**
 * Classifies a network error name. Chromium reports a CORS failure as `net::ERR_FAILED` and any
 * other failure (including one on the preflight) under its own name, so only the generic names
 * leave the decision to the headers.
 * @see https://fetch.spec.whatwg.org/#concept-network-error
 */
export function classifyNetworkError(error: string | null): NetworkErrorClass {
  if (error === null) return 'none';
  const trimmed = error.trim();
  const name = trimmed.startsWith('net::') ? trimmed.slice(5) : trimmed;
  if (name === '') return 'none';
  if (CORS_LIKE.has(name)) return 'cors-like';
  if (LOCAL_NETWORK.has(name)) return 'local-network';
  return 'network';
}

/**
 * Firefox's names for a response withheld by a policy other than CORS: Cross-Origin-Resource-Policy
 * (`NS_ERROR_DOM_CORP_FAILED`, `HttpBaseChannel::ProcessCrossOriginResourcePolicyHeader` in
 * netwerk/protocol/http/HttpBaseChannel.cpp).
 */
const OTHER_POLICY_BLOCKS = new Set(['NS_ERROR_DOM_CORP_FAILED']);

/**
 * What the page saw when the browser ended a request with this error name: `blocked` when the
 * browser's policy withheld the response (CORS, Local Network Access, CORP), `network-error` when
 * the network failed. No name at all is a block: the browser gave no other reason.
 */
export function outcomeOfError(error: string | null): 'blocked' | 'network-error' {
  if (classifyNetworkError(error) !== 'network') return 'blocked';
  return OTHER_POLICY_BLOCKS.has((error ?? '').trim()) ? 'blocked' : 'network-error';
}
