import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CliIo, run } from '../../../src/cli/run';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    now: () => Date.UTC(2026, 0, 15),
    ...io,
  });
  return { code, stdout, stderr };
}

export const fixturePath = (name: string) => resolve(import.meta.dirname, `../../fixtures/har/${name}.har`);

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cors-lens-cli-'));
}

export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}
