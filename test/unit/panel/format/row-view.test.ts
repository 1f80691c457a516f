import { describe, expect, it } from 'vitest';
import { formatDuration, hostPath, realStatus, rowView } from '../../../../src/panel/format/row-view';
import { storySteps } from '../../../../src/panel/format/story-steps';
import { exchange, response } from '../../../fixtures/exchange-builder';
import { advisoryRecord, blockedRecord, passedRecord, preflightBlockedRecord, record } from '../records';

describe('rowView', () => {
  it('shows the real status Chrome hides behind "CORS error", and the CorsError code', () => {
    expect(rowView(blockedRecord('1', '/users?page=2'))).toEqual({
      method: 'GET',
      hostPath: '127.0.0.1:8080/users?page=2',
      host: '127.0.0.1:8080',
      status: '200',
      verdictClass: 'blocked',
      verdictLabel: 'blocked',
      code: 'MissingAllowOriginHeader',
      preflight: 'none',
      time: '42 ms',
    });
  });

  it('shows the preflight status when the request was stopped at its preflight', () => {
    const view = rowView(preflightBlockedRecord('1'));
    expect(view).toMatchObject({
      status: '404 (preflight)',
      preflight: 'observed',
      code: 'PreflightMissingAllowOriginHeader',
    });
  });

  it('names a verdict that depends on the credentials mode, and a Firefox network failure as blocked', () => {
    const wildcard = exchange({
      response: response(200, [['Access-Control-Allow-Origin', '*']]),
      credentialsMode: 'unknown',
      outcome: 'unknown',
    });
    expect(rowView(record('1', wildcard))).toMatchObject({ verdictLabel: 'depends on credentials', code: '' });
    const refused = exchange({ response: null, networkError: 'NS_ERROR_CONNECTION_REFUSED', outcome: 'network-error' });
    expect(rowView({ ...record('2', refused), capturedBy: 'firefox' })).toMatchObject({
      verdictLabel: 'network error',
      verdictClass: 'blocked',
    });
    expect(rowView(record('3', refused))).toMatchObject({ verdictClass: 'other' });
  });

  it('names passed and passed-with-advisories verdicts, with no code', () => {
    expect(rowView(passedRecord('1'))).toMatchObject({ verdictLabel: 'passed', code: '' });
    expect(rowView(advisoryRecord('1'))).toMatchObject({
      verdictLabel: 'passed with advisories',
      verdictClass: 'advisories',
    });
  });
});

describe('helpers', () => {
  it('hostPath drops scheme and userinfo, keeps anything unparsable as is', () => {
    expect(hostPath('https://u:p@api.example:8443/a/b?c=d#e')).toBe('api.example:8443/a/b?c=d');
    expect(hostPath('https://api.example')).toBe('api.example/');
    expect(hostPath('not a url')).toBe('not a url');
  });

  it('realStatus falls back to the network error', () => {
    expect(realStatus(exchange({ response: null, networkError: 'net::ERR_CONNECTION_REFUSED' }))).toBe(
      'net::ERR_CONNECTION_REFUSED',
    );
  });

  it('formatDuration', () => {
    expect([0.2, 5.4, 999, 1234, 12_345, -1, Number.NaN].map(formatDuration)).toEqual([
      '<1 ms',
      '5 ms',
      '999 ms',
      '1.23 s',
      '12.3 s',
      '',
      '',
    ]);
  });
});

describe('server and page strings in the list and the story', () => {
  /** Control, C1 and bidi characters a hostile page or server plants in a method, URL or status text. */
  const HOSTILE = '\u001b[31m\u202eevil\u2028\u0085';
  const hasRaw = (text: string) =>
    [...text].some((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || (cp >= 0x202a && cp <= 0x202e);
    });

  it('are shown escaped in the row and in every step of the story', () => {
    const hostile = exchange({
      request: {
        url: `http://127.0.0.1:8080/${HOSTILE}`,
        method: 'GET',
        headers: [['Origin', 'http://localhost:3000']],
      },
      response: { status: 500, statusText: HOSTILE, headers: [] },
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    });
    const withRecord = record('1', hostile);
    const view = rowView(withRecord);
    for (const text of [view.method, view.host, view.hostPath, view.status]) expect(hasRaw(text)).toBe(false);
    expect(view.hostPath).toContain('\\x1B');
    for (const step of storySteps(hostile, withRecord.verdict)) {
      for (const text of [step.method, step.url, step.status]) expect(hasRaw(text)).toBe(false);
    }
  });
});
