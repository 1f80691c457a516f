/** The guard every parsed boundary (port messages, stored records, HAR JSON) starts with. */

export type JsonRecord = Record<string, unknown>;

/** A plain object: not null, not an array, so its fields can be read and checked one by one. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
