import { describe, expect, it } from 'vitest';
import { isCorsSafelistedRequestHeader } from '../../../../src/engine/verdict/safelist';
import { corsUnsafeRequestHeaderNames } from '../../../../src/engine/verdict/unsafe-request-headers';
import { safelistRows, unsafeNamesRows } from '../../../fixtures/cors/safelisted-request-headers';

describe('CORS-safelisted request-header (table)', () => {
  it('keeps all its rows', () => {
    expect(safelistRows).toHaveLength(54);
  });

  it.each(safelistRows)('$name', ({ header, expect: expected }) => {
    expect(isCorsSafelistedRequestHeader(header[0], header[1])).toBe(expected.safelisted);
  });
});

describe('CORS-unsafe request-header names (table)', () => {
  it('keeps all its rows', () => {
    expect(unsafeNamesRows).toHaveLength(7);
  });

  it.each(unsafeNamesRows)('$name', ({ headers, expect: expected }) => {
    expect(corsUnsafeRequestHeaderNames(headers)).toEqual(expected.unsafe);
  });
});
