/**
 * Runs the built `cors-lens probe` (dist-cli/cors-lens.mjs, from `npm run build`) on a request a
 * page made, and reads its verdict from the JSON output: the entry where the request ended.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JsonEntry } from '../../../src/report/index';

export const CLI = resolve(import.meta.dirname, '../../../dist-cli/cors-lens.mjs');

/** What a page's fetch() sent: method, URL, its own headers, whether credentials were included. */
export interface ProbedRequest {
  url: string;
  origin: string;
  method: string;
  headers: Readonly<Record<string, string>>;
  credentials: boolean;
  /** The cookie the browser held for the URL, sent with a credentialed request as the browser does. */
  cookie?: string;
}

export interface ProbeOutcome {
  exitCode: number;
  /** The verdict entry (the request's last hop); undefined when the output had none. */
  entry: JsonEntry | undefined;
  stdout: string;
  stderr: string;
}

export function probeArgs(request: ProbedRequest): string[] {
  const args = ['probe', request.url, '--origin', request.origin, '--method', request.method, '--json'];
  for (const [name, value] of Object.entries(request.headers)) args.push('--header', `${name}: ${value}`);
  if (request.credentials) {
    args.push('--credentials');
    if (request.cookie !== undefined) args.push('--header', `Cookie: ${request.cookie}`);
  }
  return args;
}

export function runProbe(request: ProbedRequest): Promise<ProbeOutcome> {
  if (!existsSync(CLI)) throw new Error(`No built CLI at ${CLI}: run \`npm run build\` first.`);
  return new Promise((done) => {
    execFile('node', [CLI, ...probeArgs(request)], { timeout: 30_000 }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      let entry: JsonEntry | undefined;
      try {
        const entries = (JSON.parse(stdout) as { entries: JsonEntry[] }).entries;
        entry = entries.find((candidate) => candidate.role === 'request');
      } catch {
        entry = undefined;
      }
      done({ exitCode, entry, stdout, stderr });
    });
  });
}
