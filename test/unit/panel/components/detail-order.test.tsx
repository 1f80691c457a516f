// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { blockedRecord, preflightBlockedRecord } from '../records';
import { type Mounted, mountApp } from './app-harness';

let app: Mounted;
afterEach(() => app.unmount());

/** Whether `a` comes before `b` in document order. */
function precedes(a: Element | null, b: Element | null): boolean {
  if (a === null || b === null) return false;
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

describe('<DetailView> order (#20 item 2)', () => {
  it('puts the failing check under the headline, then the fix, with the prose and caveat folded behind More', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1')]);
    await app.click(app.one('request-row'));
    const check = app.one('failing-check');
    expect(check?.dataset.header).toBe('access-control-allow-origin');
    expect(check?.textContent).toContain('Needed');
    expect(check?.textContent).toContain('(absent)');
    expect(precedes(app.one('summary'), check)).toBe(true);
    expect(precedes(check, app.one('fix-snippet'))).toBe(true);
    const more = app.one('more') as HTMLDetailsElement | null;
    expect(more?.tagName).toBe('DETAILS');
    expect(more?.open).toBe(false);
    expect(more?.contains(app.one('credentials-note'))).toBe(true);
    expect(precedes(app.one('fix-snippet'), more)).toBe(true);
    // The full table still follows, after More.
    expect(precedes(more, app.one('header-checks'))).toBe(true);
  });

  it('names the preflight as the response whose check failed', async () => {
    app = await mountApp();
    await app.worker.snapshot([preflightBlockedRecord('1')]);
    await app.click(app.one('request-row'));
    expect(app.one('failing-check')?.textContent).toContain('on the preflight');
  });
});
