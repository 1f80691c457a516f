import type { Exchange, HttpResponse } from '../../engine';
import { safeText } from '../../engine';
import { buildCurl, preflightRequest } from './build-curl';

/** One line of a response head, as comment text: control characters shown escaped, so no line can end early. */
function commentLine(text: string): string {
  return `#   ${safeText(text, 2_000)}`;
}

/**
 * For the server owner: the preflight the browser sends, as a curl command, and the answer the
 * edited exchange gives it, as comment lines under it — the whole text pastes into a shell and
 * runs only curl. Null when the exchange has no preflight answer to show.
 */
export function preflightAnswerText(exchange: Exchange): string | null {
  const request = preflightRequest(exchange);
  const answer: HttpResponse | null = exchange.preflight.kind === 'observed' ? exchange.preflight.response : null;
  if (request === null || answer === null) return null;
  const curl = buildCurl(request, { includeSecrets: false });
  return [
    '# The CORS preflight the browser sends:',
    curl.command,
    '# The answer edited in CORS Lens ("what if"):',
    commentLine(`HTTP/1.1 ${answer.status}${answer.statusText === '' ? '' : ` ${answer.statusText}`}`),
    ...answer.headers.map(([name, value]) => commentLine(`${name}: ${value}`)),
    '',
  ].join('\n');
}
