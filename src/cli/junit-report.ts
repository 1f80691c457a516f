/**
 * `cors-lens analyze --format junit`: one JUnit test case per cross-origin request — a failure when
 * the browser blocked it, with the explanation and (given a stack) the fix — for any CI's test report.
 * The shape CI tools read: testsuites > testsuite > testcase > failure, as Ant's JUnit task wrote it.
 */
import type { StackId } from '../engine';
import type { ReportRow } from '../report/index';
import { paint } from './colour';
import { blockedSection, where } from './terminal-report';
import { shown, shownLine, shownUrl } from './terminal-text';

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for an attribute or element. Input strings were escaped for the terminal already (no C0 or
 * C1 control left); XML 1.0 also forbids lone surrogates and U+FFFE/U+FFFF, which become U+FFFD.
 */
function xml(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/[\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

export interface JunitOptions {
  /** What was judged: the HAR file (`analyze`) or the URL (`probe`). */
  fileName: string;
  command: 'analyze' | 'probe';
  stack: StackId | null;
}

function host(row: ReportRow): string {
  const url = row.source?.finalRequest.url ?? row.exchange.request.url;
  return URL.canParse(url) ? new URL(url).host : 'unparsable-url';
}

function testCase(row: ReportRow, options: JunitOptions): string {
  const { verdict, exchange, explanation } = row;
  const url = row.source?.finalRequest.url ?? exchange.request.url;
  const name = `${shown(exchange.request.method)} ${shownUrl(url)}${where(row)}`;
  const head = `    <testcase classname="${xml(`cors-lens.${shownUrl(host(row))}`)}" name="${xml(name)}">`;
  if (verdict.blocked) {
    const body = blockedSection(row, { paint: paint(false), stack: options.stack })
      .split('\n')
      .slice(1)
      .join('\n');
    const failure = `      <failure type="${xml(verdict.code ?? 'blocked')}" message="${xml(shownLine(explanation.summary))}">${xml(body)}</failure>`;
    return [head, failure, '    </testcase>'].join('\n');
  }
  const advisories = verdict.advisories.map((advisory) => `${advisory.code}: ${shownLine(advisory.message)}`);
  if (advisories.length === 0) return `${head.slice(0, -1)} />`;
  return [head, `      <system-out>${xml(advisories.join('\n'))}</system-out>`, '    </testcase>'].join('\n');
}

/** `rows`: every cross-origin request. */
export function junitReport(rows: readonly ReportRow[], options: JunitOptions): string {
  const suite = xml(`cors-lens ${options.command} ${shownUrl(options.fileName)}`);
  const failures = rows.filter((row) => row.verdict.blocked).length;
  const counts = `tests="${rows.length}" failures="${failures}" errors="0" skipped="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cors-lens" ${counts}>`,
    `  <testsuite name="${suite}" ${counts}>`,
    ...rows.map((row) => testCase(row, options)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
