// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { blockedRecord, passedRecord } from '../records';
import { type Mounted, mountApp } from './app-harness';

let app: Mounted;
afterEach(() => app.unmount());

describe('<App> extras (#20 items 5 and 10)', () => {
  it('puts the blocked count in the page title', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1'), blockedRecord('2', '/b'), passedRecord('3')]);
    expect(document.title).toBe('CORS (2 blocked)');
  });

  it('names the shared host once, in the heading, and shows rows by path', async () => {
    app = await mountApp();
    const blocked = blockedRecord('1');
    await app.worker.snapshot([blocked, passedRecord('2')]);
    const host = new URL(blocked.exchange.request.url).host;
    expect(app.one('url-heading')?.textContent).toBe(`Path on ${host}`);
    expect(app.all('request-row')[0]?.querySelector('.url')?.textContent).toBe('/data');
  });

  it('opens a row menu with right-click and from the keyboard, with the three copies', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1'), passedRecord('2')]);
    const row = app.one('request-row');
    await act(() => {
      row?.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, clientX: 10, clientY: 10 }));
    });
    const menu = app.one('row-menu');
    expect(menu?.getAttribute('role')).toBe('menu');
    expect([...(menu?.querySelectorAll('[role="menuitem"]') ?? [])].map((item) => item.textContent)).toEqual([
      'Copy URL',
      'Copy fix (Express (cors))',
      'Copy as cURL',
    ]);
    await app.key(menu, 'Escape');
    expect(app.one('row-menu')).toBeNull();
    // The passed request needs no fix: its menu item says so and is off.
    await app.key(app.one('request-list'), 'ArrowDown');
    await act(() => {
      app
        .one('request-list')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'F10', shiftKey: true, bubbles: true }));
    });
    expect(app.one('row-menu-fix')?.getAttribute('aria-disabled')).toBe('true');
  });

  it('shows About with the version and how to report a wrong verdict', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1')]);
    await app.click(app.one('about-open'));
    const about = app.one('about');
    expect(about?.textContent).toContain('CORS Lens 0.0.0-test');
    expect(about?.textContent).toContain('Export HAR');
    expect(about?.textContent).toContain("issue in the project's tracker");
  });
});
