import { describe, expect, it } from 'vitest';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from '../../../../src/engine/verdict/method';
import { methodRows } from '../../../fixtures/cors/safelisted-methods';

describe('methods (table)', () => {
  it('keeps all its rows', () => {
    expect(methodRows).toHaveLength(17);
  });

  it.each(methodRows)('$name', ({ method, expect: expected }) => {
    const normalized = normalizeMethod(method);
    expect(normalized).toBe(expected.normalized);
    expect(isCorsSafelistedMethod(normalized)).toBe(expected.safelisted);
    expect(isForbiddenMethod(method)).toBe(expected.forbidden);
  });
});
