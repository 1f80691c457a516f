import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFileName, exportHar, importHar } from '../../../../src/panel/state/har-transfer';
import { HarFormatError } from '../../../../src/report/index';
import { exchange, PAGE_ORIGIN } from '../../../fixtures/exchange-builder';
import { blockedRecord, passedRecord, preflightBlockedRecord, record } from '../records';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/har');

describe('exportHar', () => {
  const secret = record(
    's',
    exchange({
      request: {
        url: 'http://127.0.0.1:8080/me',
        method: 'GET',
        headers: [
          ['Origin', PAGE_ORIGIN],
          ['Cookie', 'session=hunter2'],
        ],
      },
      credentialsMode: 'include',
    }),
  );
  const records = [blockedRecord('1'), passedRecord('2'), preflightBlockedRecord('3'), secret];

  it('writes HAR 1.2 whose _cors verdicts are the records’ own, and reads back to the same verdicts', () => {
    const text = exportHar({ records, keepSecrets: false, now: new Date('2025-01-02T03:04:05Z'), version: '1.2.3' });
    const har = JSON.parse(text);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'CORS Lens', version: '1.2.3' });
    const verdicts = har.log.entries
      .map((entry: { _cors: { role: string; code: string | null } }) => entry._cors)
      .filter((cors: { role: string }) => cors.role === 'request')
      .map((cors: { code: string | null }) => cors.code);
    expect(verdicts).toEqual(records.map((r) => r.verdict.code));
    const back = importHar(text, 'export.har');
    expect(back.records.map((r) => r.verdict.code)).toEqual(records.map((r) => r.verdict.code));
  });

  it('redacts secrets unless asked to keep them', () => {
    const now = new Date(0);
    expect(exportHar({ records, keepSecrets: false, now, version: '0' })).not.toContain('hunter2');
    expect(exportHar({ records, keepSecrets: true, now, version: '0' })).toContain('hunter2');
  });
});

describe('importHar', () => {
  it('reads Chrome’s HAR into labelled records with verdicts, keeping only cross-origin requests', () => {
    const text = readFileSync(join(FIXTURES, 'chrome-devtools.har'), 'utf8');
    const imported = importHar(text, 'chrome-devtools.har');
    expect(imported.fileName).toBe('chrome-devtools.har');
    expect(imported.records.length).toBeGreaterThan(0);
    expect(imported.records.every((r) => r.tabId === -1 && r.requestId.startsWith('imported-'))).toBe(true);
    expect(imported.entryCount).toBeGreaterThanOrEqual(imported.records.length);
  });

  it('throws HarFormatError for a file that is not HAR', () => {
    expect(() => importHar('{"hello": 1}', 'x.json')).toThrow(HarFormatError);
  });
});

describe('exportFileName', () => {
  it('carries the page host and a local timestamp, with only safe characters', () => {
    const now = new Date(2025, 0, 2, 3, 4, 5);
    expect(exportFileName([blockedRecord('1')], now)).toBe('cors-lens-localhost-20250102-030405.har');
    expect(exportFileName([], now)).toBe('cors-lens-log-20250102-030405.har');
  });
});
