import type { Exchange, Verdict } from '../../engine';
import { getHeader, resolveLocation, safeText } from '../../engine';

export type StepOutcome = 'passed' | 'failed' | 'not-sent' | 'unknown';

/** One hop of the exchange as the browser made it: preflight, each redirect, the actual request. */
export interface StoryStep {
  kind: 'preflight' | 'redirect' | 'actual';
  label: string;
  method: string;
  url: string;
  /** `204 No Content`, a network error name, `not seen`, …; never empty. */
  status: string;
  outcome: StepOutcome;
}

function statusText(status: number, text: string): string {
  return text === '' ? String(status) : `${status} ${text}`;
}

function preflightStep(exchange: Exchange, verdict: Verdict): StoryStep | null {
  const { preflight } = exchange;
  if (preflight.kind === 'none') return null;
  const failed = verdict.blocked && verdict.stage === 'preflight';
  if (preflight.kind === 'maybe-cached') {
    return {
      kind: 'preflight',
      label: 'Preflight',
      method: 'OPTIONS',
      url: exchange.request.url,
      status: 'not seen: answered from the preflight cache, or not captured',
      outcome: failed ? 'failed' : 'unknown',
    };
  }
  const { request, response, error } = preflight;
  return {
    kind: 'preflight',
    label: 'Preflight',
    method: request.method,
    url: request.url,
    status: response === null ? (error ?? 'no response') : statusText(response.status, response.statusText),
    outcome: failed || response === null ? 'failed' : 'passed',
  };
}

/**
 * The exchange as a story, in the order the browser went: the preflight, every redirect, then
 * the actual request, each with its status and whether it passed. A request blocked at its
 * preflight was never sent, and the story says so instead of inventing a status.
 */
export function storySteps(exchange: Exchange, verdict: Verdict): StoryStep[] {
  // Methods, URLs and status texts come from the page and the servers: shown escaped and bounded.
  return rawStorySteps(exchange, verdict).map((step) => ({
    ...step,
    method: safeText(step.method, 40),
    url: safeText(step.url, 2_000),
    status: safeText(step.status, 300),
  }));
}

function rawStorySteps(exchange: Exchange, verdict: Verdict): StoryStep[] {
  const steps: StoryStep[] = [];
  const pre = preflightStep(exchange, verdict);
  if (pre !== null) steps.push(pre);
  const stoppedAtPreflight = verdict.blocked && verdict.stage === 'preflight';
  let url = exchange.request.url;
  exchange.redirects.forEach((hop, index) => {
    const failed = verdict.blocked && verdict.stage === 'redirect' && verdict.redirectIndex === index;
    steps.push({
      kind: 'redirect',
      label: `Redirect ${index + 1}`,
      method: hop.request.method,
      url: hop.request.url,
      status: statusText(hop.response.status, hop.response.statusText),
      outcome: failed ? 'failed' : 'passed',
    });
    url = resolveLocation(getHeader(hop.response.headers, 'location') ?? '', hop.request.url) ?? url;
  });
  const method = exchange.redirects.at(-1)?.request.method ?? exchange.request.method;
  const redirectFailed = verdict.blocked && verdict.stage === 'redirect';
  if (stoppedAtPreflight || redirectFailed) {
    if (!redirectFailed)
      steps.push({ kind: 'actual', label: 'Request', method, url, status: 'not sent', outcome: 'not-sent' });
    return steps;
  }
  const { response } = exchange;
  let status =
    response === null ? (exchange.networkError ?? 'no response') : statusText(response.status, response.statusText);
  let outcome: StepOutcome = verdict.blocked || verdict.kind === 'network-error' ? 'failed' : 'passed';
  if (verdict.kind === 'unknown') outcome = 'unknown';
  if (verdict.blocked && response !== null) status += ' (the page was not allowed to read it)';
  steps.push({ kind: 'actual', label: 'Request', method, url, status, outcome });
  return steps;
}
