/**
 * Reads a HAR file entry by entry, from bytes already in memory (a file read whole) or streamed
 * in 1 MB chunks (flat memory whatever the file size): the bytes are checked as UTF-8 (a bad byte
 * is an error, not a U+FFFD), cut into one JSON text per entry by HarSplitter, and each is given to
 * `JSON.parse` and then forgotten.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { MAX_HAR_NESTING, TOO_DEEP } from '../report/index';
import { HarSplitter, type PieceKind, TooDeepError } from './har-splitter';
import { InputError } from './input-error';

export interface StreamHandlers {
  /** A top-level `log` field other than `entries` (only those named in `logFields`). */
  logField?(name: string, value: unknown): void;
  /** `cut`: the full size of each string of the entry cut to `maxStringBytes` (HarSplitter). */
  entry(value: unknown, cut: readonly number[]): void | Promise<void>;
  /** Bytes read so far, after each chunk. */
  progress?(bytes: number): void;
}

/** What the skeleton held besides the entries, for the messages of a file that is not HAR. */
export interface HarShape {
  entries: number;
  /** `log` was an object, and `log.entries` an array. */
  log: boolean;
  entriesArray: boolean;
}

const CHUNK_BYTES = 1 << 20;
const BOM = [0xef, 0xbb, 0xbf];

interface Piece {
  kind: PieceKind;
  name: string;
  text: string;
  cut: readonly number[];
}

export interface StreamOptions {
  /** The `log` fields besides `entries` handed to `logField`. */
  logFields?: readonly string[];
  /** The file's bytes when it was read whole (`path` then only names it in messages). */
  bytesInMemory?: Buffer | undefined;
  /** Strings inside entries are cut past this many bytes (see HarSplitter); none is by default. */
  maxStringBytes?: number;
}

/** Where the last whole UTF-8 character of `chunk` ends: a character cut by the chunk's end waits for the next one. */
function wholeCharactersEnd(chunk: Buffer): number {
  const n = chunk.length;
  let lead = n - 1;
  while (lead >= 0 && lead > n - 4 && ((chunk[lead] as number) & 0xc0) === 0x80) lead--;
  const c = lead >= 0 ? (chunk[lead] as number) : 0;
  if (c < 0xc0) return n;
  const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
  return n - lead < length ? lead : n;
}

/** Bytes already in memory, in chunks as the stream gives them, each ending on a whole character. */
function* chunksOf(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; ) {
    const end =
      at + CHUNK_BYTES >= bytes.length ? bytes.length : at + wholeCharactersEnd(bytes.subarray(at, at + CHUNK_BYTES));
    yield bytes.subarray(at, end);
    at = end;
  }
}

/**
 * Reads the file at `path`, or `bytesInMemory` when the file was read whole. Either way in 1 MB
 * chunks, each one's entries parsed and handed over before the next is cut, so the text of at most
 * one chunk's entries is held at a time.
 */
export async function streamHar(
  path: string,
  handlers: StreamHandlers,
  options: StreamOptions = {},
): Promise<HarShape> {
  const { logFields = ['creator'], bytesInMemory, maxStringBytes } = options;
  const pieces: Piece[] = [];
  const splitter = new HarSplitter(
    { piece: (kind, name, text, cut) => pieces.push({ kind, name, text, cut }) },
    MAX_HAR_NESTING,
    maxStringBytes,
  );
  const shape: HarShape = { entries: 0, log: false, entriesArray: false };
  const notUtf8 = () => new InputError(`${path} is not UTF-8 text: it contains bytes that are not valid UTF-8`);
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new InputError(`${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  const split = (bytes: Buffer) => {
    try {
      splitter.write(bytes);
    } catch (error) {
      if (error instanceof TooDeepError) throw new InputError(`${path} is ${TOO_DEEP}`);
      throw error;
    }
  };
  const deliver = async () => {
    for (const { kind, name, text, cut } of pieces.splice(0)) {
      const value = parse(text);
      if (kind === 'entry') {
        shape.entries++;
        await handlers.entry(value, cut);
      } else if (kind === 'field' && logFields.includes(name)) handlers.logField?.(name, value);
    }
  };
  let bytes = 0;
  let carry: Buffer = Buffer.alloc(0);
  const chunks = bytesInMemory ? chunksOf(bytesInMemory) : createReadStream(path, { highWaterMark: CHUNK_BYTES });
  for await (const chunk of chunks as Iterable<Buffer> | AsyncIterable<Buffer>) {
    let data = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    if (bytes === 0 && BOM.every((byte, i) => data[i] === byte)) data = data.subarray(BOM.length);
    bytes += chunk.length;
    const end = wholeCharactersEnd(data);
    carry = data.subarray(end);
    data = data.subarray(0, end);
    if (!isUtf8(data)) throw notUtf8();
    split(data);
    await deliver();
    handlers.progress?.(bytes);
  }
  if (carry.length > 0) throw notUtf8();
  const skeleton = splitter.end();
  await deliver();
  if (skeleton === null) {
    if (bytes === 0 || splitter.empty) throw new InputError(`${path} is empty`);
    throw new InputError(`${path} is truncated: the JSON ends in the middle of a value`);
  }
  parse(skeleton);
  shape.log = splitter.sawLog;
  shape.entriesArray = splitter.sawEntries;
  return shape;
}
