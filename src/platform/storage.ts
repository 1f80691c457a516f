import { browser } from './browser';

/** Key-value storage that outlives the service worker but not the browser session. */
export interface SessionStore {
  get(key: string): Promise<unknown>;
  getAll(): Promise<Record<string, unknown>>;
  /** Writes several keys in one call, so a flush is one IPC round trip. */
  setMany(items: Record<string, unknown>): Promise<void>;
  removeMany(keys: readonly string[]): Promise<void>;
  /** Bytes used, as the browser counts them against its 10 MB session quota; null when unknown. */
  bytesInUse(): Promise<number | null>;
}

export const sessionStore: SessionStore = {
  async get(key) {
    const found = await browser.storage.session.get(key);
    return found[key];
  },
  getAll: () => browser.storage.session.get(null),
  setMany: (items) => browser.storage.session.set(items),
  async removeMany(keys) {
    if (keys.length > 0) await browser.storage.session.remove([...keys]);
  },
  async bytesInUse() {
    // Firefox has no getBytesInUse on storage.session.
    const area = browser.storage.session as { getBytesInUse?: (keys: null) => Promise<number> };
    return typeof area.getBytesInUse === 'function' ? area.getBytesInUse(null) : null;
  },
};
