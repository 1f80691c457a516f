/**
 * What the probe sent and what came back, request by request: a few lines before the text report,
 * and the `requests` array of the JSON output. Every server-controlled string is escaped for the
 * terminal (the JSON writer escapes its own).
 */
import { getHeader, type HeaderList } from '../../engine';
import type { Paint } from '../colour';
import { shown, shownUrl } from '../terminal-text';
import type { WireStep } from './probe-exchange';
import type { PageRequest } from './request-headers';

/** The request headers that make a request a CORS request or a preflight, in the order shown. */
const CORS_REQUEST_HEADERS = ['origin', 'access-control-request-method', 'access-control-request-headers'] as const;
const HEADER_LABELS: Readonly<Record<(typeof CORS_REQUEST_HEADERS)[number], string>> = {
  origin: 'Origin',
  'access-control-request-method': 'Access-Control-Request-Method',
  'access-control-request-headers': 'Access-Control-Request-Headers',
};

function corsHeaders(headers: HeaderList): string {
  return CORS_REQUEST_HEADERS.flatMap((name) => {
    const value = getHeader(headers, name);
    return value === null ? [] : [`${HEADER_LABELS[name]}: ${shown(value)}`];
  }).join(', ');
}

function answer(step: WireStep, paint: Paint): string {
  if (!step.sent) return paint.dim('not sent: its preflight failed');
  if (step.response === null) return paint.red(`${step.error ?? 'network error'} (${shown(step.errorDetail ?? '')})`);
  const { status, statusText, headers } = step.response;
  const location = getHeader(headers, 'location');
  return `${status} ${shown(statusText)}${location === null ? '' : `, Location: ${shownUrl(location)}`}`;
}

/** The lines the text report starts with. */
export function wireAccount(page: PageRequest, steps: readonly WireStep[], paint: Paint): string {
  const credentials = page.credentials ? "credentials 'include'" : 'no credentials';
  const lines = [
    paint.bold(`probe ${shown(page.method)} ${shownUrl(page.url)} from ${shownUrl(page.origin)}, ${credentials}`),
  ];
  for (const step of steps) {
    const { method, url, headers } = step.request;
    const sent = corsHeaders(headers);
    const label = step.role === 'preflight' ? ' (preflight)' : '';
    lines.push(`  → ${shown(method)} ${shownUrl(url)}${label}${sent === '' ? '' : paint.dim(`  ${sent}`)}`);
    lines.push(`    ← ${answer(step, paint)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON form: each request as sent and its answer, header lines in wire order. */
export function wireSteps(steps: readonly WireStep[]) {
  return steps.map((step, index) => ({
    index,
    role: step.role,
    sent: step.sent,
    method: step.request.method,
    url: step.request.url,
    requestHeaders: step.request.headers,
    status: step.response?.status ?? null,
    responseHeaders: step.response?.headers ?? null,
    error: step.error,
    errorDetail: step.errorDetail,
  }));
}
