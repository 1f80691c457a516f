/**
 * Loads a HAR file for the command line: small files read whole, large ones streamed (flat
 * memory); either way cut into one JSON text per entry and parsed entry by entry (stream-har.ts).
 * Every failure becomes an InputError with one line a person can act on.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  createHarReader,
  ENTRIES_NOT_ARRAY,
  type HarReadResult,
  type HarWarning,
  NO_LOG_OBJECT,
} from '../report/index';
import { InputError } from './input-error';
import { streamHar } from './stream-har';

/** Above this size a file is streamed: read whole it is in memory at once, with the document `export` keeps. */
export const STREAM_THRESHOLD_BYTES = 64 * 1024 * 1024;

/**
 * Strings of an entry longer than this are cut as they are read (HarSplitter), so one huge value
 * costs this much memory, not its size several times over. It is well above what a verdict reads:
 * the live capture keeps 8 KiB of a header value and 16 KiB of a URL (model/capture-limits.ts), and
 * Chromium refuses response headers past 256 KiB in all. Longer strings are response bodies or
 * broken files; the cut is reported as a warning and marked at the value's end as the live capture
 * marks it (the engine's `truncationMarker`), so the verdict judges the kept part as cut.
 */
export const MAX_STRING_BYTES = 64 * 1024;

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

function readWhole(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputError(describeFsError(path, error));
  }
}

export async function loadHar(path: string, options: LoadOptions = {}): Promise<LoadedHar> {
  const size = fileSize(path);
  const whole = size <= (options.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES) ? readWhole(path) : undefined;
  const reader = createHarReader();
  const cutWarnings: HarWarning[] = [];
  let index = 0;
  const onProgress = options.onProgress;
  const shape = await streamHar(
    path,
    {
      logField: (name, value) => {
        if (name === 'creator') reader.creator(value);
      },
      entry: (value, cut) => {
        if (cut.length > 0) cutWarnings.push({ entry: index, message: cutMessage(index, cut) });
        index++;
        reader.entry(value);
      },
      ...(onProgress && !whole ? { progress: (bytes: number) => onProgress(bytes, size) } : {}),
    },
    { logFields: ['creator'], bytesInMemory: whole, maxStringBytes: MAX_STRING_BYTES },
  );
  if (whole) {
    if (!shape.log) throw new InputError(`${path} is not a HAR file: ${NO_LOG_OBJECT}`);
    if (!shape.entriesArray) throw new InputError(`${path} is not a HAR file: ${ENTRIES_NOT_ARRAY}`);
  } else if (shape.entries === 0) {
    // A large file with no entries is not what anyone means to analyse.
    throw new InputError(`${path} is not a HAR file: no entries under "log.entries"`);
  }
  // The splitter has checked the whole text (UTF-8, JSON, nesting) before it is parsed again in one piece.
  const parsed = options.keepParsed && whole ? JSON.parse(whole.toString('utf8').replace(/^\uFEFF/, '')) : null;
  const read = reader.finish();
  const warnings = [...read.warnings, ...cutWarnings].sort((a, b) => (a.entry ?? -1) - (b.entry ?? -1));
  return { ...read, warnings, parsed, bytes: size };
}

function cutMessage(index: number, cut: readonly number[]): string {
  const longest = Math.max(...cut);
  const what = cut.length === 1 ? `a value of ${longest} bytes` : `${cut.length} values (the longest ${longest} bytes)`;
  return `entry ${index}: ${what} cut to its first ${MAX_STRING_BYTES / 1024} KiB, more than any header a browser accepts`;
}
