/** Chromium's escaping of the failed parameter in CORS console messages (cors_error_string.cc). */

/**
 * Chromium's `EncodeHint`: printable ASCII kept, anything else as `\uXXXX`. The hint is a byte
 * string there, so a non-ASCII character shows as one escape per UTF-8 byte.
 */
export function encodeHint(hint: string): string {
  let out = '';
  for (const ch of hint) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x20 && cp <= 0x7e) out += ch;
    else if (cp < 0x80) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else for (const byte of utf8Bytes(cp)) out += `\\u00${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function utf8Bytes(cp: number): number[] {
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}
