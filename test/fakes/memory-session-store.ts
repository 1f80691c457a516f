import type { SessionStore } from '../../src/platform/storage';

/** storage.session stand-in: values go through structuredClone, as the real storage serialises them. */
export class MemorySessionStore implements SessionStore {
  readonly data = new Map<string, unknown>();
  writes = 0;
  /** Keys asked to be removed, whether they were there or not. */
  removedKeys = 0;

  async get(key: string): Promise<unknown> {
    return structuredClone(this.data.get(key));
  }

  async getAll(): Promise<Record<string, unknown>> {
    return structuredClone(Object.fromEntries(this.data));
  }

  async setMany(items: Record<string, unknown>): Promise<void> {
    this.writes += 1;
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }

  async removeMany(keys: readonly string[]): Promise<void> {
    this.removedKeys += keys.length;
    for (const key of keys) this.data.delete(key);
  }

  /** Counted as Chromium does for the session quota: the JSON length of keys and values. */
  async bytesInUse(): Promise<number> {
    let bytes = 0;
    for (const [key, value] of this.data) bytes += key.length + JSON.stringify(value).length;
    return bytes;
  }
}
