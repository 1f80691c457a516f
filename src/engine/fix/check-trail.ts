/**
 * The checks the browser made for an exchange, in Chromium's order (services/network/cors/cors_url_loader.cc,
 * preflight_controller.cc): per response, Access-Control-Allow-Origin then -Credentials; for the
 * preflight then its ok status, -Allow-Methods and -Allow-Headers. Each says what it required for
 * this request, what the server sent and how it came out; views render the trail as it is.
 */
import type { Exchange, HttpResponse } from '../verdict/exchange';
import { getHeader } from '../verdict/header-list';
import type { Verdict } from '../verdict/verdict-types';
import { requiredPolicy } from './required-policy';

/** Which response a check looked at. */
export type CheckStage = { kind: 'preflight' } | { kind: 'redirect'; index: number } | { kind: 'response' };

/** `advice`: not part of the CORS check, but the page cannot read a header it plausibly wanted. */
export type CheckOutcome = 'passed' | 'failed' | 'not-checked' | 'advice';

/** One check of the trail: which response, which header, what it had to be, what came, how it came out. */
export interface CheckStep {
  stage: CheckStage;
  /** Lowercase header name, or `status` for the preflight's ok-status check. */
  name: string;
  required: string;
  /** `*` would do too (the request carried no credentials). */
  wildcardAllowed: boolean;
  /** What the server sent; null when absent. */
  received: string | null;
  outcome: CheckOutcome;
}

interface Check {
  name: string;
  required: string;
  wildcardAllowed: boolean;
  received: string | null;
}

/** The CORS check of one response, in Chromium's order: allow-origin, then allow-credentials. */
function corsChecks(response: HttpResponse, origin: string, credentials: boolean): Check[] {
  const checks: Check[] = [
    {
      name: 'access-control-allow-origin',
      required: origin,
      wildcardAllowed: !credentials,
      received: getHeader(response.headers, 'access-control-allow-origin'),
    },
  ];
  if (credentials) {
    checks.push({
      name: 'access-control-allow-credentials',
      required: 'true',
      wildcardAllowed: false,
      received: getHeader(response.headers, 'access-control-allow-credentials'),
    });
  }
  return checks;
}

function preflightChecks(
  response: HttpResponse,
  origin: string,
  credentials: boolean,
  methods: readonly string[],
  headers: readonly string[],
): Check[] {
  const checks = corsChecks(response, origin, credentials);
  checks.push({ name: 'status', required: '200–299', wildcardAllowed: false, received: String(response.status) });
  if (methods.length > 0) {
    checks.push({
      name: 'access-control-allow-methods',
      required: methods.join(', '),
      wildcardAllowed: !credentials,
      received: getHeader(response.headers, 'access-control-allow-methods'),
    });
  }
  if (headers.length > 0) {
    checks.push({
      name: 'access-control-allow-headers',
      required: headers.join(', '),
      wildcardAllowed: !credentials,
      received: getHeader(response.headers, 'access-control-allow-headers'),
    });
  }
  return checks;
}

function isFailingStage(stage: CheckStage, verdict: Verdict): boolean {
  if (!verdict.blocked || verdict.stage === null) return false;
  if (stage.kind === 'redirect') return verdict.stage === 'redirect' && verdict.redirectIndex === stage.index;
  return verdict.stage === stage.kind;
}

function isFailingCheck(check: Check, verdict: Verdict): boolean {
  if (verdict.header !== null) return verdict.header.name.toLowerCase() === check.name;
  // A redirected preflight fails Chromium's ok-status check too (its status is not 2xx).
  return (
    check.name === 'status' &&
    (verdict.code === 'PreflightInvalidStatus' || verdict.code === 'PreflightDisallowedRedirect')
  );
}

function outcomeOf(index: number, failedEarlier: boolean, failingHere: boolean, failAt: number): CheckOutcome {
  if (failedEarlier) return 'not-checked';
  if (!failingHere) return 'passed';
  if (index === failAt) return 'failed';
  return index < failAt ? 'passed' : 'not-checked';
}

/**
 * Every header the browser checked for this exchange: what it had to be (for this request's
 * origin, credentials, method and headers) and what the server sent, stage by stage, with the
 * check that failed marked. Checks after the failing one were never made and say so.
 */
export function checkTrail(exchange: Exchange, verdict: Verdict): CheckStep[] {
  const policy = requiredPolicy(exchange, verdict);
  const credentials = verdict.credentials.mode === 'include' || exchange.credentialsMode === 'include';
  const origin = policy.allowOrigin;
  const stages: { stage: CheckStage; checks: Check[] }[] = [];
  const { preflight } = exchange;
  if (preflight.kind === 'observed' && preflight.response !== null) {
    const checks = preflightChecks(preflight.response, origin, credentials, policy.allowMethods, policy.allowHeaders);
    stages.push({ stage: { kind: 'preflight' }, checks });
  }
  exchange.redirects.forEach((hop, index) => {
    stages.push({ stage: { kind: 'redirect', index }, checks: corsChecks(hop.response, origin, credentials) });
  });
  if (exchange.response !== null) {
    stages.push({ stage: { kind: 'response' }, checks: corsChecks(exchange.response, origin, credentials) });
  }
  const rows: CheckStep[] = [];
  let failedEarlier = false;
  for (const { stage, checks } of stages) {
    const failingHere = isFailingStage(stage, verdict);
    let failAt = -1;
    if (failingHere) {
      failAt = checks.findIndex((check) => isFailingCheck(check, verdict));
      if (failAt < 0 && verdict.header !== null) {
        const { name, expected, received: sent } = verdict.header;
        failAt = checks.push({ name, required: expected, wildcardAllowed: false, received: sent }) - 1;
      }
    }
    checks.forEach((check, index) => {
      rows.push({ stage, ...check, outcome: outcomeOf(index, failedEarlier, failingHere, failAt) });
    });
    if (failingHere) failedEarlier = true;
  }
  if (exchange.response !== null && policy.exposeHeaders.length > 0) {
    rows.push({
      stage: { kind: 'response' },
      name: 'access-control-expose-headers',
      required: policy.exposeHeaders.join(', '),
      wildcardAllowed: !credentials,
      received: getHeader(exchange.response.headers, 'access-control-expose-headers'),
      outcome: 'advice',
    });
  }
  return rows;
}
