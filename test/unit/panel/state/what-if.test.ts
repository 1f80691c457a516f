import { describe, expect, it } from 'vitest';
import type { Exchange, RedirectHop } from '../../../../src/engine';
import { evaluate, getHeader } from '../../../../src/engine';
import {
  addHeader,
  applyFix,
  assumeResponse,
  canWhatIf,
  edit,
  editableTargets,
  fieldOfCheck,
  removeHeader,
  responseAt,
  setCredentialsMode,
  setHeaderName,
  setHeaderValue,
  setStatus,
  startWhatIf,
  targetKey,
  undo,
} from '../../../../src/panel/state/what-if';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../../fixtures/exchange-builder';
import { blockedRecord, preflightBlockedRecord, record } from '../records';

const PREFLIGHT = { kind: 'preflight', afterRedirect: null } as const;
const RESPONSE = { kind: 'response' } as const;
const OTHER_ORIGIN = 'http://localhost:8080';

/** Deep-frozen, so an edit that mutated the captured exchange would throw. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) frozen((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** A GET redirected by the API to another origin, where the final response allows the page's origin. */
function redirectedExchange(): Exchange {
  const hop: RedirectHop = {
    request: { url: `${API_ORIGIN}/old`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
    response: response(302, [
      ['Location', `${OTHER_ORIGIN}/new`],
      ['Access-Control-Allow-Origin', PAGE_ORIGIN],
    ]),
  };
  return exchange({
    request: { url: `${API_ORIGIN}/old`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
    redirects: [hop],
    response: response(200, [['Access-Control-Allow-Origin', PAGE_ORIGIN]]),
    outcome: 'blocked',
    networkError: 'net::ERR_FAILED',
  });
}

describe('what-if edits: a new exchange each time, judged afresh', () => {
  it('starts from a copy whose outcome is not observed, and leaves the captured record as it was', () => {
    const captured = frozen(blockedRecord('1'));
    const whatIf = startWhatIf(captured);
    expect(whatIf.exchange.outcome).toBe('unknown');
    expect(whatIf.exchange.response).toBe(captured.exchange.response);
    const edited = addHeader(whatIf.exchange, RESPONSE, 'Access-Control-Allow-Origin', PAGE_ORIGIN);
    expect(evaluate(edited).kind).toBe('passed');
    expect(captured.exchange.response?.headers).toEqual([['Content-Type', 'application/json']]);
    expect(captured.verdict.code).toBe('MissingAllowOriginHeader');
  });

  it('keeps a credentials mode inferred from the observed outcome, so the copy starts with the captured verdict', () => {
    const ex = exchange({
      credentialsMode: 'unknown',
      response: response(200, [['Access-Control-Allow-Origin', '*']]),
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    });
    const captured = record('1', ex);
    expect(captured.verdict.credentials.evidence).toBe('inferred-from-outcome');
    const { exchange: copy } = startWhatIf(captured);
    expect(copy.credentialsMode).toBe('include');
    expect(evaluate(copy).code).toBe(captured.verdict.code);
    expect(evaluate(setCredentialsMode(copy, 'omit')).kind).toBe('passed');
  });

  it('changes, adds and removes header fields and the status of the preflight, a redirect and the final response', () => {
    const start = frozen(preflightBlockedRecord('1')).exchange;
    expect(editableTargets(start).map(targetKey)).toEqual(['preflight', 'response']);
    let ex = setStatus(start, PREFLIGHT, 204);
    ex = addHeader(ex, PREFLIGHT, 'Access-Control-Allow-Origin', PAGE_ORIGIN);
    ex = addHeader(ex, PREFLIGHT, 'Access-Control-Allow-Methods', 'GET');
    ex = addHeader(ex, PREFLIGHT, 'X-Allow-Headers', 'x-token');
    expect(evaluate(ex)).toMatchObject({ code: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT' });
    ex = setHeaderValue(ex, PREFLIGHT, 1, 'PUT');
    expect(evaluate(ex)).toMatchObject({ code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-token' });
    ex = setHeaderName(ex, PREFLIGHT, 2, 'Access-Control-Allow-Headers');
    // The preflight passes; the actual request was never sent, so nothing can be said of its response.
    expect(evaluate(ex)).toMatchObject({ kind: 'unknown', stage: 'response' });
    ex = assumeResponse(ex);
    expect(evaluate(ex)).toMatchObject({ code: 'MissingAllowOriginHeader', stage: 'response' });
    ex = addHeader(ex, RESPONSE, 'Access-Control-Allow-Origin', PAGE_ORIGIN);
    expect(evaluate(ex).kind).toBe('passed');
    ex = removeHeader(ex, PREFLIGHT, 0);
    expect(evaluate(ex)).toMatchObject({ code: 'PreflightMissingAllowOriginHeader' });
    expect(responseAt(start, PREFLIGHT)?.status).toBe(404);

    const redirected = frozen(redirectedExchange());
    expect(editableTargets(redirected).map(targetKey)).toEqual(['redirect-0', 'response']);
    // After the cross-origin redirect the request's Origin is `null`: the page's origin no longer matches.
    expect(evaluate(redirected)).toMatchObject({ code: 'AllowOriginMismatch', stage: 'response' });
    const allowedNull = setHeaderValue(redirected, RESPONSE, 0, 'null');
    expect(evaluate(allowedNull).kind).toBe('passed');
    const redirectRefused = setHeaderValue(allowedNull, { kind: 'redirect', index: 0 }, 1, `${PAGE_ORIGIN}/`);
    expect(evaluate(redirectRefused)).toMatchObject({ code: 'AllowOriginMismatch', stage: 'redirect' });
  });

  it('leaves a status outside 100–999 or a missing response as it was', () => {
    const ex = blockedRecord('1').exchange;
    expect(setStatus(ex, RESPONSE, 42)).toBe(ex);
    expect(setStatus(ex, RESPONSE, Number.NaN)).toBe(ex);
    expect(setStatus(ex, PREFLIGHT, 204)).toBe(ex);
  });
});

describe('fieldOfCheck: from a row of the check table to the input it is about', () => {
  it('finds the first field of that name, adds an empty one when the server sent none, or names the status', () => {
    const ex = preflightBlockedRecord('1').exchange;
    expect(fieldOfCheck(ex, { stage: PREFLIGHT, header: 'status' })).toEqual({
      exchange: ex,
      field: 'preflight:status',
    });
    const added = fieldOfCheck(ex, { stage: PREFLIGHT, header: 'access-control-allow-origin' });
    expect(added.field).toBe('preflight:0:value');
    expect(responseAt(added.exchange, PREFLIGHT)?.headers).toEqual([['access-control-allow-origin', '']]);
    expect(fieldOfCheck(added.exchange, { stage: PREFLIGHT, header: 'access-control-allow-origin' })).toEqual({
      exchange: added.exchange,
      field: 'preflight:0:value',
    });
  });
});

describe('undo: Escape steps back one edit at a time, then leaves', () => {
  it('counts a run of typing in one field as one edit', () => {
    let state = startWhatIf(blockedRecord('1'));
    const first = state.exchange;
    state = edit(state, (ex) => addHeader(ex, RESPONSE), null);
    const added = state.exchange;
    for (const typed of ['A', 'Ac', 'Acc']) {
      state = edit(state, (ex) => setHeaderName(ex, RESPONSE, 1, typed), 'response:1:name');
    }
    state = edit(state, (ex) => setHeaderValue(ex, RESPONSE, 1, '*'), 'response:1:value');
    expect(state.history).toHaveLength(3);
    const back1 = undo(state);
    expect(back1?.exchange.response?.headers[1]).toEqual(['Acc', '']);
    const back2 = back1 === null ? null : undo(back1);
    expect(back2?.exchange).toBe(added);
    const back3 = back2 === null ? null : undo(back2);
    expect(back3?.exchange).toBe(first);
    expect(back3 === null ? 'gone' : undo(back3)).toBeNull();
  });

  it('makes an unchanged exchange no edit at all', () => {
    const state = startWhatIf(blockedRecord('1'));
    expect(edit(state, (ex) => ex)).toBe(state);
  });
});

describe('applyFix: what the recipe sends, on every response of the exchange', () => {
  it('fixes the missing origin, and with credentials Access-Control-Allow-Credentials comes with it', () => {
    const captured = frozen(blockedRecord('1'));
    const fixed = applyFix(startWhatIf(captured).exchange);
    expect(getHeader(fixed.response?.headers ?? [], 'access-control-allow-origin')).toBe(PAGE_ORIGIN);
    expect(getHeader(fixed.response?.headers ?? [], 'content-type')).toBe('application/json');
    expect(evaluate(fixed).kind).toBe('passed');
    const credentialed = setCredentialsMode(startWhatIf(captured).exchange, 'include');
    expect(evaluate(applyFix(credentialed)).kind).toBe('passed');
  });

  it('shows the next failing check when the fix for the first one does not cover a later requirement', () => {
    // The capture could not tell the credentials mode, and both readings fail on the origin: the fix
    // is for the uncredentialed reading; switched to 'include' afterwards, the credentials check bites.
    const captured = record(
      '1',
      exchange({
        credentialsMode: 'unknown',
        response: response(200),
        outcome: 'blocked',
        networkError: 'net::ERR_FAILED',
      }),
    );
    const fixed = applyFix(startWhatIf(captured).exchange);
    expect(evaluate(fixed).kind).toBe('passed');
    const withCredentials = setCredentialsMode(fixed, 'include');
    expect(evaluate(withCredentials)).toMatchObject({
      code: 'InvalidAllowCredentials',
      header: { name: 'access-control-allow-credentials' },
    });
    expect(evaluate(applyFix(withCredentials)).kind).toBe('passed');
  });

  it('answers a failed preflight whole and assumes the response the request never got', () => {
    const fixed = applyFix(startWhatIf(preflightBlockedRecord('1')).exchange);
    expect(responseAt(fixed, PREFLIGHT)?.status).toBe(204);
    expect(fixed.response?.status).toBe(200);
    expect(evaluate(fixed).kind).toBe('passed');
  });

  it('allows the `null` origin after a cross-origin redirect, and keeps each response’s other fields', () => {
    const fixed = applyFix(startWhatIf(record('1', redirectedExchange())).exchange);
    expect(getHeader(fixed.redirects[0]?.response.headers ?? [], 'location')).toBe(`${OTHER_ORIGIN}/new`);
    expect(getHeader(fixed.response?.headers ?? [], 'access-control-allow-origin')).toBe('null');
    expect(evaluate(fixed).kind).toBe('passed');
  });

  it('replaces every Access-Control-* field rather than adding a second one', () => {
    const duplicate = exchange({
      response: response(200, [
        ['Access-Control-Allow-Origin', PAGE_ORIGIN],
        ['Vary', 'Origin'],
        ['Access-Control-Allow-Origin', '*'],
      ]),
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    });
    const fixed = applyFix(startWhatIf(record('1', duplicate)).exchange);
    expect(fixed.response?.headers.filter(([name]) => name.toLowerCase() === 'access-control-allow-origin')).toEqual([
      ['Access-Control-Allow-Origin', PAGE_ORIGIN],
    ]);
    expect(fixed.response?.headers.filter(([name]) => name.toLowerCase() === 'vary')).toHaveLength(1);
    expect(evaluate(fixed).kind).toBe('passed');
  });

  it('is offered for checked verdicts only', () => {
    expect(canWhatIf(blockedRecord('1'))).toBe(true);
    const refused = exchange({
      response: null,
      outcome: 'network-error',
      networkError: 'net::ERR_CONNECTION_REFUSED',
    });
    expect(canWhatIf(record('1', refused))).toBe(false);
    expect(
      canWhatIf(record('2', exchange({ preflight: preflight('PUT', [], response(204)), response: response(200) }))),
    ).toBe(true);
  });
});
