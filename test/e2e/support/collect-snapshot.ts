import type { TabLogView } from '../../../src/model/exchange-record';

export interface CollectSnapshotArgs {
  portName: string;
  version: number;
}

/**
 * Runs in an extension page: connects as a panel and resolves with the tab's log once the
 * snapshot's first message and all its `snapshot-more` pages are in, asking for the pages with
 * `snapshot-rest` as the panel does (`snapshotMessages`, src/model/protocol.ts). Self-contained, with no import at run time: Chromium tests pass it to
 * `evaluate` as a function, the Firefox tests as its source text.
 */
export function collectSnapshot({ portName, version }: CollectSnapshotArgs): Promise<TabLogView> {
  type Message = { type?: string; version?: number; log?: TabLogView; more?: number; records?: TabLogView['records'] };
  type Port = {
    onMessage: { addListener(listener: (message: Message) => void): void };
    postMessage(message: unknown): void;
    disconnect(): void;
  };
  const scope = globalThis as { browser?: { runtime: { connect(info: { name: string }): Port } } };
  const runtime = scope.browser?.runtime ?? (chrome.runtime as unknown as { connect(info: { name: string }): Port });
  return new Promise((resolve, reject) => {
    const port = runtime.connect({ name: portName });
    const timer = setTimeout(() => reject(new Error('no whole snapshot within 10 s')), 10_000);
    let log: TabLogView | null = null;
    let missing = 0;
    port.onMessage.addListener((message) => {
      if (message.version !== version) return;
      if (message.type === 'snapshot' && message.log !== undefined) {
        log = { ...message.log, records: [...message.log.records] };
        missing = message.more ?? 0;
        if (missing > 0) port.postMessage({ type: 'snapshot-rest', version });
      } else if (message.type === 'snapshot-more' && log !== null && message.records !== undefined) {
        log = { ...log, records: [...log.records, ...message.records] };
        missing -= message.records.length;
      } else return;
      if (missing > 0) return;
      clearTimeout(timer);
      port.disconnect();
      resolve(log);
    });
    port.postMessage({ type: 'hello', version });
  });
}
