/**
 * One user setting as a typed, versioned item (WXT `defineItem` style): the stored form carries a
 * version, and a stored value of another version or of the wrong shape reads as the defaults, so a
 * downgrade or a hand-edited value can never break a reader. Each setting only says how to read
 * its own fields.
 */

/** Where a setting is read and written; `platform/settings.ts` backs it with storage.local. */
export interface SettingStore<T> {
  load(): Promise<T>;
  save(settings: T): Promise<void>;
}

export interface VersionedSetting<T extends object> {
  readonly version: number;
  readonly defaults: T;
  /** The stored form: the settings' fields with the version. */
  serialize(settings: T): Record<string, unknown>;
  /** Never throws: whatever `stored` is, the answer is a valid `T`. */
  parse(stored: unknown): T;
}

export function defineVersionedSetting<T extends object>(definition: {
  version: number;
  defaults: T;
  /** Reads the fields of a stored value of this version; each field of the wrong type falls back. */
  readFields(fields: Readonly<Record<string, unknown>>): T;
}): VersionedSetting<T> {
  const { version, defaults, readFields } = definition;
  return {
    version,
    defaults,
    serialize: (settings) => ({ ...settings, version }),
    parse(stored) {
      if (typeof stored !== 'object' || stored === null) return defaults;
      const fields = stored as Record<string, unknown>;
      return fields.version === version ? readFields(fields) : defaults;
    },
  };
}
