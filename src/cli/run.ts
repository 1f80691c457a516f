/**
 * The command line as a function: arguments and I/O in, exit code out. `main.ts` binds it to
 * the process; tests call it with captured streams.
 */
import { version } from '../../package.json' with { type: 'json' };
import {
  analyzeOne,
  type EntryReport,
  entryReports,
  type HarWarning,
  type JsonEntry,
  jsonReport,
  type ReportRow,
} from '../report/index';
import { type Command, type Format, parseCommand, USAGE } from './args';
import { paint, shouldColour } from './colour';
import { exportCommand } from './export-command';
import { githubAnnotations } from './github-annotations';
import { InputError } from './input-error';
import { junitReport } from './junit-report';
import { type LoadedHar, loadHar } from './load-har';
import { probeCommand } from './probe/probe-command';
import { progress } from './progress';
import { safeJson, safeJsonPieces } from './safe-json';
import { type TextOut, textSink } from './sink';
import { addToSummary, emptySummary } from './summary';
import { terminalReport } from './terminal-report';
import { shownLine, shownUrl } from './terminal-text';

export interface CliIo {
  stdout: TextOut;
  stderr: TextOut;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds since the epoch. */
  now(): number;
  /** Files above this many bytes are streamed (tests lower it). */
  streamThresholdBytes?: number;
}

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_BAD_INPUT = 2;
const MAX_WARNINGS_SHOWN = 20;

function printWarnings(warnings: readonly HarWarning[], io: CliIo): void {
  for (const warning of warnings.slice(0, MAX_WARNINGS_SHOWN))
    io.stderr.write(`cors-lens: warning: ${shownLine(warning.message)}\n`);
  if (warnings.length > MAX_WARNINGS_SHOWN)
    io.stderr.write(`cors-lens: warning: … and ${warnings.length - MAX_WARNINGS_SHOWN} more warnings\n`);
}

async function load(file: string, io: CliIo, keepParsed: boolean): Promise<LoadedHar> {
  const bar = progress(`reading ${shownUrl(file)}`, (text) => io.stderr.write(text), io.stderrIsTTY, io.now);
  try {
    return await loadHar(file, {
      keepParsed,
      onProgress: (bytes, total) => bar.update(bytes, total),
      ...(io.streamThresholdBytes === undefined ? {} : { streamThresholdBytes: io.streamThresholdBytes }),
    });
  } finally {
    bar.done();
  }
}

/** Which rows each format prints (JSON keeps its own small reports of every row instead). */
const ROWS_PRINTED: Readonly<Record<Format, (row: ReportRow, all: boolean) => boolean>> = {
  text: (row, all) => row.verdict.blocked || all,
  json: () => false,
  github: (row) => row.verdict.blocked || row.verdict.advisories.length > 0,
  junit: (row) => row.crossOrigin,
};

/** An entry whose JSON is at least this long is written piece by piece (safeJsonPieces). */
const LARGE_ENTRY_CHARS = 1 << 20;

/** The length of the text an entry quotes from the HAR: only these fields grow with the input. */
function inputTextLength(entry: JsonEntry): number {
  const { url, method, failedParameter, header } = entry;
  return (
    url.length +
    method.length +
    (failedParameter?.length ?? 0) +
    (header ? header.expected.length + (header.received?.length ?? 0) : 0)
  );
}

async function analyzeCommand(command: Extract<Command, { name: 'analyze' }>, io: CliIo): Promise<number> {
  const loaded = await load(command.file, io, false);
  printWarnings(loaded.warnings, io);
  // Row by row, keeping only the small entry reports and the rows the terminal report prints:
  // a full explanation per request for 100,000 requests would dominate memory and time.
  const reports: EntryReport[] = [];
  const rows: ReportRow[] = [];
  const summary = emptySummary();
  const printed = ROWS_PRINTED[command.format];
  for (const record of loaded.records) {
    const row = analyzeOne(record);
    addToSummary(summary, row);
    if (command.format === 'json') reports.push(...entryReports([row]));
    // A structured copy flattens the explanation's concatenated strings, which otherwise keep every piece alive.
    else if (printed(row, command.all)) rows.push({ ...row, explanation: structuredClone(row.explanation) });
  }
  const blocked = summary.blocked > 0;
  const fileName = command.file.split(/[\\/]/).at(-1) ?? command.file;
  if (command.format === 'github') {
    io.stdout.write(githubAnnotations(rows, summary, { fileName, stack: command.stack }));
  } else if (command.format === 'junit') {
    io.stdout.write(junitReport(rows, { fileName, stack: command.stack, command: 'analyze' }));
  } else if (command.format === 'json') {
    const sink = textSink(io.stdout);
    const { entries } = jsonReport(reports.sort((a, b) => a.index - b.index));
    await sink.write('{"entries":[');
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as JsonEntry;
      await sink.write(i === 0 ? '\n' : ',\n');
      if (inputTextLength(entry) < LARGE_ENTRY_CHARS) await sink.write(safeJson(entry));
      else for (const piece of safeJsonPieces(entry)) await sink.write(piece);
    }
    await sink.write(`${entries.length > 0 ? '\n' : ''}]}\n`);
    await sink.close();
  } else {
    const colour = shouldColour(io.stdoutIsTTY, io.env, command.colour);
    io.stdout.write(
      terminalReport(rows, summary, { fileName, paint: paint(colour), stack: command.stack, all: command.all }),
    );
  }
  return blocked ? EXIT_BLOCKED : EXIT_OK;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.stdout.write(USAGE);
        return EXIT_OK;
      case 'version':
        io.stdout.write(`cors-lens ${version}\n`);
        return EXIT_OK;
      case 'analyze':
        return await analyzeCommand(command, io);
      case 'probe':
        return await probeCommand(command, io);
      case 'export': {
        const loaded = await load(command.file, io, true);
        printWarnings(loaded.warnings, io);
        const options = {
          redact: !command.keepSecrets,
          generatedAt: new Date(io.now()).toISOString(),
          generator: { name: 'CORS Lens', version },
        };
        await exportCommand({ input: command.file, output: command.output, loaded, options, stdout: io.stdout });
        return EXIT_OK;
      }
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`cors-lens: ${shownLine(error.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`cors-lens: internal error: ${shownLine(message.split('\n')[0] ?? '')} (please report it)\n`);
    if (io.env.CORS_LENS_DEBUG) io.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    return EXIT_BAD_INPUT;
  }
}
