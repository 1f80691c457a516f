/**
 * Plain words for browser network errors, Chromium `net::ERR_*` and Firefox `NS_ERROR_*` alike.
 * These fail before or beneath CORS; saying which one it is keeps people from "fixing" CORS headers
 * for a server that is not even running.
 */

export type NetworkErrorFamily =
  | 'refused'
  | 'dns'
  | 'tls'
  | 'aborted'
  | 'timeout'
  | 'reset'
  | 'offline'
  | 'blocked-by-client'
  | 'blocked-by-response'
  | 'local-network'
  | 'cors-generic'
  | 'other';

const PATTERNS: ReadonlyArray<readonly [RegExp, NetworkErrorFamily]> = [
  [/CONNECTION_REFUSED|ADDRESS_UNREACHABLE|ADDRESS_INVALID|UNSAFE_PORT/, 'refused'],
  [/NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|UNKNOWN_HOST|DNS_/, 'dns'],
  [/CERT|SSL|TLS|SEC_ERROR|MOZILLA_PKIX|INADEQUATE_SECURITY|INSECURE_RESPONSE/, 'tls'],
  [/ABORT/, 'aborted'],
  [/TIMED_OUT|TIMEOUT/, 'timeout'],
  [/RESET|CONNECTION_CLOSED|EMPTY_RESPONSE|NET_INTERRUPT|CONNECTION_FAILED|PARTIAL_TRANSFER/, 'reset'],
  [/INTERNET_DISCONNECTED|OFFLINE|NETWORK_CHANGED/, 'offline'],
  [/BLOCKED_BY_CLIENT|BLOCKED_BY_ADMINISTRATOR|BLOCKED_BY_EXTENSION/, 'blocked-by-client'],
  [/PRIVATE_NETWORK_ACCESS|LOCAL_NETWORK_ACCESS/, 'local-network'],
  [/BLOCKED_BY_RESPONSE|BLOCKED_BY_ORB|BLOCKED_BY_CORB|CORP/, 'blocked-by-response'],
  // Firefox fails every CORS and many security checks with NS_ERROR_DOM_BAD_URI; Chromium with ERR_FAILED.
  [/DOM_BAD_URI|^net::ERR_FAILED$/, 'cors-generic'],
];

/**
 * The family of a network error name, for wording; `other` when unrecognised. (The engine's own
 * `classifyNetworkError` in network-error.ts answers a different question: CORS-like or not.)
 */
export function networkErrorFamily(name: string): NetworkErrorFamily {
  const upper = name.toUpperCase();
  for (const [pattern, cls] of PATTERNS) if (pattern.test(upper)) return cls;
  return 'other';
}

/**
 * "the connection was refused" — one clause, plus an actionable question about `hostPort`
 * (e.g. "127.0.0.1:8080"). Both are plain text; the caller quotes the error name itself.
 */
export function networkErrorWords(cls: NetworkErrorFamily, hostPort: string): { what: string; action: string } {
  switch (cls) {
    case 'refused':
      return { what: 'the connection was refused', action: `Is the server running and listening on ${hostPort}?` };
    case 'dns':
      return {
        what: 'the host name could not be resolved (DNS lookup failed)',
        action: `Check the spelling of the host in ${hostPort} and that it resolves from this machine.`,
      };
    case 'tls':
      return {
        what: "the TLS connection failed: the server's certificate was rejected or the handshake failed",
        action: `Open https://${hostPort} in a tab to see the certificate error; a self-signed or expired certificate must be fixed or trusted.`,
      };
    case 'aborted':
      return {
        what: 'the request was aborted before it finished',
        action:
          'The page cancelled it (AbortController, a navigation, or a newer request replacing it); nothing is wrong with the server.',
      };
    case 'timeout':
      return {
        what: 'the request timed out',
        action: `The server at ${hostPort} did not answer in time; check that it is up and not stuck, and any firewall in between.`,
      };
    case 'reset':
      return {
        what: 'the connection was closed or reset before a complete response arrived',
        action: `The server at ${hostPort} (or a proxy) dropped the connection; check its logs for a crash or a protocol mismatch (http vs https).`,
      };
    case 'offline':
      return {
        what: 'the browser was offline or the network changed',
        action: 'Check the network connection and retry.',
      };
    case 'blocked-by-client':
      return {
        what: 'the request was blocked inside the browser (an extension such as an ad blocker, or a policy)',
        action: 'Disable blocking extensions for this page and retry.',
      };
    case 'blocked-by-response':
      return {
        what: 'the response was blocked by Cross-Origin-Resource-Policy or Opaque Response Blocking, not by CORS',
        action:
          'Check the Cross-Origin-Resource-Policy header, or load the resource with CORS (crossorigin attribute / mode: cors).',
      };
    case 'local-network':
      return {
        what: "Chrome's Local Network Access check blocked a request from this page to a private or loopback address",
        action:
          'Allow local network access for this site when Chrome asks (or in site settings); server headers cannot fix this.',
      };
    case 'cors-generic':
      return {
        what: 'the browser failed the request with its generic security error',
        action: 'This usually is a CORS failure; the browser console names the exact reason.',
      };
    default:
      return {
        what: 'the request failed at the network level',
        action: `Check that ${hostPort} is reachable from this browser.`,
      };
  }
}
