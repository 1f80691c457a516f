import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ExchangeRecord, TabLogView } from '../../../../src/model/exchange-record';
import type { PanelSettings, PanelSettingsStore } from '../../../../src/model/panel-settings';
import type { PreciseModeDriver } from '../../../../src/model/precise-mode';
import { PROTOCOL_VERSION, type ToBackground, type ToPanel } from '../../../../src/model/protocol';
import { App } from '../../../../src/panel/app';
import type { ConnectFn, ConnectionEvents } from '../../../../src/panel/connection';

/** The worker's side of an in-memory panel connection: what the panel sent, and a way to talk back. */
export class FakeWorker {
  readonly sent: ToBackground[] = [];
  events: ConnectionEvents | null = null;
  readonly connect: ConnectFn = (_tabId, events) => {
    this.events = events;
    return { send: (message) => this.sent.push(message), close: () => {} };
  };

  async emit(message: ToPanel): Promise<void> {
    await act(() => {
      this.events?.onStatus('connected');
      this.events?.onMessage(message);
    });
  }

  snapshot(records: readonly ExchangeRecord[], preserveLog = false): Promise<void> {
    const log: TabLogView = {
      tabId: 7,
      records,
      sameOriginCount: 0,
      evictedCount: 0,
      unpersistedCount: 0,
      preserveLog,
    };
    return this.emit({ type: 'snapshot', version: PROTOCOL_VERSION, log, more: 0 });
  }
}

export class MemorySettings implements PanelSettingsStore {
  constructor(public stored: PanelSettings = { fixStack: null }) {}
  async load() {
    return this.stored;
  }
  async save(settings: PanelSettings) {
    this.stored = settings;
  }
}

export interface Mounted {
  root: HTMLElement;
  worker: FakeWorker;
  settings: MemorySettings;
  all(testId: string): HTMLElement[];
  one(testId: string): HTMLElement | null;
  click(element: Element | null | undefined): Promise<void>;
  key(target: Element | null, key: string): Promise<void>;
  type(input: HTMLInputElement | null, value: string): Promise<void>;
  unmount(): void;
}

export async function mountApp(
  settings = new MemorySettings(),
  precise: PreciseModeDriver | null = null,
): Promise<Mounted> {
  const root = document.createElement('div');
  document.body.append(root);
  const worker = new FakeWorker();
  await act(() => {
    render(
      <App
        tabId={7}
        connect={worker.connect}
        settings={settings}
        version="0.0.0-test"
        popOutUrl={null}
        precise={precise}
      />,
      root,
    );
  });
  const all = (testId: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
  return {
    root,
    worker,
    settings,
    all,
    one: (testId) => all(testId)[0] ?? null,
    async click(element) {
      if (!element) throw new Error('nothing to click');
      await act(() => (element as HTMLElement).click());
    },
    async key(target, key) {
      if (!target) throw new Error('no key target');
      await act(() => {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
    },
    async type(input, value) {
      if (!input) throw new Error('no input');
      await act(() => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    unmount() {
      render(null, root);
      root.remove();
    },
  };
}

export function byText(root: ParentNode, selector: string, text: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((element) => element.textContent?.trim() === text);
}
