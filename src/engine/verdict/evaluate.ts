/**
 * The engine's entry point: `evaluate(exchange) → Verdict`. Pure and total: no clock, no I/O,
 * never throws (a spec "failure" is a value).
 */
import { collectAdvisories, exposeAdvice } from './advisories';
import { knownCredentials } from './credentials';
import { decide } from './decide';
import { type Decision, sameDecision } from './decision';
import type { Exchange } from './exchange';
import { type RequestContext, requestContext } from './request-context';
import type { CredentialsFinding, Verdict } from './verdict-types';

export interface EvaluateOptions {
  /**
   * Apply the standard's rule that `*` in Access-Control-Allow-Headers never covers
   * `authorization`. Default false: Chromium's `CorsNonWildcardRequestHeadersSupport` was seen off
   * (Chromium 156 let it through); the verdict then carries an `authorization-via-wildcard` advisory.
   */
  authorizationExcludedFromWildcard?: boolean;
}

function explainsOutcome(decision: Decision, outcome: Exchange['outcome']): boolean {
  return (
    (outcome === 'blocked' && decision.kind === 'blocked') || (outcome === 'succeeded' && decision.kind === 'passed')
  );
}

/** Failures of a `*` answer that only a credentialed request meets. */
const WILDCARD_CODES: ReadonlySet<Decision['code']> = new Set([
  'WildcardOriginNotAllowed',
  'PreflightWildcardOriginNotAllowed',
]);

function summarize(decision: Decision): string {
  return decision.code !== null ? `blocked (${decision.code})` : decision.kind;
}

/** Picks between the credentialed and uncredentialed readings when the capture cannot tell. */
function chooseReading(exchange: Exchange, omit: Decision, include: Decision): [Decision, CredentialsFinding] {
  if (sameDecision(omit, include)) {
    const note =
      'The capture does not show the credentials mode, and it does not matter here: with or without credentials the verdict is the same.';
    return [omit, { mode: 'unknown', evidence: 'unknown', note }];
  }
  const omitExplains = explainsOutcome(omit, exchange.outcome);
  const includeExplains = explainsOutcome(include, exchange.outcome);
  if (includeExplains && !omitExplains) {
    const note = `The capture does not show the credentials mode; read as 'include' because only a credentialed request explains the observed outcome (${exchange.outcome}): without credentials it would be ${summarize(omit)}.`;
    return [include, { mode: 'include', evidence: 'inferred-from-outcome', note }];
  }
  if (omitExplains && !includeExplains) {
    const note = `The capture does not show the credentials mode; read as 'omit' because only an uncredentialed request explains the observed outcome (${exchange.outcome}): with credentials it would be ${summarize(include)}.`;
    return [omit, { mode: 'omit', evidence: 'inferred-from-outcome', note }];
  }
  if (omit.kind === 'passed' && include.kind === 'blocked' && WILDCARD_CODES.has(include.code)) {
    // The classic trap: `*` passes without credentials and fails with them, and nothing shows
    // which it was (Firefox's webRequest never does when no cookie went out): never say "passed".
    const note = `Depends on the credentials mode, which the capture does not show and the outcome (${exchange.outcome}) does not settle: without credentials ('omit', the fetch/XHR default cross-origin) it is ${summarize(omit)}; with credentials ('include': fetch credentials 'include', XHR withCredentials) it is ${summarize(include)}.`;
    return [dependsOnCredentials(include), { mode: 'unknown', evidence: 'unknown', note }];
  }
  const note = `The capture does not show the credentials mode and the outcome (${exchange.outcome}) does not settle it; assumed 'omit' (the fetch/XHR default cross-origin). With credentials ('include') it would be ${summarize(include)}.`;
  return [omit, { mode: 'omit', evidence: 'unknown', note }];
}

const DEPENDS_ON_CREDENTIALS = 'depends on the credentials mode';

/** An undecided verdict that keeps where the credentialed reading failed, for the explanation. */
function dependsOnCredentials(blocked: Decision): Decision {
  return {
    ...blocked,
    kind: 'unknown',
    code: null,
    failedParameter: '',
    specStep: `${DEPENDS_ON_CREDENTIALS} (with credentials: ${blocked.specStep})`,
  };
}

/** The verdict is undecided because it passes without credentials and fails with them (see chooseReading). */
export function isCredentialsDependent(verdict: Pick<Verdict, 'kind' | 'specStep'>): boolean {
  return verdict.kind === 'unknown' && verdict.specStep.startsWith(DEPENDS_ON_CREDENTIALS);
}

function contradicts(decision: Decision, outcome: Exchange['outcome']): boolean {
  return (
    (decision.kind === 'blocked' && outcome === 'succeeded') || (decision.kind === 'passed' && outcome === 'blocked')
  );
}

function toVerdict(
  exchange: Exchange,
  context: RequestContext,
  decision: Decision,
  credentials: CredentialsFinding,
): Verdict {
  const isCors = decision.kind === 'passed' || decision.kind === 'blocked';
  const finalResponseChecked =
    decision.kind === 'passed' || (decision.kind === 'blocked' && decision.stage === 'response');
  const includeCredentials = credentials.mode === 'include';
  const advisories = isCors
    ? collectAdvisories({
        origin: decision.tainted ? 'null' : context.origin,
        includeCredentials,
        response: finalResponseChecked ? exchange.response : null,
        responseReadable: decision.kind === 'passed',
        preflight: decision.passedPreflight,
        hasAuthorization: context.hasAuthorization,
      })
    : [];
  return {
    kind: decision.kind,
    blocked: decision.kind === 'blocked',
    code: decision.code,
    failedParameter: decision.failedParameter,
    stage: decision.stage,
    redirectIndex: decision.redirectIndex,
    header: decision.header,
    credentials,
    status: decision.status,
    networkError: decision.networkError,
    specStep: decision.specStep,
    advisories,
    trail: [...decision.trail, ...exposeAdvice(exchange.response, advisories, includeCredentials)],
    contradictsOutcome: contradicts(decision, exchange.outcome),
  };
}

/**
 * Decides whether (and why) the browser blocks this exchange, the way Chromium does.
 * @see https://fetch.spec.whatwg.org/#cors-protocol
 */
export function evaluate(exchange: Exchange, options: EvaluateOptions = {}): Verdict {
  const context = requestContext(exchange);
  const authorizationExcludedFromWildcard = options.authorizationExcludedFromWildcard === true;
  const known = knownCredentials(exchange);
  if (known !== null) {
    const decision = decide(exchange, context, {
      includeCredentials: known.mode === 'include',
      authorizationExcludedFromWildcard,
    });
    return toVerdict(exchange, context, decision, known);
  }
  const omit = decide(exchange, context, { includeCredentials: false, authorizationExcludedFromWildcard });
  const include = decide(exchange, context, { includeCredentials: true, authorizationExcludedFromWildcard });
  const [decision, credentials] = chooseReading(exchange, omit, include);
  return toVerdict(exchange, context, decision, credentials);
}
