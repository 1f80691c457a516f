import type { TabId } from '../model/ids';
import { browser } from './browser';

export function onTabRemoved(listener: (tabId: TabId) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

/** Calls `listener` when a tab has finished loading a document (status "complete"). */
export function onTabLoaded(listener: (tabId: TabId) => void): void {
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'complete') listener(tabId);
  });
}

/** Every open tab of every window. Ids only: reading them needs no `tabs` permission. */
export async function allTabIds(): Promise<TabId[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) => (tab.id === undefined || tab.id < 0 ? [] : [tab.id]));
}
