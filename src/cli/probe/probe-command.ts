/**
 * `cors-lens probe`: makes the request, then reports it exactly as `analyze` reports a captured
 * one (the same rows, summary, required-vs-received table, fix and formats), after a short account
 * of what went on the wire.
 */
import { version } from '../../../package.json' with { type: 'json' };
import { explain, isSameOrigin } from '../../engine';
import { entryReports, jsonReport, type ReportRow } from '../../report/index';
import type { Command } from '../args';
import { paint, shouldColour } from '../colour';
import { githubAnnotations } from '../github-annotations';
import { junitReport } from '../junit-report';
import type { CliIo } from '../run';
import { safeJson } from '../safe-json';
import { addToSummary, emptySummary } from '../summary';
import { terminalReport } from '../terminal-report';
import { shownLine, shownUrl } from '../terminal-text';
import { pageRequestFromHar } from './page-request-from-har';
import { type ProbeResult, probeExchange } from './probe-exchange';
import type { PageRequest } from './request-headers';
import { sendRequest } from './send-request';
import { wireAccount, wireSteps } from './wire-account';

type ProbeCommand = Extract<Command, { name: 'probe' }>;

export const PROBE_USER_AGENT = `cors-lens/${version} (probe)`;

/** Exit codes: see USAGE in args.ts. */
const EXIT_PASSED = 0;
const EXIT_BLOCKED = 1;
const EXIT_FAILED = 2;

function rowOf(page: PageRequest, result: ProbeResult, json: boolean): ReportRow {
  const { exchange, verdict, steps } = result;
  // JSON cuts its entry reports by position: here, the position of each request in the order sent.
  const requests = steps.flatMap((step, index) => (step.role === 'request' ? [index] : []));
  const last = steps.filter((step) => step.role === 'request').at(-1)?.request ?? exchange.request;
  const source = {
    entries: requests,
    preflightEntry: exchange.preflight.kind === 'observed' ? 0 : null,
    finalRequest: { url: last.url, method: last.method },
  };
  return {
    exchange,
    verdict,
    explanation: explain(verdict, exchange),
    crossOrigin: page.origin === 'null' || !isSameOrigin(page.origin, page.url),
    blocked: verdict.blocked,
    startedDateTime: null,
    // The human formats print the wire account instead of HAR entry numbers.
    source: json ? source : null,
  };
}

function output(command: ProbeCommand, page: PageRequest, result: ProbeResult, io: CliIo): string {
  const row = rowOf(page, result, command.format === 'json');
  const summary = emptySummary();
  addToSummary(summary, row);
  const { stack } = command;
  switch (command.format) {
    case 'json': {
      const probe = { url: page.url, origin: page.origin, method: page.method, credentials: page.credentials };
      const { entries } = jsonReport(entryReports([row]));
      return `${safeJson({ probe, requests: wireSteps(result.steps), entries })}\n`;
    }
    case 'github':
      return githubAnnotations(row.verdict.blocked || row.verdict.advisories.length > 0 ? [row] : [], summary, {
        fileName: page.url,
        stack,
      });
    case 'junit':
      return junitReport(row.crossOrigin ? [row] : [], { fileName: page.url, stack, command: 'probe' });
    case 'text': {
      const colours = paint(shouldColour(io.stdoutIsTTY, io.env, command.colour));
      const report = terminalReport([row], summary, { fileName: page.url, paint: colours, stack, all: true });
      return `${wireAccount(page, result.steps, colours)}\n${report}`;
    }
  }
}

export async function probeCommand(command: ProbeCommand, io: CliIo): Promise<number> {
  const { source } = command;
  const page =
    source.kind === 'arguments' ? source.request : await pageRequestFromHar(source.file, source.entry, source.origin);
  const options = { insecure: command.insecure, timeoutMs: command.timeoutMs };
  const result = await probeExchange(page, (request) => sendRequest(request, options), PROBE_USER_AGENT);
  io.stdout.write(output(command, page, result, io));
  const { verdict } = result;
  if (verdict.blocked) return EXIT_BLOCKED;
  if (verdict.kind === 'passed' || verdict.kind === 'not-cors') return EXIT_PASSED;
  io.stderr.write(`cors-lens: ${shownLine(failureLine(result))}\n`);
  return EXIT_FAILED;
}

/** Chromium's names for failing before any HTTP exchange: no connection, name, route or TLS session. */
const CONNECT_FAILURES =
  /^net::ERR_(CONNECTION_REFUSED|CONNECTION_FAILED|NAME_NOT_RESOLVED|ADDRESS_|TIMED_OUT|CERT_|SSL_)/;

/** Why there is no verdict to exit 0 or 1 with: a network failure (which request, Chromium's name, Node's words). */
function failureLine({ verdict, steps, exchange }: ProbeResult): string {
  if (verdict.kind !== 'network-error') return `no verdict for this request (${verdict.specStep})`;
  const failed = steps.find((step) => step.error !== null);
  const request = failed?.request ?? exchange.request;
  const what = `${request.method} ${shownUrl(request.url)}`;
  const detail = failed?.errorDetail ? ` (${failed.errorDetail})` : '';
  // Nothing answered at all: the probe never reached the server, which is not a verdict on its CORS.
  const reached = steps.some((step) => step.response !== null);
  const head =
    reached || !CONNECT_FAILURES.test(verdict.networkError ?? '')
      ? `${what} failed on the network`
      : `could not connect: ${what}`;
  const hint = verdict.networkError?.startsWith('net::ERR_CERT_') ? '; --insecure accepts any certificate' : '';
  return `${head}: ${verdict.networkError ?? 'network error'}${detail}${hint}`;
}
