/** A verdict without the parts that depend on the credentials reading being chosen. */
import type { CheckFailure } from './check-failure';
import type { Exchange, HttpResponse, PreflightObservation } from './exchange';
import type { CheckStep, CorsErrorCode, HeaderFinding, VerdictKind, VerdictStage } from './verdict-types';

export interface Decision {
  kind: VerdictKind;
  code: CorsErrorCode | null;
  failedParameter: string;
  stage: VerdictStage | null;
  redirectIndex: number | null;
  header: HeaderFinding | null;
  status: number | null;
  networkError: string | null;
  specStep: string;
  /** The checks this reading made, as it made them (see `Verdict.trail`). */
  trail: readonly CheckStep[];
  /** Inputs for the advisories, carried so they are computed once for the chosen reading. */
  readableResponse: HttpResponse | null;
  passedPreflight: HttpResponse | null;
  tainted: boolean;
}

/**
 * A response's status when it is a finite number (captures may hold NaN), else null.
 * @see https://fetch.spec.whatwg.org/#concept-response-status
 */
export function statusOf(response: HttpResponse | null): number | null {
  return response !== null && Number.isFinite(response.status) ? response.status : null;
}

/**
 * A CORS failure (a network error in the standard) at `stage`.
 * @see https://fetch.spec.whatwg.org/#concept-network-error
 */
export function blockedDecision(
  failure: CheckFailure,
  stage: VerdictStage,
  status: number | null,
  redirectIndex: number | null = null,
): Decision {
  return {
    kind: 'blocked',
    code: failure.code,
    failedParameter: failure.failedParameter,
    header: failure.header,
    specStep: failure.specStep,
    trail: [],
    stage,
    redirectIndex,
    status,
    networkError: null,
    readableResponse: null,
    passedPreflight: null,
    tainted: false,
  };
}

/**
 * A decision without a CORS error: not CORS, a genuine network error, or not decidable from the capture.
 * @see https://fetch.spec.whatwg.org/#main-fetch
 */
export function plainDecision(
  kind: 'not-cors' | 'network-error' | 'unknown',
  specStep: string,
  stage: VerdictStage | null,
  extra: Partial<Pick<Decision, 'status' | 'networkError' | 'redirectIndex'>> = {},
): Decision {
  return {
    kind,
    code: null,
    failedParameter: '',
    stage,
    redirectIndex: extra.redirectIndex ?? null,
    header: null,
    status: extra.status ?? null,
    networkError: extra.networkError ?? null,
    specStep,
    trail: [],
    readableResponse: null,
    passedPreflight: null,
    tainted: false,
  };
}

/**
 * Two readings agree when they decide the same thing at the same place.
 * @see https://fetch.spec.whatwg.org/#concept-request-credentials-mode
 */
export function sameDecision(a: Decision, b: Decision): boolean {
  return (
    a.kind === b.kind &&
    a.code === b.code &&
    a.failedParameter === b.failedParameter &&
    a.stage === b.stage &&
    a.redirectIndex === b.redirectIndex
  );
}

/**
 * The preflight a verdict at stage `preflight` judged: the one sent again after redirect
 * `redirectIndex` when there is one, else the request's own.
 */
export function checkedPreflight(
  verdict: { stage: VerdictStage | null; redirectIndex: number | null },
  exchange: Exchange,
): PreflightObservation {
  if (verdict.stage === 'preflight' && verdict.redirectIndex !== null) {
    return exchange.redirects[verdict.redirectIndex]?.nextPreflight ?? { kind: 'none' };
  }
  return exchange.preflight;
}
