/**
 * Streams a HAR file entry by entry: UTF-8 is decoded strictly (a bad byte is an error, not a
 * U+FFFD), and `@streamparser/json` emits each element of `log.entries` alone and forgets it, so
 * memory stays flat whatever the file size.
 */
import { createReadStream } from 'node:fs';
import { JSONParser } from '@streamparser/json';
import { nestingGuard, TOO_DEEP } from '../report/index';
import { InputError } from './input-error';

export interface StreamHandlers {
  /** A top-level `log` field other than `entries` (only those named in `logFields`). */
  logField?(name: string, value: unknown): void;
  entry(value: unknown): void | Promise<void>;
  /** Bytes read so far, after each chunk. */
  progress?(bytes: number): void;
}

const CHUNK_BYTES = 1 << 20;

export async function streamHar(
  path: string,
  handlers: StreamHandlers,
  logFields: readonly string[] = ['creator'],
): Promise<number> {
  const parser = new JSONParser({
    paths: [...logFields.map((f) => `$.log.${f}`), '$.log.entries.*'],
    keepStack: false,
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let entries = 0;
  const pending: unknown[] = [];
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 3 && typeof key === 'number') {
      entries++;
      pending.push(value);
    } else if (stack.length === 2 && typeof key === 'string') handlers.logField?.(key, value);
  };
  let bytes = 0;
  // Each chunk is checked before the parser sees it: its cost per value grows with the depth
  // (@streamparser/json looks through its whole stack), so time grew with the square of the depth.
  const guard = nestingGuard();
  const write = (text: string) => {
    if (!guard(text)) throw new InputError(`${path} is ${TOO_DEEP}`);
    try {
      if (text !== '' && !parser.isEnded) parser.write(text);
      else if (text.trim() !== '') throw new Error('unexpected data after the end of the JSON value');
    } catch (error) {
      throw new InputError(`${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    bytes += (chunk as Buffer).length;
    write(decodeStrict(decoder, chunk as Buffer, path, true));
    for (const value of pending.splice(0)) await handlers.entry(value);
    handlers.progress?.(bytes);
  }
  write(decodeStrict(decoder, undefined, path, false));
  if (!parser.isEnded) {
    if (bytes === 0) throw new InputError(`${path} is empty`);
    throw new InputError(`${path} is truncated: the JSON ends in the middle of a value`);
  }
  for (const value of pending.splice(0)) await handlers.entry(value);
  return entries;
}

function decodeStrict(decoder: TextDecoder, chunk: Buffer | undefined, path: string, stream: boolean): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw new InputError(`${path} is not UTF-8 text: it contains bytes that are not valid UTF-8`);
  }
}
