import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import { classifyNetworkError } from '../../../../src/engine/verdict/network-error';
import { networkErrorRows } from '../../../fixtures/cors/network-errors';
import { expectVerdict } from './expect-verdict';

describe('network errors and thin captures (table)', () => {
  it('keeps all its rows', () => {
    expect(networkErrorRows).toHaveLength(24);
  });

  it.each(networkErrorRows)('$name', (row) => {
    expectVerdict(evaluate(row.exchange, row.options), row.expect);
  });
});

describe('classifyNetworkError', () => {
  it('separates the generic CORS failure names from real network errors', () => {
    expect(classifyNetworkError(null)).toBe('none');
    expect(classifyNetworkError('  ')).toBe('none');
    expect(classifyNetworkError('net::ERR_FAILED')).toBe('cors-like');
    expect(classifyNetworkError('net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS')).toBe('local-network');
    expect(classifyNetworkError('net::ERR_CONNECTION_RESET')).toBe('network');
  });
});
