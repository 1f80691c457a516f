/** The human report of `cors-lens analyze`: a summary line, then each blocked request with its fix. */

import type { StackId } from '../engine';
import { fixRecipes, pageFix, STACKS } from '../engine';
import type { ReportRow } from '../report/index';
import type { Paint } from './colour';
import { type Summary, summaryLine } from './summary';
import { shown, shownLine, shownLines, shownUrl } from './terminal-text';

export interface TerminalReportOptions {
  fileName: string;
  paint: Paint;
  stack: StackId | null;
  /** Also list requests that were not blocked. */
  all: boolean;
}

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');

/** Where the row is in the HAR: ` (entry N)` of its last entry. */
export function where(row: ReportRow): string {
  const entry = row.source?.entries.at(-1);
  return entry === undefined ? '' : ` (entry ${entry})`;
}

/** One blocked request: its line, the summary, the check at fault and (with a stack) the fix. Also the body of CI annotations and JUnit failures. */
export function blockedSection(row: ReportRow, options: Omit<TerminalReportOptions, 'fileName' | 'all'>): string {
  const { paint } = options;
  const { verdict, explanation, exchange } = row;
  const url = row.source?.finalRequest.url ?? exchange.request.url;
  const parameter = verdict.failedParameter ? ` (${shown(verdict.failedParameter)})` : '';
  const lines = [
    `${paint.red('✗')} ${paint.bold(`${shown(exchange.request.method)} ${shownUrl(url)}`)}${paint.dim(where(row))}`,
    `  ${shownLine(explanation.summary)}`,
    `  ${paint.dim(`code ${verdict.code ?? '—'}${parameter}, ${verdict.stage ?? 'request'} stage${verdict.status !== null ? `, HTTP ${verdict.status}` : ''}`)}`,
  ];
  if (verdict.header !== null) {
    const { name, expected, received } = verdict.header;
    lines.push(`  header    ${shown(name)}`);
    lines.push(`  expected  ${paint.green(shown(expected))}`);
    lines.push(`  received  ${received === null ? paint.red('(absent)') : paint.red(shown(received))}`);
  }
  const inPage = pageFix(exchange);
  if (inPage !== null) lines.push(`  ${paint.yellow('fix the page first:')} ${shownLine(inPage.summary)}`);
  if (options.stack !== null) {
    const recipe = fixRecipes(exchange, verdict).find((r) => r.stack === options.stack);
    if (recipe === undefined)
      lines.push(`  fix: no server configuration change fixes this; see the explanation above.`);
    else {
      lines.push(`  fix for ${recipe.label}:`);
      lines.push(indent(shownLines(recipe.snippet), '    '));
      if (recipe.alsoChange !== null) lines.push(`  ${paint.yellow('also change:')} ${shownLine(recipe.alsoChange)}`);
      if (recipe.pitfall !== '') lines.push(`  ${paint.yellow('pitfall:')} ${shownLine(recipe.pitfall)}`);
      if (recipe.notes !== '') lines.push(`  ${paint.dim(shownLine(recipe.notes))}`);
    }
  }
  return lines.join('\n');
}

function otherLine(row: ReportRow, paint: Paint): string {
  const { verdict, explanation, exchange } = row;
  const mark =
    verdict.kind === 'passed' ? paint.green('✓') : verdict.kind === 'network-error' ? paint.red('!') : paint.dim('·');
  const url = row.source?.finalRequest.url ?? exchange.request.url;
  const head = `${mark} ${shown(exchange.request.method)} ${shownUrl(url)}${paint.dim(where(row))}`;
  const advisories = verdict.advisories.map((a) => `    ${paint.yellow('⚠')} ${shownLine(a.message)}`);
  return [head, `    ${shownLine(explanation.summary)}`, ...advisories].join('\n');
}

/** `rows` are the rows to print (blocked ones, and the rest with `all`); `summary` counts every row. */
export function terminalReport(rows: readonly ReportRow[], summary: Summary, options: TerminalReportOptions): string {
  const { paint } = options;
  const head = `${paint.bold(shownUrl(options.fileName))}: ${summaryLine(summary)}`;
  const sections: string[] = [summary.blocked > 0 ? head : `${head} ${paint.green('— nothing blocked')}`];
  for (const row of rows) {
    if (row.verdict.blocked) sections.push(blockedSection(row, options));
    else if (options.all) sections.push(otherLine(row, paint));
  }
  if (summary.blocked > 0 && options.stack === null) {
    sections.push(
      `For the fix on your server, run again with --stack NAME, one of:\n  ${STACKS.map((s) => s.id).join(', ')}`,
    );
  }
  return `${sections.join('\n\n')}\n`;
}
