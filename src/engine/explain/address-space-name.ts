/**
 * Address-space names as Chromium's `ShortAddressSpace()` prints them in console messages.
 * Exchange uses the Private Network Access names (public / private / local = loopback); current
 * Chromium prints loopback as "loopback", and Local Network Access renamed private to "local".
 */

import { literalAddressSpace } from '../verdict/address-space';
import type { AddressSpace } from '../verdict/exchange';

/** The name for `space`, falling back to a guess from the URL's literal host when the capture has none. */
export function addressSpaceName(space: AddressSpace | undefined, url: string, lnaNaming: boolean): string {
  const resolved = space && space !== 'unknown' ? space : literalAddressSpace(url);
  if (resolved === 'local') return 'loopback';
  if (resolved === 'private') return lnaNaming ? 'local' : 'private';
  return resolved;
}
