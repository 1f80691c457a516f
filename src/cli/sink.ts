/** Where output text goes: a file (with backpressure) or a stream such as stdout. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { InputError } from './input-error';

export interface Sink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export interface TextOut {
  write(text: string): unknown;
}

const CHUNK_CHARS = 1 << 20;

/** Buffers small writes into ~1 MB chunks; `out.write` is called with each chunk, and with a larger text alone. */
export function textSink(out: TextOut): Sink {
  let buffer = '';
  return {
    async write(text) {
      // Joined to the buffer, a 100 MB text would be copied once more when written.
      if (text.length >= CHUNK_CHARS) {
        if (buffer !== '') out.write(buffer);
        buffer = '';
        out.write(text);
        return;
      }
      buffer += text;
      if (buffer.length >= CHUNK_CHARS) {
        out.write(buffer);
        buffer = '';
      }
    },
    async close() {
      if (buffer !== '') out.write(buffer);
      buffer = '';
    },
  };
}

export function fileSink(path: string): Promise<Sink> {
  return new Promise((resolve, reject) => {
    const stream: WriteStream = createWriteStream(path);
    let failure: Error | null = null;
    const fail = (error: Error) =>
      new InputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? error.message}`);
    stream.once('error', (error) => {
      failure = error;
      reject(fail(error));
    });
    stream.once('open', () => {
      let buffer = '';
      const flush = async () => {
        if (failure !== null) throw fail(failure);
        if (buffer === '') return;
        const ok = stream.write(buffer);
        buffer = '';
        if (!ok) await new Promise<void>((done) => stream.once('drain', () => done()));
      };
      resolve({
        async write(text) {
          buffer += text;
          if (buffer.length >= 1 << 20) await flush();
        },
        async close() {
          await flush();
          await new Promise<void>((done, error) => stream.end((e?: Error | null) => (e ? error(fail(e)) : done())));
        },
      });
    });
  });
}
