/**
 * `cors-lens probe --from-har FILE --entry N`: the request a HAR captured, ready to be made again
 * ("is it fixed now?"). The report reader rebuilds the exchange; its first request gives the
 * method, URL and the page's headers, the engine's reading gives the credentials mode.
 */
import { isForbiddenRequestHeader, isToken } from '../../engine';
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
 * The headers the page set: what the browser adds itself (forbidden names, HTTP/2 pseudo-headers,
 * `Origin`) goes, and is added again as the probe sends; a `Cookie` stays on a credentialed request.
 */
function pageHeaders(headers: HarExchange['exchange']['request']['headers'], credentials: boolean) {
  return headers.filter(([name, value]) => {
    if (!isToken(name)) return false;
    if (name.toLowerCase() === 'cookie') return credentials;
    return !isForbiddenRequestHeader(name, value);
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
    headers: pageHeaders(exchange.request.headers, credentials),
    credentials,
  };
}
