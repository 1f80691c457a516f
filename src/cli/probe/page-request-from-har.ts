/**
 * `cors-lens probe --from-har FILE --entry N`: the request a HAR captured, ready to be made again
 * ("is it fixed now?"). The report reader rebuilds the exchange; its first request gives the
 * method, URL and the page's headers, the engine's reading gives the credentials mode.
 */
import {
  type Exchange,
  getHeader,
  isCorsSafelistedRequestHeader,
  isForbiddenRequestHeader,
  isToken,
  splitHeaderList,
} from '../../engine';
import { analyzeOne, type HarExchange } from '../../report/index';
import { InputError } from '../input-error';
import { loadHar } from '../load-har';
import { pageOrigin, requestMethod, targetUrl } from './probe-args';
import type { PageRequest } from './request-headers';

/** The exchange an entry belongs to: as its request, one of its redirect hops, or its preflight. */
function exchangeAt(records: readonly HarExchange[], entry: number): HarExchange | undefined {
  return records.find((record) => record.entries.includes(entry) || record.preflightEntry === entry);
}

/**
 * Headers Chromium adds that a page may also set: `Priority` (HTTP/2 and 3), `Cache-Control` and
 * `Pragma` (DevTools' "Disable cache"), `Upgrade-Insecure-Requests`, `X-Client-Data`.
 */
const ADDED_BY_THE_BROWSER = new Set([
  'priority',
  'cache-control',
  'pragma',
  'upgrade-insecure-requests',
  'x-client-data',
]);

/**
 * The headers the page set. What the browser adds itself goes (forbidden names, HTTP/2
 * pseudo-headers, `Origin`), and is added again as the probe sends; a `Cookie` stays on a
 * credentialed request. Of the rest, the preflight's Access-Control-Request-Headers lists exactly
 * the page's CORS-unsafe ones; without a preflight in the capture, the browser's usual additions go.
 */
function pageHeaders({ request, preflight }: Exchange, credentials: boolean) {
  const asked =
    preflight.kind === 'observed'
      ? splitHeaderList(getHeader(preflight.request.headers, 'access-control-request-headers') ?? '').map((name) =>
          name.toLowerCase(),
        )
      : null;
  return request.headers.filter(([name, value]) => {
    if (!isToken(name)) return false;
    const lower = name.toLowerCase();
    if (lower === 'cookie') return credentials;
    if (isForbiddenRequestHeader(name, value)) return false;
    if (isCorsSafelistedRequestHeader(lower, value)) return true;
    return asked === null ? !ADDED_BY_THE_BROWSER.has(lower) : asked.includes(lower);
  });
}

export async function pageRequestFromHar(
  file: string,
  entry: number,
  origin: string | undefined,
): Promise<PageRequest> {
  const loaded = await loadHar(file);
  const record = exchangeAt(loaded.records, entry);
  if (record === undefined) {
    throw new InputError(
      `${file}: entry ${entry} is not a request CORS Lens can replay (the log has ${loaded.entryCount} entries; an entry that could not be read has no request)`,
    );
  }
  const { exchange, verdict } = analyzeOne(record);
  const captured = exchange.initiatorOrigin;
  if (origin === undefined && captured === null)
    throw new InputError(`${file}: entry ${entry} does not say which page made it: give --origin`);
  const credentials = verdict.credentials.mode === 'include';
  return {
    url: targetUrl(exchange.request.url),
    origin: pageOrigin(origin ?? (captured as string)),
    method: requestMethod(exchange.request.method),
    headers: pageHeaders(exchange, credentials),
    credentials,
  };
}
