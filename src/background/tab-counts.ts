import type { TabId } from '../model/ids';
import type { SessionStore } from '../platform/storage';

const STORAGE_KEY = 'blocked-counts';

function isCountRecord(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((count) => typeof count === 'number' && Number.isInteger(count) && count >= 0)
  );
}

/** Blocked-request counts per tab, mirrored to session storage so a stopped worker forgets nothing. */
export class TabCounts {
  readonly #counts = new Map<TabId, number>();
  readonly #store: SessionStore;
  #writes: Promise<void> = Promise.resolve();

  constructor(store: SessionStore) {
    this.#store = store;
  }

  async hydrate(): Promise<void> {
    const saved = await this.#store.get(STORAGE_KEY);
    if (!isCountRecord(saved)) return;
    for (const [tabId, count] of Object.entries(saved)) this.#counts.set(Number(tabId), count);
  }

  get(tabId: TabId): number {
    return this.#counts.get(tabId) ?? 0;
  }

  increment(tabId: TabId): number {
    const next = this.get(tabId) + 1;
    this.#counts.set(tabId, next);
    this.#persist();
    return next;
  }

  forget(tabId: TabId): void {
    if (this.#counts.delete(tabId)) this.#persist();
  }

  /** Resolves once every write issued so far has reached storage. */
  flushed(): Promise<void> {
    return this.#writes;
  }

  #persist(): void {
    // Writes are chained so an older snapshot never lands after a newer one.
    const snapshot = Object.fromEntries(this.#counts);
    this.#writes = this.#writes.then(() => this.#store.set(STORAGE_KEY, snapshot)).catch(() => undefined);
  }
}
