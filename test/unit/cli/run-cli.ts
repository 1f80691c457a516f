import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
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

/** Every directory `tempDir` made in this test file, removed when the file's tests are done. */
const madeDirs: string[] = [];
afterAll(() => {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-cli-'));
  madeDirs.push(dir);
  return dir;
}

export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** Any character a terminal would act on, other than the newline the report itself writes. */
export function hasRawControl(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const control = (cp < 0x20 && cp !== 0x0a) || (cp >= 0x7f && cp <= 0x9f);
    const layout = cp === 0x2028 || cp === 0x2029 || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
    if (control || layout) return true;
  }
  return false;
}
