/** Chromium's escaping of the failed parameter in CORS console messages (cors_error_string.cc). */
import { cutText, MAX_VALUE_CHARS } from './safe-text';

/**
 * Chromium's `EncodeHint`: printable ASCII kept, anything else as `\uXXXX`. The hint is a byte
 * string there, so a non-ASCII character shows as one escape per UTF-8 byte. Only what fits in
 * `maxChars` is encoded; a longer hint is cut with its byte count, so a 70 MB header value costs
 * no more than a short one (Chromium prints it whole; the panel and a terminal cannot).
 */
export function encodeHint(hint: string, maxChars: number = MAX_VALUE_CHARS): string {
  return cutText(hint, maxChars, (cp, ch) => {
    if (cp >= 0x20 && cp <= 0x7e) return ch;
    if (cp < 0x80) return `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    return utf8Bytes(cp)
      .map((byte) => `\\u00${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join('');
  });
}

function utf8Bytes(cp: number): number[] {
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}
