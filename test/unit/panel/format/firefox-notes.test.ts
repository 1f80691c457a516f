import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../../src/engine';
import { evaluate } from '../../../../src/engine';
import type { CapturingBrowser } from '../../../../src/model/exchange-record';
import { firefoxNotes } from '../../../../src/panel/format/firefox-notes';
import { API_ORIGIN, exchange, PAGE_ORIGIN, response } from '../../../fixtures/exchange-builder';
import { record } from '../records';

const GET = { url: `${API_ORIGIN}/data`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] as const };

function captured(ex: Exchange, capturedBy: CapturingBrowser = 'firefox') {
  return { ...record('1', ex), capturedBy };
}

describe('firefoxNotes', () => {
  it('says nothing for Chromium captures or imported records', () => {
    const ex = exchange({ request: GET, response: response(200), outcome: 'unknown' });
    expect(firefoxNotes(captured(ex, 'chromium'))).toEqual([]);
    expect(firefoxNotes(record('1', ex))).toEqual([]);
  });

  it('explains a block Firefox reported as completed', () => {
    const notes = firefoxNotes(captured(exchange({ request: GET, response: response(200), outcome: 'unknown' })));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('reported this request as completed (HTTP 200)');
  });

  it('warns that a credentialed request would have been blocked, when Firefox cannot say', () => {
    const ex = exchange({
      request: GET,
      response: response(200, [['Access-Control-Allow-Origin', '*']]),
      credentialsMode: 'unknown',
      outcome: 'unknown',
    });
    const [note] = firefoxNotes(captured(ex));
    expect(note).toContain('WildcardOriginNotAllowed (Firefox: CORSNotSupportingCredentials)');
  });

  it('names a refused redirect and a network error for what they are', () => {
    const hop = {
      request: GET,
      response: response(302, [['Location', `${API_ORIGIN}/next`]]),
    };
    const refused = exchange({
      request: GET,
      redirects: [hop],
      response: null,
      networkError: 'NS_ERROR_UNEXPECTED',
      outcome: 'network-error',
    });
    // The 3xx has no ACAO: a CORS block on the redirect, whatever network error Firefox ended it with.
    expect(evaluate(refused)).toMatchObject({ blocked: true, code: 'MissingAllowOriginHeader', stage: 'redirect' });
    expect(firefoxNotes(captured(refused))[0]).toContain('ended this request at the redirect with NS_ERROR_UNEXPECTED');
    const reset = exchange({
      request: GET,
      response: null,
      networkError: 'NS_ERROR_NET_RESET',
      outcome: 'network-error',
    });
    expect(firefoxNotes(captured(reset))[0]).toContain('the network failed (NS_ERROR_NET_RESET)');
  });
});

describe('firefoxNotes: header lines Firefox joined', () => {
  it('says a comma in Access-Control-Allow-Origin may have been two lines or one list, with both reasons', () => {
    const ex = exchange({
      request: GET,
      response: response(200, [['Access-Control-Allow-Origin', `${PAGE_ORIGIN}, https://app.example`]]),
      outcome: 'unknown',
      headerLinesMerged: true,
    });
    const record = captured(ex);
    expect(record.verdict.code).toBe('MultipleAllowOriginValues');
    const notes = firefoxNotes(record).join(' ');
    expect(notes).toContain('CORSMultipleAllowOriginNotAllowed');
    expect(notes).toContain('CORSAllowOriginNotMatchingOrigin');
  });
});
