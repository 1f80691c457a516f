/**
 * Records what Chromium's DevTools protocol reports about a page's requests, grouped by request id:
 * the Network events (with the wire headers of the ExtraInfo events) and Chromium's own CORS
 * verdicts (`Network.loadingFailed.corsErrorStatus`, and the Audits domain's CorsIssues).
 * cdp-exchange.ts turns one request's events into the engine's `Exchange`.
 */
import type { CDPSession } from '@playwright/test';
import type { CorsErrorStatus } from '../engine';

/** CDP headers: one value per name, duplicate lines joined with "\n". */
export type CdpHeaders = Record<string, string>;

/** The parts of the CDP Network events this builder reads (see the DevTools protocol's Network domain). */
export interface CdpResponse {
  url: string;
  status: number;
  statusText: string;
  headers: CdpHeaders;
}

export interface RequestWillBeSent {
  requestId: string;
  request: { url: string; method: string; headers: CdpHeaders };
  initiator: { type: string; requestId?: string; url?: string };
  redirectResponse?: CdpResponse;
  type?: string;
  /** The URL of the document the request was made for: its origin is the request's initiator origin. */
  documentURL?: string;
  /** When the request started, in seconds since the epoch. */
  wallTime?: number;
}

export interface RequestWillBeSentExtraInfo {
  requestId: string;
  headers: CdpHeaders;
}

export interface ResponseReceivedExtraInfo {
  requestId: string;
  statusCode: number;
  headers: CdpHeaders;
  headersText?: string;
}

export interface ResponseReceived {
  requestId: string;
  response: CdpResponse;
}

/** Chromium's `corsErrorStatus`; its one home is the engine, beside the agreement check that reads it. */
export type { CorsErrorStatus };

export interface LoadingFailed {
  requestId: string;
  errorText: string;
  corsErrorStatus?: CorsErrorStatus;
}

/** Everything CDP said about one request id, each list in arrival order. */
export interface CdpRequestEvents {
  requestId: string;
  /** One per hop: the first, then one per followed redirect (with `redirectResponse`). */
  willBeSent: RequestWillBeSent[];
  willBeSentExtraInfo: RequestWillBeSentExtraInfo[];
  /** One per response that reached the network service, redirects included. */
  responseExtraInfo: ResponseReceivedExtraInfo[];
  responseReceived: ResponseReceived[];
  finished: boolean;
  failed: LoadingFailed | null;
}

const NETWORK_EVENTS = [
  'requestWillBeSent',
  'requestWillBeSentExtraInfo',
  'responseReceived',
  'responseReceivedExtraInfo',
  'loadingFinished',
  'loadingFailed',
] as const;

type NetworkEventName = (typeof NETWORK_EVENTS)[number];

/** Where each Network event goes in its request's entry (each carries a requestId; the name says its type). */
const RECORD_EVENT: Record<NetworkEventName, (entry: CdpRequestEvents, event: { requestId: string }) => void> = {
  requestWillBeSent: (entry, event) => entry.willBeSent.push(event as RequestWillBeSent),
  requestWillBeSentExtraInfo: (entry, event) => entry.willBeSentExtraInfo.push(event as RequestWillBeSentExtraInfo),
  responseReceived: (entry, event) => entry.responseReceived.push(event as ResponseReceived),
  responseReceivedExtraInfo: (entry, event) => entry.responseExtraInfo.push(event as ResponseReceivedExtraInfo),
  loadingFinished: (entry) => {
    entry.finished = true;
  },
  loadingFailed: (entry, event) => {
    entry.failed = event as LoadingFailed;
  },
};

/** The part of an `Audits.issueAdded` event this recorder reads. */
interface IssueAdded {
  issue: {
    code: string;
    details: { corsIssueDetails?: { corsErrorStatus: CorsErrorStatus; request: { url: string; requestId?: string } } };
  };
}

/**
 * Records the Network events of a page CDP session (with `Network.enable` sent), grouped by
 * request id, and the CORS issues of the Audits domain (with `Audits.enable` sent): a request the
 * renderer refuses before it reaches the network (mode `same-origin` to another origin) has no
 * Network events, and Chromium's verdict for it is only in its CorsIssue.
 */
export class CdpRecorder {
  readonly #requests = new Map<string, CdpRequestEvents>();
  readonly #corsIssues: { url: string; requestId: string | undefined; status: CorsErrorStatus }[] = [];

  constructor(session: CDPSession) {
    for (const name of NETWORK_EVENTS) {
      // Each event carries a requestId; RECORD_EVENT narrows by name.
      session.on(`Network.${name}`, (event: { requestId: string }) => this.record(name, event));
    }
    session.on('Audits.issueAdded', (event: IssueAdded) => {
      const details = event.issue.details.corsIssueDetails;
      if (event.issue.code !== 'CorsIssue' || details === undefined) return;
      this.#corsIssues.push({
        url: details.request.url,
        requestId: details.request.requestId,
        status: details.corsErrorStatus,
      });
    });
  }

  /** Chromium's CORS verdict for `url` from a CorsIssue with no network request behind it. */
  unsentCorsIssue(url: string): CorsErrorStatus | undefined {
    return this.#corsIssues.find((issue) => issue.url === url && issue.requestId === undefined)?.status;
  }

  record(name: NetworkEventName, event: { requestId: string }): void {
    RECORD_EVENT[name](this.#entry(event.requestId), event);
  }

  #entry(requestId: string): CdpRequestEvents {
    let entry = this.#requests.get(requestId);
    if (entry === undefined) {
      entry = {
        requestId,
        willBeSent: [],
        willBeSentExtraInfo: [],
        responseExtraInfo: [],
        responseReceived: [],
        finished: false,
        failed: null,
      };
      this.#requests.set(requestId, entry);
    }
    return entry;
  }

  /** Every request the page made itself (no preflights), in the order CDP first reported them. */
  pageRequests(): CdpRequestEvents[] {
    return [...this.#requests.values()].filter((entry) => {
      const first = entry.willBeSent[0];
      return first !== undefined && first.initiator.type !== 'preflight';
    });
  }

  /** The page's own request (not a preflight) whose first hop asked for `url`. */
  requestFor(url: string): CdpRequestEvents | undefined {
    for (const entry of this.#requests.values()) {
      const first = entry.willBeSent[0];
      if (first !== undefined && first.initiator.type !== 'preflight' && first.request.url === url) return entry;
    }
    return undefined;
  }

  /** The preflight Chromium sent for the request `requestId`, if any. */
  preflightOf(requestId: string): CdpRequestEvents | undefined {
    return this.preflightsOf(requestId)[0];
  }

  /**
   * Every preflight Chromium sent for the request `requestId`, oldest first: one for its URL, and
   * one more for each URL a redirect took it to while it still needed one.
   */
  preflightsOf(requestId: string): CdpRequestEvents[] {
    return [...this.#requests.values()].filter((entry) => {
      const first = entry.willBeSent[0];
      return first?.initiator.type === 'preflight' && first.initiator.requestId === requestId;
    });
  }
}

/** True once CDP has said how the request ended. */
export function isSettled(events: CdpRequestEvents): boolean {
  return events.finished || events.failed !== null;
}

/** How many ExtraInfo events (wire headers) CDP delivered for the request: they arrive on their own path. */
export function extraInfoCount(events: CdpRequestEvents): number {
  return events.willBeSentExtraInfo.length + events.responseExtraInfo.length;
}

/** Chromium's own CORS verdict for the request, or null when it reported none. */
export function chromiumVerdict(events: CdpRequestEvents): CorsErrorStatus | null {
  return events.failed?.corsErrorStatus ?? null;
}
