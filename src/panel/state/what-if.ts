/**
 * "What if": the server's answers of one captured exchange, edited. Every edit returns a new
 * exchange (the captured record is never touched) that the engine judges afresh; the panel keeps
 * the edits in its detail view only, so they never reach the log, the badge or an export.
 */
import type {
  CheckStage,
  CheckStep,
  CredentialsMode,
  Exchange,
  HeaderList,
  HttpResponse,
  RedirectHop,
} from '../../engine';
import { evaluate, fixedResponses, isCredentialsDependent } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';
import type { RequestId } from '../../model/ids';

/** One edit: the exchange as it is when the edit lands, to the exchange after it. */
export type ExchangeEdit = (exchange: Exchange) => Exchange;

/** A response of the exchange the what-if can edit, named as the check trail names them. */
export type ResponseTarget = CheckStage;

export interface WhatIf {
  requestId: RequestId;
  /** The edited copy of the captured exchange. */
  exchange: Exchange;
  /** The exchanges before each edit, oldest first: Escape steps back through them. */
  history: readonly Exchange[];
  /** The field the last edit typed into: typing on in it adds to that edit instead of making a new one. */
  typing: string | null;
}

/** The record can be edited: the engine made CORS checks on it (or would with the credentials mode known). */
export function canWhatIf(record: Pick<ExchangeRecord, 'verdict'>): boolean {
  const { verdict } = record;
  return verdict.kind === 'blocked' || verdict.kind === 'passed' || isCredentialsDependent(verdict);
}

/**
 * The copy the edits start from. What the browser was seen to do says nothing of an edited
 * answer, so the copy's outcome is `unknown`; a credentials mode the engine could only infer from
 * that outcome is kept as if declared, so the copy starts with the captured verdict.
 */
export function startWhatIf(record: Pick<ExchangeRecord, 'requestId' | 'exchange' | 'verdict'>): WhatIf {
  const { exchange, verdict } = record;
  const inferred = exchange.credentialsMode === 'unknown' && verdict.credentials.evidence === 'inferred-from-outcome';
  const credentialsMode: CredentialsMode = inferred ? verdict.credentials.mode : exchange.credentialsMode;
  return {
    requestId: record.requestId,
    exchange: { ...exchange, credentialsMode, outcome: 'unknown' },
    history: [],
    typing: null,
  };
}

/** Records an edit; `typing` names the field typed into, so one word typed is one step of undo. */
export function edit(state: WhatIf, change: ExchangeEdit, typing: string | null = null): WhatIf {
  const next = change(state.exchange);
  if (next === state.exchange) return state;
  const continues = typing !== null && typing === state.typing && state.history.length > 0;
  return {
    ...state,
    exchange: next,
    history: continues ? state.history : [...state.history, state.exchange],
    typing,
  };
}

/** The state before the last edit, or null when there is none left (the what-if ends). */
export function undo(state: WhatIf): WhatIf | null {
  const previous = state.history.at(-1);
  if (previous === undefined) return null;
  return { ...state, exchange: previous, history: state.history.slice(0, -1), typing: null };
}

/** The response `target` names, or null when the exchange has none there. */
export function responseAt(exchange: Exchange, target: ResponseTarget): HttpResponse | null {
  if (target.kind === 'response') return exchange.response;
  if (target.kind === 'redirect') return exchange.redirects[target.index]?.response ?? null;
  const preflight =
    target.afterRedirect === null ? exchange.preflight : exchange.redirects[target.afterRedirect]?.nextPreflight;
  return preflight?.kind === 'observed' ? preflight.response : null;
}

/** Every response the what-if can edit, in the order the browser meets them. */
export function editableTargets(exchange: Exchange): ResponseTarget[] {
  const targets: ResponseTarget[] = [];
  if (exchange.preflight.kind === 'observed') targets.push({ kind: 'preflight', afterRedirect: null });
  exchange.redirects.forEach((hop, index) => {
    targets.push({ kind: 'redirect', index });
    if (hop.nextPreflight?.kind === 'observed') targets.push({ kind: 'preflight', afterRedirect: index });
  });
  targets.push({ kind: 'response' });
  return targets;
}

/** A stable key of a target, for fields and test ids: `preflight`, `preflight-after-0`, `redirect-0`, `response`. */
export function targetKey(target: ResponseTarget): string {
  if (target.kind === 'preflight')
    return target.afterRedirect === null ? 'preflight' : `preflight-after-${target.afterRedirect}`;
  if (target.kind === 'redirect') return `redirect-${target.index}`;
  return 'response';
}

/** The key of an input of the editor: a header field's name or value, or a response's status. */
export function fieldKey(target: ResponseTarget, field: number | 'status', part: 'name' | 'value' = 'value'): string {
  return field === 'status' ? `${targetKey(target)}:status` : `${targetKey(target)}:${field}:${part}`;
}

/**
 * Where the user edits what a check of the trail looked at: the value of the first field of that
 * name on that response — added, empty, when the server sent none — or the status.
 */
export function fieldOfCheck(
  exchange: Exchange,
  check: Pick<CheckStep, 'stage' | 'header'>,
): { exchange: Exchange; field: string } {
  const { stage, header } = check;
  if (header === 'status') return { exchange, field: fieldKey(stage, 'status') };
  const headers = responseAt(exchange, stage)?.headers ?? [];
  const index = headers.findIndex(([name]) => name.trim().toLowerCase() === header);
  if (index >= 0) return { exchange, field: fieldKey(stage, index) };
  return { exchange: addHeader(exchange, stage, header, ''), field: fieldKey(stage, headers.length) };
}

