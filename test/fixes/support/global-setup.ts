import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STACKS } from '../../../src/engine';
import { STACK_HARNESSES } from '../stacks';
import { CASES } from './cases';
import { formatMatrix, type MatrixRow } from './matrix';

/**
 * Gives the run a file the tests append their rows to (workers inherit the environment), and
 * prints the stacks x cases matrix when the run ends.
 */
export default function globalSetup(): () => void {
  const file = join(tmpdir(), `cors-lens-fixes-${process.pid}.jsonl`);
  writeFileSync(file, '');
  process.env.CORS_LENS_FIXES_ROWS = file;
  return () => {
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as MatrixRow);
    rmSync(file, { force: true });
    process.stdout.write(
      `\n${formatMatrix(
        rows,
        STACKS.map((stack) => stack.id),
        CASES.map((c) => c.id),
        (stack, caseId) => {
          const known = CASES.find((c) => c.id === caseId);
          return known === undefined
            ? undefined
            : STACK_HARNESSES.find((h) => h.id === stack)?.notExpressible[known.id];
        },
      )}\n`,
    );
  };
}
