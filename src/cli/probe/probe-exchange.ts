/**
 * Makes a cross-origin request the way Chromium makes it — preflight when the engine says one is
 * needed, the request, each redirect followed by hand — and records it as the engine's `Exchange`.
 * Chromium stops at the first CORS failure; so does the probe, by asking the engine after each
 * answer whether the exchange so far is already blocked, so no CORS rule is restated here.
 */
import {
  type Exchange,
  evaluate,
  type HttpRequest,
  type HttpResponse,
  isSameOrigin,
  methodAfterRedirect,
  needsPreflight,
  normalizeMethod,
  type PreflightObservation,
  type RedirectHop,
  taintsOrigin,
  type Verdict,
} from '../../engine';
import {
  actualRequest,
  type Hop,
  headersAfterRedirect,
  type PageRequest,
  preflightRequest,
  redirectLocation,
} from './request-headers';
import type { SendResult } from './send-request';

/** One request the probe sent and what came back, in the order sent. */
export interface WireStep {
  role: 'preflight' | 'request';
  /** False for the request a failed preflight stopped: the browser never sent it (DevTools lists it as failed). */
  sent: boolean;
  request: HttpRequest;
  response: HttpResponse | null;
  /** Chromium's name for the network error, when the request failed on the network. */
  error: string | null;
  /** Node's words for that error. */
  errorDetail: string | null;
}

export interface ProbeResult {
  exchange: Exchange;
  verdict: Verdict;
  steps: WireStep[];
}

export type Send = (request: HttpRequest) => Promise<SendResult>;

/** Chromium's message for a request it failed on CORS grounds. */
const CORS_FAILURE = 'net::ERR_FAILED';

function observed(step: WireStep): PreflightObservation {
  return { kind: 'observed', request: step.request, response: step.response, error: step.error };
}

/** Sends a request and records it as a step. */
async function sendStep(send: Send, role: WireStep['role'], request: HttpRequest, steps: WireStep[]) {
  const result = await send(request);
  const step: WireStep =
    result.kind === 'response'
      ? { role, sent: true, request, response: result.response, error: null, errorDetail: null }
      : { role, sent: true, request, response: null, error: result.error, errorDetail: result.detail };
  steps.push(step);
  return step;
}

export async function probeExchange(page: PageRequest, send: Send, userAgent: string): Promise<ProbeResult> {
  const steps: WireStep[] = [];
  let hop: Hop = { url: page.url, method: normalizeMethod(page.method), headers: page.headers, tainted: false };
  let corsFlag = !isSameOrigin(page.origin, page.url);
  const first = actualRequest(page, hop, corsFlag, userAgent);
  const exchange: Exchange & { redirects: RedirectHop[] } = {
    initiatorOrigin: page.origin,
    request: first,
    resourceType: 'fetch',
    credentialsMode: page.credentials ? 'include' : 'same-origin',
    mode: 'cors',
    preflight: { kind: 'none' },
    redirects: [],
    response: null,
    networkError: null,
    outcome: 'unknown',
  };
  const finish = (outcome: Exchange['outcome'], networkError: string | null): ProbeResult => {
    const done = { ...exchange, outcome, networkError };
    return { exchange: done, verdict: evaluate(done), steps };
  };
  /** The preflight of `request` failed: it stays unsent, and the exchange ends there. */
  const unsent = (request: HttpRequest) =>
    steps.push({ role: 'request', sent: false, request, response: null, error: null, errorDetail: null });
  /** What the exchange so far comes to: the browser stops here when it is blocked or failed. */
  const stopped = (verdict = evaluate(exchange)): ProbeResult | null => {
    if (verdict.blocked) return finish('blocked', CORS_FAILURE);
    if (verdict.kind === 'network-error') return finish('network-error', verdict.networkError);
    return null;
  };

  if (corsFlag && needsPreflight(hop.method, hop.headers)) {
    const step = await sendStep(send, 'preflight', preflightRequest(page, hop, userAgent), steps);
    exchange.preflight = observed(step);
    const stop = stopped();
    if (stop !== null) {
      unsent(first);
      return stop;
    }
  }
  let request = first;
  for (;;) {
    const step = await sendStep(send, 'request', request, steps);
    if (step.response === null) return finish('network-error', step.error);
    const location = redirectLocation(step.response.status, step.response.headers);
    if (location === null) {
      exchange.response = step.response;
      return stopped() ?? finish('succeeded', null);
    }
    const redirect: RedirectHop = { request, response: step.response };
    exchange.redirects.push(redirect);
    // The 3xx itself, its Location and the redirect count are checked before anything is sent again.
    const verdict = evaluate(exchange);
    if (verdict.blocked && verdict.stage === 'redirect')
      exchange.redirects.splice(-1, 1, { ...redirect, refused: true });
    const stop = stopped(verdict);
    if (stop !== null) return stop;
    const next = URL.canParse(location, hop.url) ? new URL(location, hop.url).href : null;
    if (next === null) return finish('network-error', 'net::ERR_INVALID_REDIRECT');
    const method = methodAfterRedirect(step.response.status, hop.method);
    hop = {
      url: next,
      method,
      headers: headersAfterRedirect(hop.headers, hop, next, method),
      tainted: hop.tainted || taintsOrigin(page.origin, hop.url, next),
    };
    corsFlag ||= !isSameOrigin(page.origin, next);
    request = actualRequest(page, hop, corsFlag, userAgent);
    // A request that still needs a preflight is preflighted again at its new URL (Chromium's
    // CorsURLLoader::FollowRedirect); the preflight itself is never redirected.
    if (corsFlag && needsPreflight(hop.method, hop.headers)) {
      const again = await sendStep(send, 'preflight', preflightRequest(page, hop, userAgent), steps);
      exchange.redirects.splice(-1, 1, { ...redirect, nextPreflight: observed(again) });
      const stopAgain = stopped();
      if (stopAgain !== null) {
        unsent(request);
        return stopAgain;
      }
    }
  }
}
