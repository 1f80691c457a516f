import { describe, expect, it } from 'vitest';
import { boundedText, quoted, safeText, utf8ByteLength } from '../../../../src/engine/explain/safe-text';

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
    expect(utf8ByteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8ByteLength('\uD800')).toBe(3);
  });
});

describe('boundedText', () => {
  it('keeps newlines only when asked and bounds the length', () => {
    expect(boundedText('a\nb', 10)).toBe('a\\x0Ab');
    expect(boundedText('a\nb', 10, true)).toBe('a\nb');
    expect(boundedText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
