/**
 * CORS-safelisted request headers, value rules included, as Chromium's `IsCorsSafelistedHeader`
 * applies them (the Fetch list plus Chromium's client-hint and `Intervention` extras).
 */
import { asciiLowercase } from './ascii';
import { byteLength, isToken, trimHttpWhitespace } from './header-list';

const MAX_VALUE_BYTES = 128;

/**
 * Bytes below 0x20 except tab, `"():<>?@[\]{}` and 0x7F.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
 */
export function isCorsUnsafeRequestHeaderByte(code: number): boolean {
  if (code < 0x20) return code !== 0x09;
  switch (code) {
    case 0x22:
    case 0x28:
    case 0x29:
    case 0x3a:
    case 0x3c:
    case 0x3e:
    case 0x3f:
    case 0x40:
    case 0x5b:
    case 0x5c:
    case 0x5d:
    case 0x7b:
    case 0x7d:
    case 0x7f:
      return true;
    default:
      return false;
  }
}

function hasUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isCorsUnsafeRequestHeaderByte(value.charCodeAt(i))) return true;
  return false;
}

/** `0-9A-Za-z`, space, `*,-.;=` only. */
function isLanguageValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!alnum && c !== 0x20 && c !== 0x2a && c !== 0x2c && c !== 0x2d && c !== 0x2e && c !== 0x3b && c !== 0x3d) {
      return false;
    }
  }
  return true;
}

const SAFELISTED_ESSENCES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * No unsafe byte, and the MIME type's essence (before `;`) is one of the three form types.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
export function isCorsSafelistedContentType(value: string): boolean {
  const lower = asciiLowercase(value);
  if (hasUnsafeByte(lower)) return false;
  const semicolon = lower.indexOf(';');
  const essence = trimHttpWhitespace(semicolon >= 0 ? lower.slice(0, semicolon) : lower);
  const slash = essence.indexOf('/');
  if (slash < 0 || !isToken(essence.slice(0, slash)) || !isToken(essence.slice(slash + 1))) return false;
  return SAFELISTED_ESSENCES.has(essence);
}

/** Compares two digit strings as unsigned integers. */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=.)/, '');
  const y = b.replace(/^0+(?=.)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

const INT64_MAX = '9223372036854775807';

/**
 * A single `bytes=N-` or `bytes=N-M` with N ≤ M; no spaces, commas or suffix ranges. Chromium
 * lowercases first, so `BYTES=0-1` passes there though the standard's parser is case-sensitive.
 * @see https://fetch.spec.whatwg.org/#simple-range-header-value
 */
export function isSimpleRangeHeaderValue(value: string): boolean {
  const match = /^bytes=([0-9]+)-([0-9]*)$/.exec(asciiLowercase(value));
  if (match === null) return false;
  const start = match[1] ?? '';
  const end = match[2] ?? '';
  if (compareDigits(start, INT64_MAX) > 0 || (end !== '' && compareDigits(end, INT64_MAX) > 0)) return false;
  return end === '' || compareDigits(start, end) <= 0;
}

/** Chromium's `IsSimilarToDoubleABNF`: `1*DIGIT [ "." 1*DIGIT ]`. */
const DOUBLE_ABNF = /^[0-9]+(\.[0-9]+)?$/;
/** Chromium's `IsSimilarToIntABNF`: `1*DIGIT`. */
const INT_ABNF = /^[0-9]+$/;
/** Chromium's `kWebEffectiveConnectionTypeMapping`, compared case-sensitively. */
const ECT_VALUES = new Set(['Unknown', 'Offline', 'slow-2g', '2g', '3g', '4g']);

/** Per CORS-safelisted request-header name, whether a value (at most 128 bytes) keeps it safelisted. */
const SAFELISTED_VALUE: Readonly<Record<string, (value: string) => boolean>> = {
  accept: (value) => !hasUnsafeByte(value),
  'accept-language': isLanguageValue,
  'content-language': isLanguageValue,
  'content-type': isCorsSafelistedContentType,
  range: isSimpleRangeHeaderValue,
  intervention: () => true,
  'device-memory': (value) => DOUBLE_ABNF.test(value),
  dpr: (value) => DOUBLE_ABNF.test(value),
  downlink: (value) => DOUBLE_ABNF.test(value),
  width: (value) => INT_ABNF.test(value),
  'viewport-width': (value) => INT_ABNF.test(value),
  rtt: (value) => INT_ABNF.test(value),
  ect: (value) => ECT_VALUES.has(value),
  'save-data': (value) => asciiLowercase(value) === 'on',
};

/** True for a header name that is CORS-safelisted with some value (`isCorsSafelistedRequestHeader`). */
export function isSafelistableName(name: string): boolean {
  return Object.hasOwn(SAFELISTED_VALUE, asciiLowercase(name));
}

/**
 * Whether one request header is CORS-safelisted (name and value). Values over 128 bytes never are.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  if (value.length > MAX_VALUE_BYTES || byteLength(value) > MAX_VALUE_BYTES) return false;
  const lower = asciiLowercase(name);
  return Object.hasOwn(SAFELISTED_VALUE, lower) && (SAFELISTED_VALUE[lower]?.(value) ?? false);
}
