/** One verified (or failed) cell of the stacks x cases matrix, as the tests record it. */
export interface MatrixRow {
  stack: string;
  caseId: string;
  /** Chromium's corsErrorStatus.corsError while the server was broken. */
  code: string | null;
  /** The engine predicted Chromium's code and failedParameter, and the fix made Chromium pass. */
  verified: boolean;
  seconds: number;
  /** `cors-lens probe`'s verdict beside Chromium's, on the broken and then the fixed server. */
  probe: { run: 'broken' | 'fixed'; chromium: string; probe: string }[];
}

/** A plain-text table: one line per stack, one column per case, the broken run's Chromium code in each cell. */
export function formatMatrix(
  rows: readonly MatrixRow[],
  stackOrder: readonly string[],
  caseOrder: readonly string[],
  /** Why a stack cannot express a case, or undefined when it can. */
  notExpressible: (stack: string, caseId: string) => string | undefined = () => undefined,
): string {
  if (rows.length === 0) return 'fix verification: no rows recorded';
  const ranked = (order: readonly string[], names: string[]): string[] =>
    [...new Set(names)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const stacks = ranked(
    stackOrder,
    rows.map((row) => row.stack),
  );
  const cases = ranked(
    caseOrder,
    rows.map((row) => row.caseId),
  );
  const cell = (stack: string, caseId: string): string => {
    const row = rows.find((r) => r.stack === stack && r.caseId === caseId);
    if (row === undefined) return notExpressible(stack, caseId) === undefined ? '-' : 'not expressible';
    return `${row.verified ? '✔' : '✘'} ${row.code ?? 'no error'}`;
  };
  const lines = [
    ['stack', ...cases].join(' | '),
    ...stacks.map((stack) => [stack, ...cases.map((caseId) => cell(stack, caseId))].join(' | ')),
  ];
  for (const stack of stacks) {
    for (const caseId of cases) {
      const why = notExpressible(stack, caseId);
      if (why !== undefined) lines.push(`not expressible: ${stack} ${caseId}: ${why}`);
    }
  }
  const probed = rows.flatMap((row) => row.probe.map((run) => ({ ...run, cell: `${row.stack} ${row.caseId}` })));
  const differing = probed.filter((run) => run.probe !== run.chromium);
  lines.push(
    `cors-lens probe agrees with Chromium on ${probed.length - differing.length}/${probed.length} runs (broken and fixed servers)`,
  );
  for (const run of differing)
    lines.push(`  probe disagrees: ${run.cell} (${run.run}): Chromium ${run.chromium}, probe ${run.probe}`);
  const verified = rows.filter((row) => row.verified).length;
  const seconds = rows.reduce((sum, row) => sum + row.seconds, 0);
  lines.push(`fix verification: ${verified}/${rows.length} cells verified (${seconds.toFixed(0)} s of test time)`);
  return lines.join('\n');
}
