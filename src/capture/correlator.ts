import type { Exchange } from '../engine';
import { getHeader, normalizeMethod, originOf } from '../engine';
import type { CaptureEvent } from '../model/capture-event';
import { IN_FLIGHT_BOUNDS } from '../model/capture-limits';
import type { CapturingBrowser } from '../model/exchange-record';
import type { RequestId } from '../model/ids';
import type { CaptureOutput } from './capture-output';
import { eventBytes } from './estimated-bytes';
import { buildExchange, buildOrphanPreflightExchange, leavesOrigin } from './exchange-builder';
import { applyEvent, isPreflightTrace, newTrace, type RequestTrace } from './request-trace';
import { earliest, pairKey, removeFrom, waitIn } from './waiting-lists';

export interface CorrelatorOptions {
  /** Whose webRequest the events come from: which redirect targets it still reports events for. */
  browser: CapturingBrowser;
  /** A request with no event for this long is finished as it stands (outcome unknown). */
  staleAfterMs: number;
  /** How many finished request ids to remember, so late duplicate events are recognised. */
  finishedIdMemory: number;
  /** Most requests in flight, and most estimated bytes of their events: past either, the oldest go. */
  inFlightBounds: { requests: number; bytes: number };
}

const DEFAULTS: CorrelatorOptions = {
  browser: 'chromium',
  staleAfterMs: 60_000,
  finishedIdMemory: 4_096,
  inFlightBounds: IN_FLIGHT_BOUNDS,
};

/**
 * URL schemes webRequest reports events for, per browser. Chromium: `HasWebRequestScheme` in
 * extensions/browser/api/web_request/web_request_permissions.cc, plus data:, which the network
 * layer refuses at the redirect itself (net::ERR_UNSAFE_REDIRECT arrives). Firefox reports no
 * event for a redirect's ftp: target (measured in test/firefox/firefox-truth-matrix.spec.ts).
 * After a redirect to any other scheme (`myapp:`) the request's remaining events never come.
 */
const REPORTED_SCHEMES: Readonly<Record<CapturingBrowser, RegExp>> = {
  chromium: /^(https?|wss?|ftp|file|filesystem|about|chrome-extension|uuid-in-package|data):/i,
  firefox: /^(https?|wss?|file|about|moz-extension|data):/i,
};

/** Navigations and WebSockets are not CORS requests. */
const NOT_CORS_TYPES = new Set(['main_frame', 'sub_frame', 'websocket']);

/**
 * A load that may only be answered from the cache (Chromium's font loader tries one before it goes
 * to the network) fails with this when the cache has nothing; the page's real request follows.
 */
const CACHE_ONLY_MISS = 'net::ERR_CACHE_MISS';

/** A request that was only a cache-only probe: it failed on a cache miss, with no response. */
function isCacheOnlyProbe(trace: RequestTrace): boolean {
  return (
    trace.end?.kind === 'error' &&
    trace.end.error === CACHE_ONLY_MISS &&
    trace.pendingResponse === null &&
    trace.redirects.length === 0
  );
}

/**
 * Turns normalised webRequest events into exchanges. Pairs each preflight with its actual request
 * by tab, URL, origin and Access-Control-Request-Method — never by request-id arithmetic — and
 * copes with events that arrive twice, out of order, or stop arriving.
 */
export class Correlator {
  readonly #options: CorrelatorOptions;
  readonly #traces = new Map<RequestId, RequestTrace>();
  readonly #preflightOf = new Map<RequestId, RequestId>();
  readonly #actualOf = new Map<RequestId, RequestId>();
  readonly #finished = new Set<RequestId>();
  /** Requests rebuilt by `replay` that have seen no event since. */
  readonly #restored = new Set<RequestId>();
  /**
   * Unpaired preflights and requests, by what pairing compares first (tab, URL and the method:
   * a preflight's Access-Control-Request-Method), so pairing looks at a handful of candidates
   * instead of every request in flight — a busy page has hundreds.
   */
  readonly #waitingPreflights = new Map<string, RequestTrace[]>();
  readonly #waitingRequests = new Map<string, RequestTrace[]>();
  /**
   * Requests a redirect took to a new URL, by tab, method and that URL: a preflighted request is
   * preflighted again there, and that preflight belongs to the redirect (`RedirectHop.nextPreflight`).
   */
  readonly #redirected = new Map<string, RequestTrace[]>();
  /** Where each request waits in `#redirected`, so leaving costs one lookup, not a scan. */
  readonly #redirectedKeyOf = new Map<RequestId, string>();
  /** A request's preflights sent after its redirects, in order. */
  readonly #hopPreflightsOf = new Map<RequestId, RequestTrace[]>();
  /** Estimated bytes of the events each request in flight has seen, and their sum. */
  readonly #bytesOf = new Map<RequestId, number>();
  #inFlightBytes = 0;

