import { truncationMarker } from './cut-value';
import { byteLength } from './header-list';

/**
 * `value` cut to at most `maxChars`, marker included (see cut-value.ts), so cutting again changes
 * nothing. Never splits a surrogate pair.
 */
export function capText(value: string, maxChars: number): string {
  if (value.length <= maxChars) return value;
  const marker = truncationMarker(`${byteLength(value)} bytes in all`);
  let end = maxChars - marker.length;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}${marker}`;
}
