import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedText, isUnsafeCodePoint, quoted, safeText } from '../../../../src/engine/explain/safe-text';
import { byteLength } from '../../../../src/engine/verdict/header-list';

describe('safeText', () => {
  it('keeps ordinary values as they are', () => {
    expect(safeText('http://localhost:3000')).toBe('http://localhost:3000');
    expect(quoted('*')).toBe("'*'");
  });

  it('escapes control, bidi and separator characters visibly', () => {
    expect(safeText('a\r\nb\u0000')).toBe('a\\x0D\\x0Ab\\x00');
    expect(safeText('x\u202Ey')).toBe('x\\u{202E}y');
    expect(safeText('\u2028')).toBe('\\u{2028}');
    expect(safeText('del\u007F')).toBe('del\\x7F');
  });

  it('cuts long values with an ellipsis and the full byte count', () => {
    const long = 'a'.repeat(5000);
    expect(safeText(long)).toBe(`${'a'.repeat(200)}… (5000 bytes)`);
    expect(safeText('é'.repeat(300))).toBe(`${'é'.repeat(200)}… (600 bytes)`);
  });

  it('never splits a surrogate pair', () => {
    const out = safeText('😀'.repeat(150));
    expect(out).toBe(`${'😀'.repeat(100)}… (600 bytes)`);
  });

  it('counts UTF-8 bytes by hand', () => {
    expect(byteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(byteLength('\uD800')).toBe(3);
  });
});

describe('boundedText', () => {
  it('keeps newlines only when asked and bounds the length', () => {
    expect(boundedText('a\nb', 10)).toBe('a\\x0Ab');
    expect(boundedText('a\nb', 10, true)).toBe('a\nb');
    expect(boundedText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('the whole-string check agrees with the character-by-character one', () => {
  it('keeps a clean value of exactly the limit whole, cuts one longer', () => {
    expect(safeText('a'.repeat(200))).toBe('a'.repeat(200));
    expect(safeText('a'.repeat(201))).toBe(`${'a'.repeat(200)}… (201 bytes)`);
    expect(boundedText('x'.repeat(9), 10)).toBe('x'.repeat(9));
    expect(boundedText('x'.repeat(10), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('escapes the first and last code point of every unsafe range in a short value', () => {
    for (const cp of [0x00, 0x1f, 0x7f, 0x9f, 0x200e, 0x200f, 0x2028, 0x202e, 0x2066, 0x2069, 0xfeff]) {
      const raw = `a${String.fromCodePoint(cp)}b`;
      expect(isUnsafeCodePoint(cp)).toBe(true);
      expect(safeText(raw)).not.toBe(raw);
      expect(boundedText(raw, 100)).not.toBe(raw);
      expect(boundedText(raw, 100, true)).not.toBe(raw);
    }
    for (const cp of [0x20, 0x7e, 0xa0, 0x200d, 0x2027, 0x202f, 0x2065, 0x206a, 0xfefe, 0xff00]) {
      expect(isUnsafeCodePoint(cp)).toBe(false);
      expect(safeText(`a${String.fromCodePoint(cp)}b`)).toBe(`a${String.fromCodePoint(cp)}b`);
    }
  });

  it('for any string: output without unsafe characters, and the input itself when it was clean and short', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 2, max: 400 }), (value, limit) => {
        const shown = safeText(value, limit);
        const bounded = boundedText(value, limit);
        for (const out of [shown, bounded]) {
          expect([...out].some((ch) => isUnsafeCodePoint(ch.codePointAt(0) ?? 0))).toBe(false);
        }
        const clean = ![...value].some((ch) => isUnsafeCodePoint(ch.codePointAt(0) ?? 0));
        if (clean && value.length <= limit) expect(shown).toBe(value);
        if (clean && value.length < limit) expect(bounded).toBe(value);
        expect(bounded.length).toBeLessThanOrEqual(limit);
      }),
    );
  });
});
