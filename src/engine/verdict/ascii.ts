/**
 * ASCII-only case mapping. HTTP names, methods and schemes are byte strings: `toLowerCase()` would
 * map U+212A KELVIN SIGN to `k` and U+017F LONG S to `S`, which a browser never does.
 */

export function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** `value` with each code unit from `first` to `first + 25` (one ASCII case of A–Z) moved by `shift`. */
function shiftAsciiLetters(value: string, first: number, shift: number): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    out += code >= first && code < first + 26 ? String.fromCharCode(code + shift) : value[i];
  }
  return out;
}

/**
 * Lowercases A–Z only.
 * @see https://infra.spec.whatwg.org/#ascii-lowercase
 */
export function asciiLowercase(value: string): string {
  return isAscii(value) ? value.toLowerCase() : shiftAsciiLetters(value, 0x41, 0x20);
}

/**
 * Uppercases a–z only.
 * @see https://infra.spec.whatwg.org/#ascii-uppercase
 */
export function asciiUppercase(value: string): string {
  return isAscii(value) ? value.toUpperCase() : shiftAsciiLetters(value, 0x61, -0x20);
}
