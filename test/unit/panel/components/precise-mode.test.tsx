// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { readChromiumNetworkEvent } from '../../../../src/model/chromium-network-event';
import type { TabId } from '../../../../src/model/ids';
import type { PreciseModeDriver, PreciseModeListeners } from '../../../../src/model/precise-mode';
import { RECORDED_EVENTS, RECORDED_RECORDS } from '../../../fixtures/cdp/precise-mode-session';
import { MemorySettings, type Mounted, mountApp } from './app-harness';

/** chrome.debugger as the panel sees it, driven by the test: attach, detach and the browser's own events. */
class FakeDebugger implements PreciseModeDriver {
  readonly calls: string[] = [];
  listeners: PreciseModeListeners | null = null;
  async attach(tabId: TabId, listeners: PreciseModeListeners) {
    this.calls.push(`attach ${tabId}`);
    this.listeners = listeners;
  }
  async detach(tabId: TabId) {
    this.calls.push(`detach ${tabId}`);
    this.listeners = null;
  }
  /** Delivers recorded events, then lets the panel's once-per-frame update run. */
  async deliver(events = RECORDED_EVENTS) {
    await act(async () => {
      for (const { method, params } of events) {
        const event = readChromiumNetworkEvent(method, params);
        if (event !== null) this.listeners?.onEvent(event);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
  }
}

let app: Mounted;
afterEach(() => app.unmount());

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('precise mode in the panel', () => {
  it('has no switch where the browser has no debugger (Firefox)', async () => {
    app = await mountApp(new MemorySettings(), null);
    await app.worker.snapshot(RECORDED_RECORDS);
    expect(app.one('precise-toggle')).toBeNull();
    expect(app.all('agreement')).toHaveLength(0);
  });

  it('attaches only when turned on, marks each request, and detaches at once when turned off', async () => {
    const debuggerApi = new FakeDebugger();
    app = await mountApp(new MemorySettings(), debuggerApi);
    await app.worker.snapshot(RECORDED_RECORDS);
    expect(debuggerApi.calls).toEqual([]);
    await app.click(app.one('precise-toggle'));
    await settle();
    expect(debuggerApi.calls).toEqual(['attach 7']);
    expect(app.one('precise-toggle')?.getAttribute('aria-checked')).toBe('true');
    expect(app.one('precise-banner')?.textContent).toContain('CORS Lens started debugging this browser');
    await debuggerApi.deliver();
    expect(app.all('agreement').map((mark) => mark.dataset.state)).toEqual(['agrees', 'agrees', 'agrees', 'agrees']);
    await app.click(app.one('precise-toggle'));
    expect(debuggerApi.calls).toEqual(['attach 7', 'detach 7']);
    expect(app.one('precise-toggle')?.getAttribute('aria-checked')).toBe('false');
    expect(app.one('precise-banner')).toBeNull();
  });

  it('shows a loud marker, both verdicts and the report button where Chromium disagrees', async () => {
    const debuggerApi = new FakeDebugger();
    app = await mountApp(new MemorySettings(), debuggerApi);
    await app.worker.snapshot(RECORDED_RECORDS);
    await app.click(app.one('precise-toggle'));
    await settle();
    const hostile = '<img src=x onerror=alert(1)>';
    await debuggerApi.deliver(
      RECORDED_EVENTS.map((event) => {
        const params = event.params as { corsErrorStatus?: { corsError: string } };
        return params.corsErrorStatus?.corsError === 'MissingAllowOriginHeader'
          ? {
              ...event,
              params: { ...params, corsErrorStatus: { corsError: 'AllowOriginMismatch', failedParameter: hostile } },
            }
          : event;
      }),
    );
    const marks = app.all('agreement');
    expect(marks.map((mark) => mark.dataset.state)).toEqual(['agrees', 'disagrees', 'agrees', 'agrees']);
    expect(marks[1]?.className).toContain('agreement-disagrees');
    await app.click(app.all('request-row')[1]);
    expect(app.one('precise-section')?.dataset.state).toBe('disagrees');
    expect(app.one('chromium-verdict')?.textContent).toBe(`blocked: AllowOriginMismatch (${hostile})`);
    expect(app.one('cors-lens-verdict')?.textContent).toBe('blocked: MissingAllowOriginHeader');
    // The server-controlled value is text, never markup.
    expect(app.root.querySelector('img')).toBeNull();
    expect(app.one('export-fidelity-report')).not.toBeNull();
    await app.click(app.all('request-row')[0]);
    expect(app.one('precise-section')?.dataset.state).toBe('agrees');
    expect(app.one('export-fidelity-report')).toBeNull();
  });

  it("turns the switch off when Chrome's bar is cancelled, and says so", async () => {
    const debuggerApi = new FakeDebugger();
    app = await mountApp(new MemorySettings(), debuggerApi);
    await app.worker.snapshot(RECORDED_RECORDS);
    await app.click(app.one('precise-toggle'));
    await settle();
    await act(() => debuggerApi.listeners?.onDetach('canceled_by_user'));
    expect(app.one('precise-toggle')?.getAttribute('aria-checked')).toBe('false');
    expect(app.one('precise-notice')?.textContent).toBe("Precise mode is off: Chrome's debugging bar was cancelled.");
  });

  it('says why it could not start, and stays off', async () => {
    const debuggerApi = new FakeDebugger();
    debuggerApi.attach = async () => {
      throw new Error('Another debugger is already attached to the tab with id: 7.');
    };
    app = await mountApp(new MemorySettings(), debuggerApi);
    await app.worker.snapshot(RECORDED_RECORDS);
    await app.click(app.one('precise-toggle'));
    await settle();
    expect(app.one('precise-toggle')?.getAttribute('aria-checked')).toBe('false');
    expect(app.one('precise-notice')?.textContent).toBe(
      'Precise mode could not start: Another debugger is already attached to the tab with id: 7.',
    );
  });
});