function withRedirect(exchange: Exchange, index: number, change: (hop: RedirectHop) => RedirectHop): Exchange {
  const hop = exchange.redirects[index];
  if (hop === undefined) return exchange;
  return { ...exchange, redirects: exchange.redirects.map((each, i) => (i === index ? change(each) : each)) };
}

/**
 * The exchange with the response at `target` replaced. A preflight that ended in a network error
 * gets the response and loses the error; a final response that never came is created (see
 * `assumeResponse`); a target that does not exist leaves the exchange as it is.
 */
export function withResponse(exchange: Exchange, target: ResponseTarget, response: HttpResponse): Exchange {
  if (target.kind === 'response') return { ...exchange, response };
  if (target.kind === 'redirect') return withRedirect(exchange, target.index, (hop) => ({ ...hop, response }));
  if (target.afterRedirect === null) {
    if (exchange.preflight.kind !== 'observed') return exchange;
    return { ...exchange, preflight: { ...exchange.preflight, response, error: null } };
  }
  return withRedirect(exchange, target.afterRedirect, (hop) =>
    hop.nextPreflight?.kind === 'observed'
      ? { ...hop, nextPreflight: { ...hop.nextPreflight, response, error: null } }
      : hop,
  );
}

/** What a response that was never received is assumed to be before any edit: a plain 200. */
const ASSUMED_RESPONSE: HttpResponse = { status: 200, statusText: 'OK', headers: [] };

function editHeaders(
  exchange: Exchange,
  target: ResponseTarget,
  change: (headers: HeaderList) => HeaderList,
): Exchange {
  const response = responseAt(exchange, target) ?? ASSUMED_RESPONSE;
  return withResponse(exchange, target, { ...response, headers: change(response.headers) });
}

export function setHeaderName(exchange: Exchange, target: ResponseTarget, index: number, name: string): Exchange {
  return editHeaders(exchange, target, (headers) =>
    headers.map((field, i) => (i === index ? ([name, field[1]] as const) : field)),
  );
}

export function setHeaderValue(exchange: Exchange, target: ResponseTarget, index: number, value: string): Exchange {
  return editHeaders(exchange, target, (headers) =>
    headers.map((field, i) => (i === index ? ([field[0], value] as const) : field)),
  );
}

export function addHeader(exchange: Exchange, target: ResponseTarget, name = '', value = ''): Exchange {
  return editHeaders(exchange, target, (headers) => [...headers, [name, value]]);
}

export function removeHeader(exchange: Exchange, target: ResponseTarget, index: number): Exchange {
  return editHeaders(exchange, target, (headers) => headers.filter((_, i) => i !== index));
}

/** A status that is not a whole number from 100 to 999 is left as it was: HTTP has no other. */
export function setStatus(exchange: Exchange, target: ResponseTarget, status: number): Exchange {
  const response = responseAt(exchange, target);
  if (response === null || !Number.isInteger(status) || status < 100 || status > 999) return exchange;
  return withResponse(exchange, target, { ...response, status, statusText: '' });
}

export function setCredentialsMode(exchange: Exchange, credentialsMode: CredentialsMode): Exchange {
  return { ...exchange, credentialsMode };
}

/**
 * A final response for a request that never got one (its preflight failed, or a redirect): a
 * plain 200 with no headers, to be edited. The panel marks it as assumed.
 */
export function assumeResponse(exchange: Exchange): Exchange {
  return exchange.response === null ? { ...exchange, response: ASSUMED_RESPONSE } : exchange;
}

/** Every Access-Control-* field goes: the fixed server sends its own, once. */
function isCorsField(name: string): boolean {
  return name.trim().toLowerCase().startsWith('access-control-');
}

function listsOrigin(headers: HeaderList): boolean {
  return headers.some(
    ([name, value]) =>
      name.trim().toLowerCase() === 'vary' && value.split(',').some((token) => token.trim().toLowerCase() === 'origin'),
  );
}

/** The response's own fields, less its CORS ones, plus what the fix sends (a Vary already naming Origin stays). */
function withFixFields(headers: HeaderList, fields: HeaderList): HeaderList {
  const kept = headers.filter(([name]) => !isCorsField(name));
  const varied = listsOrigin(kept);
  return [...kept, ...fields.filter(([name]) => !(varied && name.toLowerCase() === 'vary'))];
}

/**
 * The exchange as it would be with the fix on the server: what `fixedResponses` says the recipe
 * sends, on the preflight (answered whole), each redirect's 3xx and the final response — which,
 * when none came, is assumed to be a 200. Applying it to its own result changes only what the
 * newly reached checks require (a credentialed reading, a second origin after a redirect).
 */
export function applyFix(exchange: Exchange): Exchange {
  const fixed = fixedResponses(exchange, evaluate(exchange));
  let next = exchange;
  if (fixed.preflight !== null) next = withResponse(next, { kind: 'preflight', afterRedirect: null }, fixed.preflight);
  fixed.nextPreflights.forEach((answer, index) => {
    if (answer !== null) next = withResponse(next, { kind: 'preflight', afterRedirect: index }, answer);
  });
  fixed.redirects.forEach((fields, index) => {
    next = editHeaders(next, { kind: 'redirect', index }, (headers) => withFixFields(headers, fields));
  });
  return editHeaders(next, { kind: 'response' }, (headers) => withFixFields(headers, fixed.response));
}
