/** Command-line arguments → a command, with Node's own `util.parseArgs`. */
import { parseArgs } from 'node:util';
import type { StackId } from '../engine';
import { STACKS } from '../engine';
import { InputError } from './input-error';
import { pageRequest } from './probe/probe-args';
import type { PageRequest } from './probe/request-headers';

/** What `analyze` and `probe` print: the report for people, JSON, GitHub Actions annotations, or a JUnit XML report. */
export const FORMATS = ['text', 'json', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

interface ReportOptions {
  format: Format;
  stack: StackId | null;
  colour: boolean | undefined;
}

/** The request `probe` makes: given on the command line, or captured in a HAR entry. */
export type ProbeSource =
  | { kind: 'arguments'; request: PageRequest }
  | { kind: 'har'; file: string; entry: number; origin: string | undefined };

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | ({ name: 'analyze'; file: string; all: boolean } & ReportOptions)
  | { name: 'export'; file: string; output: string; keepSecrets: boolean }
  | ({ name: 'probe'; source: ProbeSource; insecure: boolean; timeoutMs: number } & ReportOptions);

/** How long the probe waits for each answer unless `--timeout` says otherwise. */
const DEFAULT_TIMEOUT_SECONDS = 10;

export const USAGE = `Usage:
  cors-lens analyze FILE.har [--stack NAME] [--all] [--format FORMAT] [--color | --no-color]
  cors-lens export FILE.har -o OUT.har [--keep-secrets]
  cors-lens probe URL --origin ORIGIN [--method M] [--header 'Name: value']... [--credentials]
                  [--insecure] [--timeout SECONDS] [--stack NAME] [--format FORMAT]
  cors-lens probe --from-har FILE.har --entry N [--origin ORIGIN] [options as above]
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
probe     make the request from Node as Chromium would (preflight, redirects, Origin) and explain it
  --origin ORIGIN        the origin of the page that makes the request
  -X, --method M         the request's method (default GET)
  -H, --header 'Name: value'  a header the page sets (repeatable); a Cookie needs --credentials
  --credentials          credentials mode 'include' (fetch credentials: 'include', XHR withCredentials)
  --from-har FILE --entry N   make the request of that HAR entry again (its URL, method, headers,
                         origin, credentials mode); --origin replaces the origin it captured
  -k, --insecure         accept any TLS certificate
  --timeout SECONDS      how long to wait for each answer (default ${DEFAULT_TIMEOUT_SECONDS})
  --stack, --format, --color as for analyze (--json: {"probe", "requests", "entries"}, see the
                         README); no request body is sent

Exit codes: 0 nothing blocked, 1 some request blocked by CORS, 2 bad usage or unreadable input
(probe: also when the request failed on the network, e.g. the server could not be reached).
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
  origin: { type: 'string' },
  method: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  credentials: { type: 'boolean' },
  'from-har': { type: 'string' },
  entry: { type: 'string' },
  insecure: { type: 'boolean', short: 'k' },
  timeout: { type: 'string' },
} as const;

/** Options that belong to one command only: given to another, they are a mistake worth naming. */
const OWN_OPTIONS: Readonly<Record<'analyze' | 'export' | 'probe', readonly (keyof typeof OPTIONS)[]>> = {
  analyze: ['all'],
  export: ['output', 'keep-secrets'],
  probe: ['origin', 'method', 'header', 'credentials', 'from-har', 'entry', 'insecure', 'timeout'],
};

function rejectOthersOptions(command: keyof typeof OWN_OPTIONS, values: Values): void {
  for (const [owner, names] of Object.entries(OWN_OPTIONS)) {
    if (owner === command) continue;
    const given = names.find((name) => values[name] !== undefined);
    if (given !== undefined) throw new InputError(`--${given} is an option of ${owner}, not ${command}`);
  }
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

function isStack(value: string): value is StackId {
  return STACKS.some((stack) => stack.id === value);
}

function reportOptions(values: Values): ReportOptions {
  const stack = values.stack ?? null;
  if (stack !== null && !isStack(stack)) {
    throw new InputError(`unknown stack '${stack}': pick one of ${STACKS.map((s) => s.id).join(', ')}`);
  }
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!isFormat(format)) throw new InputError(`unknown format '${format}': pick one of ${FORMATS.join(', ')}`);
  if (values.json && format !== 'json') throw new InputError(`--json and --format ${format} ask for two formats`);
  const colour = values['no-color'] ? false : values.color ? true : undefined;
  return { format, stack, colour };
}

/** A whole number written in decimal digits, or null. */
function wholeNumber(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function probeSource(values: Values, url: string | undefined): ProbeSource {
  const file = values['from-har'];
  if (file === undefined) {
    if (url === undefined) throw new InputError('missing the URL: cors-lens probe URL --origin ORIGIN');
    if (values.entry !== undefined) throw new InputError('--entry goes with --from-har FILE.har');
    const { origin, method, header = [], credentials = false } = values;
    return { kind: 'arguments', request: pageRequest({ url, origin, method, headers: header, credentials }) };
  }
  if (url !== undefined) throw new InputError(`--from-har replays the URL it captured: drop '${url}'`);
  const given = (['method', 'header', 'credentials'] as const).find((name) => values[name] !== undefined);
  if (given !== undefined) throw new InputError(`--from-har replays the captured request as it was: drop --${given}`);
  if (values.entry === undefined) throw new InputError('missing --entry N: which entry of the HAR to replay');
  const entry = wholeNumber(values.entry);
  if (entry === null) throw new InputError(`--entry '${values.entry}' is not an entry index (0, 1, 2, …)`);
  return { kind: 'har', file, entry, origin: values.origin };
}

function probeCommand(values: Values, positionals: readonly string[]): Command {
  const [url, ...extra] = positionals;
  if (extra.length > 0) throw new InputError(`unexpected argument '${extra[0]}'`);
  const seconds = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
  if (!(seconds > 0 && seconds <= 600)) throw new InputError(`--timeout '${values.timeout}' is not 0–600 seconds`);
  return {
    name: 'probe',
    source: probeSource(values, url),
    insecure: values.insecure === true,
    timeoutMs: Math.round(seconds * 1000),
    ...reportOptions(values),
  };
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
  if (name !== 'analyze' && name !== 'export' && name !== 'probe')
    throw new InputError(`unknown command '${name}': the commands are analyze, export and probe`);
  rejectOthersOptions(name, values);
  if (name === 'probe') return probeCommand(values, positionals.slice(1));
  if (file === undefined) throw new InputError(`missing the HAR file: cors-lens ${name} FILE.har`);
  if (extra.length > 0) throw new InputError(`unexpected argument '${extra[0]}'`);
  if (name === 'export') {
    if (values.output === undefined) throw new InputError('missing -o OUT.har: where should the export go?');
    return { name, file, output: values.output, keepSecrets: values['keep-secrets'] === true };
  }
  return { name, file, all: values.all === true, ...reportOptions(values) };
}
