import { MemorySessionStore } from './memory-session-store';

/** Chromium's message when a `storage.session.set` would pass the quota (nothing of it is stored). */
export const QUOTA_ERROR = 'Session storage quota bytes exceeded. Values were not stored.';

/**
 * storage.session with its quota: a `setMany` that would take the bytes in use past `quotaBytes`
 * rejects and stores nothing, as Chromium's does. 10 MB by default (MDN `storage.session.QUOTA_BYTES`).
 */
export class QuotaSessionStore extends MemorySessionStore {
  refused = 0;

  constructor(readonly quotaBytes = 10_485_760) {
    super();
  }

  override async setMany(items: Record<string, unknown>): Promise<void> {
    let bytes = await this.bytesInUse();
    for (const [key, value] of Object.entries(items)) {
      const before = this.data.get(key);
      if (before !== undefined) bytes -= key.length + JSON.stringify(before).length;
      bytes += key.length + JSON.stringify(value).length;
    }
    if (bytes > this.quotaBytes) {
      this.refused += 1;
      throw new Error(QUOTA_ERROR);
    }
    return super.setMany(items);
  }
}
