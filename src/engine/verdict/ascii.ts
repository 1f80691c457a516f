/**
 * ASCII-only case mapping. HTTP names, methods and schemes are byte strings: `toLowerCase()` would
 * map U+212A KELVIN SIGN to `k` and U+017F LONG S to `S`, which a browser never does.
 */

export function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Lowercases A–Z only.
 * @see https://infra.spec.whatwg.org/#ascii-lowercase
 */
export function asciiLowercase(value: string): string {
  if (isAscii(value)) return value.toLowerCase();
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : value[i];
  }
  return out;
}

/**
 * Uppercases a–z only.
 * @see https://infra.spec.whatwg.org/#ascii-uppercase
 */
export function asciiUppercase(value: string): string {
  if (isAscii(value)) return value.toUpperCase();
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    out += code >= 0x61 && code <= 0x7a ? String.fromCharCode(code - 0x20) : value[i];
  }
  return out;
}
