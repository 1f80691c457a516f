import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import { classifyNetworkError, outcomeOfError } from '../../../../src/engine/verdict/network-error';
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

describe('outcomeOfError: what the page saw, for the capture and the HAR reader alike', () => {
  it.each([
    ['net::ERR_FAILED', 'blocked'],
    ['ERR_FAILED', 'blocked'],
    ['NS_ERROR_DOM_BAD_URI', 'blocked'],
    // Only the HAR reader knew Firefox's CORP block; the capture took it for a network failure.
    ['NS_ERROR_DOM_CORP_FAILED', 'blocked'],
    // Only the capture knew Local Network Access; the HAR reader took it for a network failure.
    ['net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', 'blocked'],
    ['net::ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS', 'blocked'],
    ['net::ERR_CONNECTION_REFUSED', 'network-error'],
    ['NS_ERROR_CONNECTION_REFUSED', 'network-error'],
    [null, 'blocked'],
  ] as const)('%s → %s', (error, outcome) => {
    expect(outcomeOfError(error)).toBe(outcome);
  });
});
