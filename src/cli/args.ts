/** Command-line arguments → a command, with Node's own `util.parseArgs`. */
import { parseArgs } from 'node:util';
import type { StackId } from '../engine';
import { STACKS } from '../engine';
import { InputError } from './input-error';

/** What `analyze` prints: the report for people, JSON, GitHub Actions annotations, or a JUnit XML report. */
export const FORMATS = ['text', 'json', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'analyze'; file: string; format: Format; all: boolean; stack: StackId | null; colour: boolean | undefined }
  | { name: 'export'; file: string; output: string; keepSecrets: boolean };

export const USAGE = `Usage:
  cors-lens analyze FILE.har [--stack NAME] [--all] [--format FORMAT] [--color | --no-color]
  cors-lens export FILE.har -o OUT.har [--keep-secrets]
  cors-lens --help | --version

analyze   explain every cross-origin request in a HAR (Chrome, Firefox, Playwright, CORS Lens)
  --stack NAME   show the fix for your server: ${STACKS.map((s) => s.id).join(', ')}
  --all          list every request, not only the blocked ones
  --format text    the report for people (default)
  --format json    one JSON object on stdout: {"entries": [...]} (see the README); --json is the same
  --format github  GitHub Actions annotations: ::error for each blocked request, ::warning per advisory
  --format junit   JUnit XML on stdout: one test case per cross-origin request, failed when blocked
export    write the HAR with a _cors verdict on every entry
  -o, --output OUT.har   where to write it ("-" for stdout)
  --keep-secrets         keep bodies, secret headers, cookies, URL credentials and tokens

Exit codes: 0 nothing blocked, 1 some request blocked by CORS, 2 bad usage or unreadable input.
`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  all: { type: 'boolean' },
  stack: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  'keep-secrets': { type: 'boolean' },
} as const;

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

function isStack(value: string): value is StackId {
  return STACKS.some((stack) => stack.id === value);
}

export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError(error instanceof Error ? (error.message.split('\n')[0] ?? 'bad arguments') : 'bad arguments');
  }
  const { values, positionals } = parsed;
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  const [name, file, ...extra] = positionals;
  if (name === undefined)
    throw new InputError('missing command: try `cors-lens analyze FILE.har` or `cors-lens --help`');
  if (name !== 'analyze' && name !== 'export')
    throw new InputError(`unknown command '${name}': the commands are analyze and export`);
  if (file === undefined) throw new InputError(`missing the HAR file: cors-lens ${name} FILE.har`);
  if (extra.length > 0) throw new InputError(`unexpected argument '${extra[0]}'`);
  if (name === 'export') {
    if (values.output === undefined) throw new InputError('missing -o OUT.har: where should the export go?');
    return { name, file, output: values.output, keepSecrets: values['keep-secrets'] === true };
  }
  const stack = values.stack ?? null;
  if (stack !== null && !isStack(stack)) {
    throw new InputError(`unknown stack '${stack}': pick one of ${STACKS.map((s) => s.id).join(', ')}`);
  }
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!isFormat(format)) throw new InputError(`unknown format '${format}': pick one of ${FORMATS.join(', ')}`);
  if (values.json && format !== 'json') throw new InputError(`--json and --format ${format} ask for two formats`);
  const colour = values['no-color'] ? false : values.color ? true : undefined;
  return { name, file, format, all: values.all === true, stack, colour };
}
