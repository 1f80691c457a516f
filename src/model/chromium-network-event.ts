/**
 * The three DevTools-protocol Network events precise mode reads, validated from what
 * chrome.debugger delivers (untyped JSON): when a request started and for what, and how Chromium
 * ended it. Everything else a request reports (headers, ExtraInfo) the capture already has from
 * webRequest; only Chromium's own decision is new. Its strings come from the page and the server,
 * so they are cut as the capture cuts them (capture-limits.ts): a record then pairs with its
 * request even past the URL bound, and the panel keeps kilobytes per request, whatever was sent.
 * @see https://chromedevtools.github.io/devtools-protocol/tot/Network/
 */
import { type ChromiumOutcome, capText } from '../engine';
import { MAX_HEADER_CHARS, MAX_URL_CHARS } from './capture-limits';
import { isRecord } from './is-record';

/** CDP's Network request id: not webRequest's (see panel/state/pair-chromium.ts). */
export type CdpRequestId = string;

export type ChromiumNetworkEvent =
  | {
      kind: 'started';
      cdpRequestId: CdpRequestId;
      url: string;
      method: string;
      /** Milliseconds since the epoch (CDP's `wallTime` is in seconds). */
      startedAt: number;
      /** Chromium's own CORS preflight (`initiator.type: 'preflight'`), not a request of the page. */
      preflight: boolean;
    }
  | { kind: 'ended'; cdpRequestId: CdpRequestId; outcome: ChromiumOutcome };

/** The Network methods the reader understands: the ones precise mode has to receive. */
export const CHROMIUM_NETWORK_METHODS = [
  'Network.requestWillBeSent',
  'Network.loadingFinished',
  'Network.loadingFailed',
] as const;

/** A string field, cut to `maxChars` as the capture cuts its own. */
function text(value: unknown, maxChars = MAX_HEADER_CHARS): string | null {
  return typeof value === 'string' ? capText(value, maxChars) : null;
}

function started(params: Record<string, unknown>, cdpRequestId: string): ChromiumNetworkEvent | null {
  // A redirect is another requestWillBeSent with the same id and a `redirectResponse`: the request
  // stays the one that started first, as webRequest's does.
  if (params.redirectResponse !== undefined) return null;
  const request = isRecord(params.request) ? params.request : {};
  const url = text(request.url, MAX_URL_CHARS);
  const method = text(request.method);
  const wallTime = params.wallTime;
  if (url === null || method === null || typeof wallTime !== 'number' || !Number.isFinite(wallTime)) return null;
  const initiator = isRecord(params.initiator) ? params.initiator : {};
  return {
    kind: 'started',
    cdpRequestId,
    url,
    method,
    startedAt: wallTime * 1000,
    preflight: initiator.type === 'preflight',
  };
}

function failed(params: Record<string, unknown>, cdpRequestId: string): ChromiumNetworkEvent | null {
  const status = params.corsErrorStatus;
  if (isRecord(status)) {
    const corsError = text(status.corsError);
    const failedParameter = text(status.failedParameter) ?? '';
    if (corsError === null) return null;
    return { kind: 'ended', cdpRequestId, outcome: { kind: 'blocked', status: { corsError, failedParameter } } };
  }
  const errorText = text(params.errorText);
  if (errorText === null) return null;
  return { kind: 'ended', cdpRequestId, outcome: { kind: 'network-error', errorText } };
}

/**
 * One chrome.debugger event as precise mode reads it; null for any other method, a redirect hop,
 * or params missing what the reader needs (the protocol is not trusted to keep its shape).
 */
export function readChromiumNetworkEvent(method: string, params: unknown): ChromiumNetworkEvent | null {
  if (!isRecord(params)) return null;
  const cdpRequestId = text(params.requestId);
  if (cdpRequestId === null) return null;
  switch (method) {
    case 'Network.requestWillBeSent':
      return started(params, cdpRequestId);
    case 'Network.loadingFinished':
      return { kind: 'ended', cdpRequestId, outcome: { kind: 'passed' } };
    case 'Network.loadingFailed':
      return failed(params, cdpRequestId);
    default:
      return null;
  }
}
