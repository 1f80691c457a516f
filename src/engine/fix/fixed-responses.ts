import type { Exchange, HeaderList, HttpResponse, PreflightObservation } from '../verdict/exchange';
import { getHeader } from '../verdict/header-list';
import type { Verdict } from '../verdict/verdict-types';
import { recipeHeaderFields } from './recipes/header-fields';
import { recipeContext } from './recipes/recipe-context';
import { requestChain, requiredPolicy } from './required-policy';

/** What the server answers once the fix is in, for every response of the exchange the fix touches. */
export interface FixedResponses {
  /** The whole answer to the request's preflight (a recipe answers preflights itself); null when none was seen. */
  preflight: HttpResponse | null;
  /** The answer to the preflight sent again after each redirect, by redirect index; null where none was seen. */
  nextPreflights: readonly (HttpResponse | null)[];
  /** The CORS header fields each redirect's 3xx carries. */
  redirects: readonly HeaderList[];
  /** The CORS header fields the final response carries. */
  response: HeaderList;
}

/** Status every recipe answers a preflight with. */
const PREFLIGHT_ANSWER = { status: 204, statusText: 'No Content' } as const;

/**
 * What the fixed server sends: the headers every stack's recipe configures (recipes/header-fields.ts),
 * with `Access-Control-Allow-Origin` as each request gets it — the one allowed origin, or, when the
 * chain needs several, the request's own `Origin` when it is listed and none otherwise.
 * Pure and total, like `requiredPolicy`, which it applies.
 */
export function fixedResponses(exchange: Exchange, verdict: Verdict): FixedResponses {
  const ctx = recipeContext(requiredPolicy(exchange, verdict), verdict);
  const chain = requestChain(exchange);
  const fieldsFor = (origin: string) => {
    const echoed = ctx.origins.length === 1 ? ctx.origin : ctx.origins.includes(origin) ? origin : null;
    return recipeHeaderFields(ctx, echoed);
  };
  const initiator = exchange.initiatorOrigin ?? getHeader(exchange.request.headers, 'origin') ?? '';
  const preflightAnswer = (observed: PreflightObservation | undefined, origin: string): HttpResponse | null => {
    if (observed?.kind !== 'observed') return null;
    const sent = getHeader(observed.request.headers, 'origin');
    return { ...PREFLIGHT_ANSWER, headers: fieldsFor(sent !== null && sent !== '' ? sent : origin).preflight };
  };
  const originOf = (index: number) => chain.requests[index]?.origin ?? initiator;
  return {
    preflight: preflightAnswer(exchange.preflight, initiator),
    nextPreflights: exchange.redirects.map((hop, index) => preflightAnswer(hop.nextPreflight, originOf(index + 1))),
    redirects: exchange.redirects.map((_, index) => fieldsFor(originOf(index)).response),
    response: fieldsFor(originOf(exchange.redirects.length)).response,
  };
}
