/**
 * Making server-controlled strings (header values, URLs, status texts) safe to show as plain text.
 * A hostile or broken server can send a 1 MB header or one full of control and bidi characters;
 * the panel must show the truth without letting such a value flood or rearrange the UI.
 */

import { byteLength } from '../verdict/header-list';

/** Longest embedded value, in UTF-16 code units, before it is cut with an ellipsis and its byte count. */
export const MAX_VALUE_CHARS = 200;

/**
 * C0/C1 controls, DEL, line/paragraph separators, bidi marks, embeddings/overrides/isolates and
 * the BOM: each can break lines or visually reorder text, so none is shown raw. Inclusive ranges.
 */
const UNSAFE_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x200e, 0x200f],
  [0x2028, 0x202e],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];

export function isUnsafeCodePoint(cp: number): boolean {
  return UNSAFE_RANGES.some(([first, last]) => cp >= first && cp <= last);
}

/** A character class of the ranges, to test a whole string at once instead of code point by code point. */
function anyOf(ranges: readonly (readonly [number, number])[]): RegExp {
  const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
  return new RegExp(`[${ranges.map(([first, last]) => `${hex(first)}-${hex(last)}`).join('')}]`, 'u');
}

const ANY_UNSAFE = anyOf(UNSAFE_RANGES);
/** The same, with `\n` allowed (boundedText's keepNewlines). */
const ANY_UNSAFE_BUT_NEWLINE = anyOf([[0x00, 0x09], [0x0b, 0x1f], ...UNSAFE_RANGES.slice(1)]);

/** `\xNN` for bytes, `\u{…}` above: visible, unambiguous and never itself a control character. */
function escapeCodePoint(cp: number): string {
  return cp <= 0xff ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}` : `\\u{${cp.toString(16).toUpperCase()}}`;
}

/**
 * The value written piece by piece (`piece` gives what each code point becomes) and, once the next
 * piece would pass `maxChars`, cut with "… (N bytes)" so the reader knows how much was hidden.
 * Only the kept prefix is ever converted, so a huge value costs what is shown plus a byte count.
 */
export function cutText(value: string, maxChars: number, piece: (cp: number, ch: string) => string): string {
  let out = '';
  for (const ch of value) {
    const next = piece(ch.codePointAt(0) ?? 0, ch);
    if (out.length + next.length > maxChars) return `${out}… (${byteLength(value)} bytes)`;
    out += next;
  }
  return out;
}

/** The value with unsafe characters escaped and, past `maxChars`, cut (see cutText). */
export function safeText(value: string, maxChars: number = MAX_VALUE_CHARS): string {
  // Most values are short and clean: returning them as they are spares a copy per character.
  if (value.length <= maxChars && !ANY_UNSAFE.test(value)) return value;
  return cutText(value, maxChars, (cp, ch) => (isUnsafeCodePoint(cp) ? escapeCodePoint(cp) : ch));
}

/** A server value in single quotes, the way Chromium quotes it in console messages. */
export function quoted(value: string, maxChars: number = MAX_VALUE_CHARS): string {
  return `'${safeText(value, maxChars)}'`;
}

/**
 * Final guard on whole output strings: escapes any unsafe character except the `\n` that
 * `keepNewlines` allows, and bounds the total length. Builders already sanitise embedded values;
 * this makes the bound a property of `explain` rather than of every template.
 */
export function boundedText(text: string, maxChars: number, keepNewlines = false): string {
  if (text.length < maxChars && !(keepNewlines ? ANY_UNSAFE_BUT_NEWLINE : ANY_UNSAFE).test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const piece = isUnsafeCodePoint(cp) && !(keepNewlines && cp === 0x0a) ? escapeCodePoint(cp) : ch;
    if (out.length + piece.length > maxChars - 1) return `${out}…`;
    out += piece;
  }
  return out;
}
