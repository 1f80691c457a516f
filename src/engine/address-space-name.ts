/**
 * Address-space names as Chromium's `ShortAddressSpace()` prints them in console messages.
 * Exchange uses the Private Network Access names (public / private / local = loopback); current
 * Chromium prints loopback as "loopback", and Local Network Access renamed private to "local".
 */
import type { AddressSpace } from './exchange';
import { hostAndPort } from './explain-context';

/** The name for `space`, falling back to a guess from the URL's literal host when the capture has none. */
export function addressSpaceName(space: AddressSpace | undefined, url: string, lnaNaming: boolean): string {
  const resolved = space && space !== 'unknown' ? space : guessSpace(url);
  if (resolved === 'local') return 'loopback';
  if (resolved === 'private') return lnaNaming ? 'local' : 'private';
  return resolved;
}

/** Address space from a literal host when the capture did not record one (RFC 1918, loopback). */
function guessSpace(url: string): AddressSpace {
  const host = (hostAndPort(url) ?? '').replace(/:\d+$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]') return 'local';
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host)) return 'private';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return 'public';
  return 'unknown';
}
