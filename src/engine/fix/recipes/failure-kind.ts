import { CORS_ERROR_CATALOG } from '../../verdict/cors-error-catalog';
import type { FailureKind } from '../../verdict/cors-error-row';
import type { Verdict } from '../../verdict/verdict-types';

/** Which family of failure this verdict is, for choosing a stack's pitfall. */
export function failureKind(verdict: Verdict): FailureKind {
  if (verdict.kind !== 'blocked' || verdict.code === null) {
    return verdict.kind === 'passed' && verdict.advisories.length > 0 ? 'advisory' : 'none';
  }
  const status = verdict.status ?? 0;
  if (verdict.stage === 'redirect') return 'redirect';
  if (verdict.code === 'MissingAllowOriginHeader') return status >= 400 ? 'error-status' : 'missing-allow-origin';
  const kind = CORS_ERROR_CATALOG[verdict.code].fixFamily;
  const preflightRejected = kind === 'preflight-status' || kind === 'preflight-missing-allow-origin';
  if (preflightRejected && (status === 401 || status === 403)) return 'preflight-auth';
  return kind;
}
