import type { TabId } from '../model/ids';
import { browser } from './browser';

export function onTabRemoved(listener: (tabId: TabId) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}
