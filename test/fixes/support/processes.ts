/**
 * Real servers as child processes: each runs in a process group of its own so that stopping it
 * also stops its workers (nginx, Apache) and nothing is left running after a test.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface Command {
  command: string;
  args: readonly string[];
  cwd: string;
  env?: Readonly<Record<string, string>>;
}

const MAX_OUTPUT = 64 * 1024;

/** Every group still running, so a worker that dies early can still stop them. */
const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

export class ServerProcess {
  readonly #child: ChildProcess;
  #output = '';
  #exit: Promise<number | null>;
  #exited = false;

  constructor(command: Command) {
    this.#child = spawn(command.command, command.args, {
      cwd: command.cwd,
      env: { ...process.env, ...command.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(this.#child);
    const keep = (chunk: Buffer): void => {
      this.#output = (this.#output + chunk.toString()).slice(-MAX_OUTPUT);
    };
    this.#child.stdout?.on('data', keep);
    this.#child.stderr?.on('data', keep);
    this.#exit = new Promise((resolve) => {
      this.#child.once('error', (error) => {
        keep(Buffer.from(String(error)));
        this.#exited = true;
        running.delete(this.#child);
        resolve(null);
      });
      this.#child.once('exit', (code) => {
        this.#exited = true;
        running.delete(this.#child);
        resolve(code);
      });
    });
  }

  get output(): string {
    return this.#output;
  }

  get exited(): boolean {
    return this.#exited;
  }

  /** Resolves with the exit code once the process ends. */
  get exit(): Promise<number | null> {
    return this.#exit;
  }

  /** SIGTERM to the whole group, SIGKILL after a grace period; resolves when the leader is gone. */
  async stop(): Promise<void> {
    if (!this.#exited) {
      killGroup(this.#child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(this.#child, 'SIGKILL'), 2_000);
      await this.#exit;
      clearTimeout(timer);
    }
    // Workers that outlived their leader (they share its group id).
    killGroup(this.#child, 'SIGKILL');
  }
}

/** Runs a command to completion (a build, a config test); throws with its output when it fails. */
export async function run(command: Command, timeoutMs = 120_000): Promise<string> {
  const child = new ServerProcess(command);
  const timer = setTimeout(() => void child.stop(), timeoutMs);
  const code = await child.exit;
  clearTimeout(timer);
  if (code !== 0) {
    throw new Error(`${command.command} ${command.args.join(' ')} failed (exit ${code}):\n${child.output}`);
  }
  return child.output;
}

/**
 * Waits until `url` answers at all (any status), or throws with the server's output when it
 * exits or does not answer within `timeoutMs`.
 */
export async function waitForHttp(url: string, server: ServerProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exited) throw new Error(`the server exited before answering ${url}:\n${server.output}`);
    try {
      await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms:\n${server.output}`);
}
