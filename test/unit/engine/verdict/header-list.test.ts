import { describe, expect, it } from 'vitest';
import {
  byteLength,
  getHeader,
  getHeaderValues,
  hasHeader,
  isToken,
  splitHeaderList,
} from '../../../../src/engine/verdict/header-list';

describe('header list', () => {
  const headers = [
    ['Vary', ' Origin '],
    ['X-One', 'a'],
    ['vary', 'Accept-Encoding'],
  ] as const;

  it('combines several lines with ", " after trimming each', () => {
    expect(getHeader(headers, 'vary')).toBe('Origin, Accept-Encoding');
    expect(getHeaderValues(headers, 'vary')).toEqual(['Origin', 'Accept-Encoding']);
    expect(getHeader(headers, 'missing')).toBeNull();
    expect(hasHeader(headers, 'x-one')).toBe(true);
  });

  it('matches names ASCII-case-insensitively only (KELVIN SIGN is not k)', () => {
    expect(hasHeader([['\u212Aeep-Alive', '1']], 'keep-alive')).toBe(false);
  });

  it('splits comma lists, dropping empty items', () => {
    expect(splitHeaderList(' a, ,b ,, c')).toEqual(['a', 'b', 'c']);
  });

  it('recognises tokens', () => {
    expect(isToken("X-Custom_1!#$%&'*+.^`|~")).toBe(true);
    expect(isToken('')).toBe(false);
    expect(isToken('a b')).toBe(false);
    expect(isToken('a:b')).toBe(false);
  });

  it('counts UTF-8 bytes', () => {
    expect(byteLength('abc')).toBe(3);
    expect(byteLength('é')).toBe(2);
    expect(byteLength('€')).toBe(3);
    expect(byteLength('😀')).toBe(4);
  });
});
