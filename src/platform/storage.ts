import { browser } from './browser';

/** Key-value storage that outlives the service worker but not the browser session. */
export interface SessionStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export const sessionStore: SessionStore = {
  async get(key) {
    const found = await browser.storage.session.get(key);
    return found[key];
  },
  async set(key, value) {
    await browser.storage.session.set({ [key]: value });
  },
  async remove(key) {
    await browser.storage.session.remove(key);
  },
};
