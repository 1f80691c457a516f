/** Command-line arguments → a command, with Node's own `util.parseArgs`. */
import { parseArgs } from 'node:util';
import type { StackId } from '../engine';
import { STACKS } from '../engine';
import { InputError } from './input-error';

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'analyze'; file: string; json: boolean; all: boolean; stack: StackId | null; colour: boolean | undefined }
  | { name: 'export'; file: string; output: string; keepSecrets: boolean };

export const USAGE = `Usage:
  cors-lens analyze FILE.har [--stack NAME] [--all] [--json] [--color | --no-color]
  cors-lens export FILE.har -o OUT.har [--keep-secrets]
  cors-lens --help | --version

analyze   explain every cross-origin request in a HAR (Chrome, Firefox, Playwright, CORS Lens)
  --stack NAME   show the fix for your server: ${STACKS.map((s) => s.id).join(', ')}
  --all          list every request, not only the blocked ones
  --json         one JSON object on stdout: {"entries": [...]} (see the README)
export    write the HAR with a _cors verdict on every entry
  -o, --output OUT.har   where to write it ("-" for stdout)
  --keep-secrets         keep bodies, secret headers, cookies, URL credentials and tokens

Exit codes: 0 nothing blocked, 1 some request blocked by CORS, 2 bad usage or unreadable input.
`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  all: { type: 'boolean' },
  stack: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  'keep-secrets': { type: 'boolean' },
} as const;

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
  const colour = values['no-color'] ? false : values.color ? true : undefined;
  return { name, file, json: values.json === true, all: values.all === true, stack, colour };
}
