import { describe, expect, it, vi } from 'vitest';

// The polyfill refuses to load outside an extension; isOwnPage gets the runtime it checks against.
vi.mock('../../../src/platform/browser', () => ({ browser: {} }));

const { isOwnPage } = await import('../../../src/platform/ports');

const runtime = { id: 'abc', getURL: (path: string) => `chrome-extension://abc${path}` };

describe('isOwnPage: only the extension’s own pages may open a panel port', () => {
  const tab = { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

  it('accepts the panel page, in DevTools or in a tab of its own', () => {
    expect(isOwnPage({ id: 'abc', url: 'chrome-extension://abc/src/panel/panel.html?tabId=3' }, runtime)).toBe(true);
    expect(isOwnPage({ id: 'abc', url: 'chrome-extension://abc/src/panel/panel.html?tabId=3', tab }, runtime)).toBe(
      true,
    );
  });

  it('refuses a content script in a web page, another extension, and a sender without a URL', () => {
    expect(isOwnPage({ id: 'abc', url: 'https://evil.example/', tab }, runtime)).toBe(false);
    expect(isOwnPage({ id: 'other', url: 'chrome-extension://other/page.html' }, runtime)).toBe(false);
    expect(isOwnPage({ id: 'abc' }, runtime)).toBe(false);
    expect(isOwnPage(undefined, runtime)).toBe(false);
  });
});
