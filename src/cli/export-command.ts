/**
 * `cors-lens export`: the input HAR with `_cors` on every entry, redacted unless asked not to.
 * A file read whole is annotated in memory; a streamed one is read a second time and written
 * entry by entry, so memory stays flat for any size.
 */
import { resolve } from 'node:path';
import {
  analyzeOne,
  annotateEntry,
  annotateHar,
  type ExportOptions,
  entryReports,
  exportLogField,
  exportMeta,
  reportsByEntry,
} from '../report/index';
import { InputError } from './input-error';
import type { LoadedHar } from './load-har';
import { safeJson } from './safe-json';
import { fileSink, type Sink, type TextOut, textSink } from './sink';
import { streamHar } from './stream-har';

const LOG_FIELDS = ['version', 'creator', 'browser', 'pages', 'comment'] as const;

export interface ExportRequest {
  input: string;
  output: string;
  loaded: LoadedHar;
  options: ExportOptions;
  stdout: TextOut;
}

async function openSink(output: string, stdout: TextOut): Promise<Sink> {
  return output === '-' ? textSink(stdout) : fileSink(output);
}

export async function exportCommand(request: ExportRequest): Promise<void> {
  const { input, output, loaded, options } = request;
  if (output !== '-' && resolve(output) === resolve(input))
    throw new InputError(`${output} is the input file: choose another -o`);
  // Row by row: only the small entry reports are kept (see run.ts).
  const reports = loaded.records
    .flatMap((record) => entryReports([analyzeOne(record)]))
    .sort((a, b) => a.index - b.index);
  const sink = await openSink(output, request.stdout);
  if (loaded.parsed !== null) {
    await sink.write(`${safeJson(annotateHar(loaded.parsed, reports, options), 2)}\n`);
    await sink.close();
    return;
  }
  const byIndex = reportsByEntry(reports);
  // Log fields before the entries open the object; any that come after them close it.
  const before: string[] = [];
  const after: string[] = [];
  let index = 0;
  let opened = false;
  const open = async () => {
    if (opened) return;
    opened = true;
    await sink.write(`{"log":{${before.map((field) => `${field},`).join('')}"entries":[\n`);
  };
  await streamHar(
    input,
    {
      logField: (name, value) => {
        const written = exportLogField(name, value, options);
        if (written !== undefined) (opened ? after : before).push(`${safeJson(name)}:${safeJson(written)}`);
      },
      entry: async (value) => {
        await open();
        await sink.write(`${index > 0 ? ',\n' : ''}${safeJson(annotateEntry(value, byIndex.get(index), options))}`);
        index++;
      },
    },
    { logFields: LOG_FIELDS },
  );
  await open();
  await sink.write(`\n]${after.map((field) => `,${field}`).join('')},"_cors":${safeJson(exportMeta(options))}}}\n`);
  await sink.close();
}
