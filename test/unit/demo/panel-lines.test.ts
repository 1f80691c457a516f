import { describe, expect, it } from 'vitest';
import { formatPanelLines, type PanelRow } from '../../../src/demo/panel-lines';

const blocked: PanelRow = {
  method: 'GET',
  url: 'http://127.0.0.1:4000/demo/error-401',
  status: '401',
  kind: 'blocked',
  code: 'MissingAllowOriginHeader',
  header: 'access-control-allow-origin',
  summary: 'Blocked by CORS: no Access-Control-Allow-Origin',
};
const passed: PanelRow = {
  method: 'PUT',
  url: 'http://127.0.0.1:4000/demo/preflight-ok?x=1',
  status: '200',
  kind: 'passed',
  code: '',
  header: '',
  summary: 'Allowed',
};

describe('the headless demo prints the panel one line per request', () => {
  it('aligns status, verdict, header at fault, request and summary under a heading', () => {
    expect(formatPanelLines([blocked, passed])).toEqual([
      '   STATUS  VERDICT                   HEADER AT FAULT              REQUEST                     SUMMARY',
      '✗  401     MissingAllowOriginHeader  access-control-allow-origin  GET /demo/error-401         Blocked by CORS: no Access-Control-Allow-Origin',
      '✓  200     passed                    —                            PUT /demo/preflight-ok?x=1  Allowed',
    ]);
  });
});
