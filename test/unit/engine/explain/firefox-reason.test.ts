import { describe, expect, it } from 'vitest';
import { firefoxNetworkFailureReason, firefoxReason } from '../../../../src/engine/explain/firefox-reason';

/** Each expectation is what Firefox ESR 153 logged (test/firefox/firefox-truth-matrix.spec.ts). */
describe("Firefox's reason for a Chromium code", () => {
  it('calls a comma list in one ACAO line a mismatch, repeated lines multiple values', () => {
    expect(firefoxReason('MultipleAllowOriginValues', { allowOriginLines: 1 })).toBe(
      'CORSAllowOriginNotMatchingOrigin',
    );
    expect(firefoxReason('MultipleAllowOriginValues', { allowOriginLines: 2 })).toBe(
      'CORSMultipleAllowOriginNotAllowed',
    );
  });

  it("CORS-checks a redirected preflight's 3xx first: without ACAO it is CORSMissingAllowOrigin", () => {
    expect(firefoxReason('PreflightDisallowedRedirect', { allowOriginLines: 0 })).toBe('CORSMissingAllowOrigin');
    expect(firefoxReason('PreflightDisallowedRedirect', { allowOriginLines: 1 })).toBe(
      'CORSExternalRedirectNotAllowed',
    );
  });

  it('refuses a redirect to data: before any CORS check, and a Location with credentials, as a failed request', () => {
    expect(firefoxReason('MissingAllowOriginHeader', { redirectsToUnsafeScheme: true })).toBe('CORSDidNotSucceed');
    expect(firefoxReason('RedirectContainsCredentials')).toBe('CORSDidNotSucceed');
  });

  it('names network failures of CORS requests CORSDidNotSucceed, but not a request the page cancelled', () => {
    expect(firefoxNetworkFailureReason('NS_ERROR_CONNECTION_REFUSED')).toBe('CORSDidNotSucceed');
    expect(firefoxNetworkFailureReason('net::ERR_CONNECTION_REFUSED')).toBe('CORSDidNotSucceed');
    expect(firefoxNetworkFailureReason('NS_BINDING_ABORTED')).toBeNull();
  });
});
