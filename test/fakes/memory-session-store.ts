import type { SessionStore } from '../../src/platform/storage';

/** storage.session stand-in: values go through structuredClone, as the real storage serialises them. */
export class MemorySessionStore implements SessionStore {
  readonly data = new Map<string, unknown>();

  async get(key: string): Promise<unknown> {
    return structuredClone(this.data.get(key));
  }

  async set(key: string, value: unknown): Promise<void> {
    this.data.set(key, structuredClone(value));
  }

  async remove(key: string): Promise<void> {
    this.data.delete(key);
  }
}
