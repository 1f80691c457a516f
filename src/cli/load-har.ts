/**
 * Loads a HAR file for the command line: small files in one piece with JSON.parse (fastest),
 * large ones streamed entry by entry (flat memory). Every failure becomes an InputError with one
 * line a person can act on.
 */
import { readFileSync, statSync } from 'node:fs';
import { createHarReader, HarFormatError, type HarReadResult, nestingGuard, readHar, TOO_DEEP } from '../report/index';
import { InputError } from './input-error';
import { streamHar } from './stream-har';

/** Above this size a file is streamed. JSON.parse is ~10x faster but needs the whole file and its tree in memory. */
export const STREAM_THRESHOLD_BYTES = 64 * 1024 * 1024;

export interface LoadOptions {
  streamThresholdBytes?: number;
  /** Return the parsed document of a file read whole (export reuses it); else it is dropped at once. */
  keepParsed?: boolean;
  /** Called with (bytes read, total bytes) while streaming. */
  onProgress?: (bytes: number, total: number) => void;
}

export interface LoadedHar extends HarReadResult {
  /** The parsed document when the file was read whole and `keepParsed` asked for it; else null. */
  parsed: unknown;
  bytes: number;
}

export function fileSize(path: string): number {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new InputError(describeFsError(path, error));
  }
  if (stats.isDirectory()) throw new InputError(`${path} is a directory, not a HAR file`);
  return stats.size;
}

export function describeFsError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied`;
  if (code === 'EISDIR') return `${path} is a directory, not a HAR file`;
  return `${path}: cannot read (${error instanceof Error ? error.message : String(error)})`;
}

export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${path} is not UTF-8 text: it contains bytes that are not valid UTF-8`);
  }
}

function parseWhole(path: string): { parsed: unknown; text: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(describeFsError(path, error));
  }
  const text = decodeUtf8(bytes, path);
  if (text.trim() === '') throw new InputError(`${path} is empty`);
  // Before JSON.parse: a tree thousands of levels deep would overflow the stack of whatever walks it.
  if (!nestingGuard()(text)) throw new InputError(`${path} is ${TOO_DEEP}`);
  try {
    return { parsed: JSON.parse(text), text };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const truncated = /end of (JSON )?input|Unterminated/i.test(message);
    throw new InputError(
      truncated
        ? `${path} is truncated: the JSON ends in the middle of a value`
        : `${path} is not valid JSON (${message})`,
    );
  }
}

export async function loadHar(path: string, options: LoadOptions = {}): Promise<LoadedHar> {
  const size = fileSize(path);
  if (size <= (options.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES)) {
    const { parsed } = parseWhole(path);
    try {
      return { ...readHar(parsed), parsed: options.keepParsed ? parsed : null, bytes: size };
    } catch (error) {
      if (error instanceof HarFormatError) throw new InputError(`${path} is ${error.message}`);
      throw error;
    }
  }
  const reader = createHarReader();
  const onProgress = options.onProgress;
  const count = await streamHar(path, {
    logField: (name, value) => {
      if (name === 'creator') reader.creator(value);
    },
    entry: (value) => reader.entry(value),
    ...(onProgress ? { progress: (bytes: number) => onProgress(bytes, size) } : {}),
  });
  // The streaming parser cannot tell "no log.entries" from an empty one; a large file with none is not HAR.
  if (count === 0) throw new InputError(`${path} is not a HAR file: no entries under "log.entries"`);
  return { ...reader.finish(), parsed: null, bytes: size };
}
