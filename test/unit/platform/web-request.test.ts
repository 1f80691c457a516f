import { describe, expect, it, vi } from 'vitest';

// The polyfill refuses to load outside an extension; the helpers under test take plain values.
vi.mock('../../../src/platform/browser', () => ({ browser: {} }));

const { latin1 } = await import('../../../src/platform/web-request');

describe('latin1: a binary header value as text, one char per byte', () => {
  it('keeps every byte, in order', () => {
    expect(latin1([0x68, 0x69, 0xe9, 0x00, 0xff])).toBe('hi\u00e9\u0000\u00ff');
    expect(latin1([])).toBe('');
  });

  it('decodes a value of 1,000,000 bytes (spreading them into fromCharCode overflows the stack)', () => {
    const bytes = new Uint8Array(1_000_000).map((_, index) => index % 256);
    expect(() => String.fromCharCode(...bytes)).toThrow(RangeError);
    const text = latin1(bytes);
    expect(text.length).toBe(1_000_000);
    expect(text.charCodeAt(999_999)).toBe(999_999 % 256);
  });
});
