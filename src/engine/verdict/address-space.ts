/**
 * The IP address space a URL's literal host belongs to, for Local Network Access when the capture
 * recorded none: loopback (`local`), RFC 1918 (`private`), another IPv4 literal (`public`), or a
 * name the capture cannot resolve (`unknown`).
 * @see https://wicg.github.io/local-network-access/
 */
import type { AddressSpace } from './exchange';
import { parseUrl } from './origin';

export function literalAddressSpace(url: string): AddressSpace {
  const host = parseUrl(url)?.host ?? '';
  if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]') return 'local';
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host)) return 'private';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return 'public';
  return 'unknown';
}
