import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/engine/explain/explain';
import { ALL_CODES } from '../../../fixtures/cors-error-codes';
import { EXPLANATION_ROWS } from '../../../fixtures/explanation-rows';

describe('explain: one fixture row per CorsErrorCode', () => {
  it('has exactly one row per code (35 codes)', () => {
    expect(ALL_CODES).toHaveLength(35);
    expect(EXPLANATION_ROWS).toHaveLength(35);
    expect(new Set(EXPLANATION_ROWS.map((r) => r.code))).toEqual(new Set(ALL_CODES));
  });

  it('spells out the exact console message for 30 of the 35 codes', () => {
    expect(EXPLANATION_ROWS.filter((r) => r.expect.consoleMessage !== undefined)).toHaveLength(30);
  });

  it.each(EXPLANATION_ROWS.map((row) => [row.code, row] as const))('%s', (_code, row) => {
    const e = explain(row.verdict, row.exchange);
    for (const part of row.expect.summary) expect(e.summary).toContain(part);
    for (const part of row.expect.detail) expect(e.detail).toContain(part);
    if (row.expect.consoleMessage !== undefined) expect(e.consoleMessage).toBe(row.expect.consoleMessage);
    expect(e.firefoxReason).toBe(row.expect.firefoxReason);
    for (const part of row.expect.hints ?? []) expect(e.hints.some((h) => h.includes(part))).toBe(true);

    expect(e.summary).not.toContain('\n');
    expect(e.summary.length).toBeLessThanOrEqual(400);
    expect(e.summary.startsWith('Blocked')).toBe(true);
    expect(e.links.length).toBeGreaterThanOrEqual(2);
    for (const link of e.links) expect(link.url).toMatch(/^https:\/\/[^\s]+$/);
    expect(e.links[0]?.url).toMatch(/^https:\/\/(fetch\.spec\.whatwg\.org|wicg\.github\.io)\//);
    expect(e.links.some((l) => l.url.startsWith('https://developer.mozilla.org/'))).toBe(true);
    if (e.firefoxReason !== null) {
      expect(e.links.map((l) => l.url)).toContain(
        `https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/${e.firefoxReason}`,
      );
    }
  });
});

describe('explain: error statuses are never hidden', () => {
  const statuses = [401, 403, 404, 500, 502] as const;
  it.each(statuses)('names HTTP %i and the fix for error responses', (status) => {
    const row = EXPLANATION_ROWS.find((r) => r.code === 'MissingAllowOriginHeader');
    if (!row) throw new Error('fixture missing');
    const ex = { ...row.exchange, response: { status, statusText: '', headers: [] } };
    const e = explain({ ...row.verdict, status }, ex);
    expect(e.summary).toContain(String(status));
    expect(e.detail).toContain(`HTTP ${status}`);
    expect(e.hints[0]).toContain(`HTTP ${status}`);
    expect(e.hints[0]).toContain('add_header … always');
    expect(e.hints.length).toBeGreaterThanOrEqual(2);
  });
  it('has a row for each status the brief names', () => {
    expect(statuses).toHaveLength(5);
  });
});
