/**
 * Reading the extension's state from one of its own pages (`probe`), which has the full
 * `browser.*` API: the background realm itself is not reachable over BiDi.
 */
import type { TabLogView } from '../../../src/model/exchange-record';
import type { TabId } from '../../../src/model/ids';
import { PROTOCOL_VERSION, panelPortName } from '../../../src/model/protocol';
import { collectSnapshot } from '../../e2e/support/collect-snapshot';
import { EXTENSION_ORIGIN, type Firefox } from './firefox';

export const PANEL_PATH = '/src/panel/panel.html';

/** Opens an extension page to read state from. */
export function openProbe(firefox: Firefox): Promise<string> {
  return firefox.openTab(`${EXTENSION_ORIGIN}${PANEL_PATH}`);
}

/** The extension's tab id for the tab showing `url` (exactly one must). */
export async function tabIdOf(firefox: Firefox, probe: string, url: string): Promise<TabId> {
  const ids = await firefox.evaluate<number[]>(
    probe,
    `browser.tabs.query({}).then((tabs) => tabs.filter((tab) => tab.url === ${JSON.stringify(url)}).map((tab) => tab.id))`,
  );
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`expected one tab at ${url}, found ${ids.length}`);
  return ids[0];
}

/** The tab's log as a panel receives it on connecting: the snapshot the worker sends, all its pages. */
export function snapshotOf(firefox: Firefox, probe: string, tabId: TabId): Promise<TabLogView> {
  const args = { portName: panelPortName(tabId), version: PROTOCOL_VERSION };
  return firefox.evaluate<TabLogView>(probe, `(${collectSnapshot.toString()})(${JSON.stringify(args)})`);
}

export function badgeTextOf(firefox: Firefox, probe: string, tabId: TabId): Promise<string> {
  return firefox.evaluate<string>(probe, `browser.action.getBadgeText({ tabId: ${tabId} })`);
}

/** Polls `read` until `done` holds for its value (no fixed sleeps), or fails after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; last value: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
