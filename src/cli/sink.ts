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

/** Buffers small writes into ~1 MB chunks; `out.write` is called with each chunk. */
export function textSink(out: TextOut): Sink {
  let buffer = '';
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= 1 << 20) {
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