  constructor(options: Partial<CorrelatorOptions> = {}) {
    this.#options = { ...DEFAULTS, ...options };
  }

  /** Requests still in flight, for memory accounting. */
  get inFlight(): number {
    return this.#traces.size;
  }

  /** Estimated bytes of what the requests in flight hold. */
  get inFlightBytes(): number {
    return this.#inFlightBytes;
  }

  /**
   * Rebuilds the requests a previous worker life had in flight from their events, oldest first.
   * They count as restored (see `finishRestored`) until an event of this life arrives for them.
   */
  replay(events: readonly CaptureEvent[]): CaptureOutput[] {
    const out = events.flatMap((event) => this.ingest(event));
    for (const requestId of this.#traces.keys()) this.#restored.add(requestId);
    return out;
  }

  /** True while `requestId` is in flight: its events are still needed to finish it. */
  has(requestId: RequestId): boolean {
    return this.#traces.has(requestId);
  }

  /**
   * Folds in one event; returns what it finished, and the requests dropped to keep what is in
   * flight within `inFlightBounds`: requests that never end (a page can start any number that
   * hang) must not grow the worker without bound.
   */
  ingest(event: CaptureEvent): CaptureOutput[] {
    const out = this.#ingest(event);
    const bounds = this.#options.inFlightBounds;
    while (this.#traces.size > bounds.requests || this.#inFlightBytes > bounds.bytes) {
      // Maps iterate in insertion order: the first trace is the one in flight longest.
      const oldest = this.#traces.values().next().value;
      if (oldest === undefined) break;
      out.push(this.#dropUnfinished(oldest));
    }
    return out;
  }

  #ingest(event: CaptureEvent): CaptureOutput[] {
    this.#restored.delete(event.requestId);
    if (this.#finished.has(event.requestId)) return [];
    if ((event.kind === 'send-headers' || event.kind === 'error') && NOT_CORS_TYPES.has(event.resourceType)) {
      this.#remember(event.requestId);
      return [];
    }
    let trace = this.#traces.get(event.requestId);
    if (trace === undefined) {
      // Only these can open a request: a response or completion for an id never seen is a stray.
      if (event.kind !== 'send-headers' && event.kind !== 'error') return [];
      trace = newTrace(event);
      this.#traces.set(event.requestId, trace);
    }
    const hopsBefore = trace.redirects.length;
    applyEvent(trace, event);
    const bytes = eventBytes(event);
    this.#bytesOf.set(trace.requestId, (this.#bytesOf.get(trace.requestId) ?? 0) + bytes);
    this.#inFlightBytes += bytes;
    if (trace.redirects.length > hopsBefore && !isPreflightTrace(trace)) this.#waitForHopPreflight(trace);
    // What pairing compares (URL, method, origin, Access-Control-Request-Method) is all known once
    // a request's headers are sent or it failed; later events cannot make a pair, so they skip the
    // scan over requests in flight.
    if (event.kind === 'send-headers' || event.kind === 'error') this.#pair(trace);
    const reported = REPORTED_SCHEMES[this.#options.browser];
    if (event.kind === 'redirect' && !reported.test(event.redirectUrl) && !isPreflightTrace(trace)) {
      // Nothing more will come for this request: judge it as it stands (the redirect decides).
      return this.#finish(trace);
    }
    return this.#finishIfDone(trace);
  }

  /** Finishes every request that has been silent for longer than `staleAfterMs` before `now`. */
  sweep(now: number): CaptureOutput[] {
    const out: CaptureOutput[] = [];
    for (const trace of [...this.#traces.values()]) {
      if (!this.#traces.has(trace.requestId) || now - trace.lastEventAt < this.#options.staleAfterMs) continue;
      if (isPreflightTrace(trace) && !this.#actualOf.has(trace.requestId)) {
        out.push(...this.#emit(trace.requestId, null, buildOrphanPreflightExchange(trace), trace));
        continue;
      }
      const actual = isPreflightTrace(trace) ? this.#traces.get(this.#actualOf.get(trace.requestId) ?? '') : trace;
      if (actual !== undefined) out.push(...this.#finish(actual));
    }
    return out;
  }

  /**
   * Finishes, as they stand, the restored requests that have seen no event since `restore`.
   * When the browser stops a worker abruptly it can drop the events being delivered to it
   * (measured with a forced stop, see test/e2e/capture.spec.ts); those requests would otherwise
   * wait for events that never come. The engine still judges the headers that were seen.
   */
  finishRestored(): CaptureOutput[] {
    const out: CaptureOutput[] = [];
    for (const requestId of [...this.#restored]) {
      this.#restored.delete(requestId);
      const trace = this.#traces.get(requestId);
      if (trace === undefined || isPreflightTrace(trace)) continue;
      out.push(...this.#finish(trace));
    }
    // Preflights whose request never showed up are reported on their own.
    for (const trace of [...this.#traces.values()]) {
      if (isPreflightTrace(trace) && !this.#actualOf.has(trace.requestId) && trace.end !== null) {
        out.push(...this.#emit(trace.requestId, null, buildOrphanPreflightExchange(trace), trace));
      }
    }
    return out;
  }

  /**
   * Forgets every request in flight without finishing it, and returns their ids. For pausing
   * capture: their remaining events will never arrive, and judged as they stand they would read as
   * blocked (a response without its completion looks like a block). Late events of theirs that were
   * already on their way are recognised as finished and ignored.
   */
  abandonInFlight(): RequestId[] {
    const requestIds = [...this.#traces.keys()];
    for (const requestId of requestIds) this.#drop(requestId);
    this.#restored.clear();
    return requestIds;
  }

  #pair(trace: RequestTrace): void {
    if (isPreflightTrace(trace)) {
      if (this.#actualOf.has(trace.requestId)) return;
      const key = pairKey(trace.tabId, trace.url, trace.askedMethod ?? '');
      const actual = earliest(this.#waitingRequests.get(key), (candidate) => this.#pairable(candidate, trace));
      if (actual !== undefined) {
        this.#link(actual, trace);
        return;
      }
      const redirected = earliest(this.#redirected.get(key), () => true);
      if (redirected === undefined) waitIn(this.#waitingPreflights, key, trace);
      else this.#linkHop(redirected, trace);
      return;
    }
    if (this.#preflightOf.has(trace.requestId)) return;
    const key = pairKey(trace.tabId, trace.url, normalizeMethod(trace.method));
    // A page may send OPTIONS itself (fetch(url, {method: 'OPTIONS'}) is preflighted like any
    // unsafe method); a preflight is told apart by its Access-Control-Request-Method, which this lacks.
    const preflight = earliest(this.#waitingPreflights.get(key), (candidate) => this.#pairable(trace, candidate));
    if (preflight === undefined) waitIn(this.#waitingRequests, key, trace);
    else this.#link(trace, preflight);
  }

  /** After a redirect, the request waits at its new URL for the preflight sent again there. */
  #waitForHopPreflight(trace: RequestTrace): void {
    this.#stopWaitingRedirected(trace);
    const key = pairKey(trace.tabId, trace.currentUrl, normalizeMethod(trace.currentMethod));
    waitIn(this.#redirected, key, trace);
    this.#redirectedKeyOf.set(trace.requestId, key);
  }

  #linkHop(actual: RequestTrace, preflight: RequestTrace): void {
    this.#stopWaitingRedirected(actual);
    this.#stopWaiting(preflight);
    this.#actualOf.set(preflight.requestId, actual.requestId);
    const list = this.#hopPreflightsOf.get(actual.requestId) ?? [];
    list.push(preflight);
    this.#hopPreflightsOf.set(actual.requestId, list);
  }

  #stopWaitingRedirected(trace: RequestTrace): void {
    const key = this.#redirectedKeyOf.get(trace.requestId);
    if (key === undefined) return;
    removeFrom(this.#redirected, key, trace);
    this.#redirectedKeyOf.delete(trace.requestId);
  }

  #link(actual: RequestTrace, preflight: RequestTrace): void {
    this.#stopWaiting(actual);
    this.#stopWaiting(preflight);
    this.#preflightOf.set(actual.requestId, preflight.requestId);
    this.#actualOf.set(preflight.requestId, actual.requestId);
  }

  #stopWaiting(trace: RequestTrace): void {
    const method = isPreflightTrace(trace) ? (trace.askedMethod ?? '') : normalizeMethod(trace.method);
    const waiting = isPreflightTrace(trace) ? this.#waitingPreflights : this.#waitingRequests;
    removeFrom(waiting, pairKey(trace.tabId, trace.url, method), trace);
  }

  /** Beyond tab, URL and method (the index key): same origin, and the request not already done. */
  #pairable(actual: RequestTrace, preflight: RequestTrace): boolean {
    return (
      actual.end?.kind !== 'completed' &&
      (actual.initiator === null || preflight.origin === null || originOf(actual.initiator) === preflight.origin)
    );
  }

  #finishIfDone(trace: RequestTrace): CaptureOutput[] {
    if (isPreflightTrace(trace)) {
      const actual = this.#traces.get(this.#actualOf.get(trace.requestId) ?? '');
      return actual === undefined ? [] : this.#finishIfDone(actual);
    }
    if (trace.end === null) return [];
    const preflight = this.#traces.get(this.#preflightOf.get(trace.requestId) ?? '');
    // The browser ends the preflight before it sends (or gives up on) the actual request;
    // if the preflight's last events are still on their way, wait for them.
    if (preflight !== undefined && preflight.end === null) return [];
    if (this.#hopPreflights(trace).some((hop) => hop.end === null)) return [];
    return this.#finish(trace);
  }

  #hopPreflights(actual: RequestTrace): RequestTrace[] {
    return this.#hopPreflightsOf.get(actual.requestId) ?? [];
  }

  #finish(actual: RequestTrace): CaptureOutput[] {
    const preflight = this.#traces.get(this.#preflightOf.get(actual.requestId) ?? '') ?? null;
    const hopPreflights = this.#hopPreflights(actual);
    for (const hop of hopPreflights) this.#drop(hop.requestId);
    if (isCacheOnlyProbe(actual)) {
      this.#drop(actual.requestId);
      return [{ kind: 'same-origin', tabId: actual.tabId, requestIds: [actual.requestId] }];
    }
    return this.#emit(actual.requestId, preflight, buildExchange(actual, preflight, hopPreflights), actual);
  }

  #emit(requestId: RequestId, preflight: RequestTrace | null, built: Exchange, trace: RequestTrace): CaptureOutput[] {
    // Firefox's webRequest joins repeated response header lines into one.
    const exchange = this.#options.browser === 'firefox' ? { ...built, headerLinesMerged: true } : built;
    this.#drop(requestId);
    if (preflight !== null) this.#drop(preflight.requestId);
    // A document with an opaque origin (a sandboxed frame) has no origin URL in Firefox's events:
    // the Origin its requests carry says it, `null`, which is cross-origin with everything.
    const origin = exchange.initiatorOrigin ?? getHeader(exchange.request.headers, 'origin');
    if (origin === null || !leavesOrigin(origin, exchange)) {
      const requestIds = preflight === null ? [requestId] : [requestId, preflight.requestId];
      return [{ kind: 'same-origin', tabId: trace.tabId, requestIds }];
    }
    return [
      {
        kind: 'exchange',
        captured: {
          requestId,
          preflightRequestId: preflight?.requestId ?? null,
          tabId: trace.tabId,
          startedAt: Math.min(trace.startedAt, preflight?.startedAt ?? trace.startedAt),
          endedAt: Math.max(trace.lastEventAt, preflight?.lastEventAt ?? 0),
          exchange,
        },
      },
    ];
  }

  /** Drops `trace` unfinished, with the request it belongs to and that request's preflights. */
  #dropUnfinished(trace: RequestTrace): CaptureOutput {
    const actual = this.#traces.get(this.#actualOf.get(trace.requestId) ?? '') ?? trace;
    const group = [
      actual.requestId,
      this.#preflightOf.get(actual.requestId) ?? actual.requestId,
      ...this.#hopPreflights(actual).map((hop) => hop.requestId),
      trace.requestId,
    ];
    const requestIds = [...new Set(group)].filter((requestId) => this.#traces.has(requestId));
    for (const requestId of requestIds) this.#drop(requestId);
    return { kind: 'dropped', tabId: trace.tabId, requestIds };
  }

  #drop(requestId: RequestId): void {
    this.#inFlightBytes -= this.#bytesOf.get(requestId) ?? 0;
    this.#bytesOf.delete(requestId);
    const trace = this.#traces.get(requestId);
    if (trace !== undefined) {
      this.#stopWaiting(trace);
      this.#stopWaitingRedirected(trace);
    }
    this.#hopPreflightsOf.delete(requestId);
    this.#traces.delete(requestId);
    const preflightId = this.#preflightOf.get(requestId);
    if (preflightId !== undefined) this.#actualOf.delete(preflightId);
    this.#preflightOf.delete(requestId);
    const actualId = this.#actualOf.get(requestId);
    if (actualId !== undefined && this.#preflightOf.get(actualId) === requestId) this.#preflightOf.delete(actualId);
    this.#actualOf.delete(requestId);
    this.#remember(requestId);
  }

  #remember(requestId: RequestId): void {
    this.#finished.add(requestId);
    if (this.#finished.size > this.#options.finishedIdMemory) {
      // Sets iterate in insertion order: the first entry is the oldest.
      const oldest = this.#finished.values().next().value;
      if (oldest !== undefined) this.#finished.delete(oldest);
    }
  }
}
