import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/engine';
import { storySteps } from '../../../../src/panel/format/story-steps';
import { API_ORIGIN, exchange, PAGE_ORIGIN, response } from '../../../fixtures/exchange-builder';
import { blockedRecord, preflightBlockedRecord } from '../records';

function story(ex: Parameters<typeof storySteps>[0], verdict = evaluate(ex)) {
  return storySteps(ex, verdict).map((step) => [step.label, `${step.method} ${step.url}`, step.status, step.outcome]);
}

describe('storySteps', () => {
  it('a request blocked at its preflight was never sent', () => {
    const { exchange: ex, verdict } = preflightBlockedRecord('1');
    expect(story(ex, verdict)).toEqual([
      ['Preflight', `OPTIONS ${API_ORIGIN}/items/1`, '404 Not Found', 'failed'],
      ['Request', `PUT ${API_ORIGIN}/items/1`, 'not sent', 'not-sent'],
    ]);
  });

  it('a blocked response shows its real status', () => {
    const { exchange: ex, verdict } = blockedRecord('1');
    expect(story(ex, verdict)).toEqual([
      ['Request', `GET ${API_ORIGIN}/data`, '200 OK (the page was not allowed to read it)', 'failed'],
    ]);
  });

  it('follows redirects to the final URL', () => {
    const ex = exchange({
      redirects: [
        {
          request: { url: `${API_ORIGIN}/old`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
          response: response(
            301,
            [
              ['Location', '/new'],
              ['Access-Control-Allow-Origin', '*'],
            ],
            'Moved Permanently',
          ),
        },
      ],
      request: { url: `${API_ORIGIN}/old`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
      response: response(200, [['Access-Control-Allow-Origin', '*']], 'OK'),
    });
    expect(story(ex)).toEqual([
      ['Redirect 1', `GET ${API_ORIGIN}/old`, '301 Moved Permanently', 'passed'],
      ['Request', `GET ${API_ORIGIN}/new`, '200 OK', 'passed'],
    ]);
  });

  it('says when a needed preflight was not seen', () => {
    const ex = exchange({ preflight: { kind: 'maybe-cached' } });
    expect(story(ex)[0]?.[2]).toMatch(/preflight cache/);
  });
});
