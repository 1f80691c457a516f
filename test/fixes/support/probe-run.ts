/**
 * `cors-lens probe`'s verdict for the request a fix-verification page makes: the CLI's own function
 * (no build step needed here), from Node, against the same running server.
 */
import { probeExchange } from '../../../src/cli/probe/probe-exchange';
import { sendRequest } from '../../../src/cli/probe/send-request';
import type { HeaderList } from '../../../src/engine';
import type { CorsErrorStatus } from '../../../src/playwright/cdp-recorder';
import type { PageRequest } from './cases';

/** Both verdicts in the same words: `Code 'failedParameter'`, or `passed`. */
export function chromiumWords(chromium: CorsErrorStatus | null): string {
  return chromium === null ? 'passed' : `${chromium.corsError} '${chromium.failedParameter}'`;
}

/**
 * The page's headers in the order Chromium held them (`seen`, the request CDP reported). Chromium
 * checks a preflight's header names in that order, which is its header map's and not the page's,
 * and names the first one refused: given the same order, the probe names the same one.
 */
function inChromiumOrder(headers: PageRequest['headers'], seen: HeaderList): PageRequest['headers'] {
  const position = (name: string) => {
    const index = seen.findIndex(([candidate]) => candidate.toLowerCase() === name.toLowerCase());
    return index < 0 ? seen.length : index;
  };
  return [...headers].sort(([a], [b]) => position(a) - position(b));
}

export async function probeWords(url: string, origin: string, request: PageRequest, seen: HeaderList): Promise<string> {
  const page = {
    url,
    origin,
    method: request.method,
    headers: inChromiumOrder(request.headers, seen),
    credentials: request.credentials === 'include',
  };
  const send = (wire: Parameters<typeof sendRequest>[0]) => sendRequest(wire, { insecure: false, timeoutMs: 10_000 });
  const { verdict } = await probeExchange(page, send, 'cors-lens probe (fix verification)');
  if (verdict.blocked) return `${verdict.code} '${verdict.failedParameter}'`;
  return verdict.kind === 'passed' ? 'passed' : `${verdict.kind} (${verdict.networkError ?? verdict.specStep})`;
}
