/**
 * The input of the verdict engine: one cross-origin exchange as it was observed on the wire.
 * Everything is plain data (strings, numbers, arrays) so the engine needs no URL, DOM or
 * browser API, and an exchange can come from webRequest, a HAR file or a test table alike.
 */

/** Header fields in wire order. Names keep the case they were seen with; duplicates stay separate entries. */
export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

/** The request's credentials mode; `unknown` when the capture could not tell (webRequest never says). */
export type CredentialsMode = 'omit' | 'same-origin' | 'include' | 'unknown';

/** The request's mode; webRequest does not report it either, so `unknown` is common. */
export type FetchMode = 'cors' | 'no-cors' | 'same-origin' | 'navigate' | 'websocket' | 'unknown';

/** webRequest's resource types, plus `fetch` for HAR sources that distinguish it. */
export type ResourceType =
  | 'xmlhttprequest'
  | 'fetch'
  | 'image'
  | 'script'
  | 'stylesheet'
  | 'font'
  | 'media'
  | 'ping'
  | 'websocket'
  | 'main_frame'
  | 'sub_frame'
  | 'other';

/** The IP address space of an endpoint, for Local Network Access (formerly Private Network Access). */
export type AddressSpace = 'public' | 'private' | 'local' | 'unknown';

export interface HttpRequest {
  /** Absolute URL as requested. May be malformed: the engine copes. */
  url: string;
  method: string;
  headers: HeaderList;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
}

/** What became of the CORS preflight for this request. */
export type PreflightObservation =
  /** No preflight was needed, or none was expected (e.g. a simple request). */
  | { kind: 'none' }
  /** No OPTIONS was seen although the request needed one: a cached preflight result may have been used. */
  | { kind: 'maybe-cached' }
  /** The OPTIONS request was seen; `response` is null when it ended in a network error (`error`). */
  | { kind: 'observed'; request: HttpRequest; response: HttpResponse | null; error: string | null };

/** One redirect of the actual request: what was requested at that step and the 3xx that answered it. */
export interface RedirectHop {
  request: HttpRequest;
  response: HttpResponse;
  /**
   * The CORS preflight the browser sent for the request this redirect led to (a preflighted
   * request that is redirected is preflighted again at its new URL); absent when none was seen.
   */
  nextPreflight?: PreflightObservation;
  /**
   * The browser did not follow this 3xx: the request ended here (its CORS check or its Location
   * failed, or the redirect mode refused it). Only the last hop can be refused.
   */
  refused?: boolean;
}

/** What the browser was seen to do with the request, independent of what the engine will decide. */
export type ObservedOutcome =
  /** The browser failed the request without a network cause (Chromium: `net::ERR_FAILED` after a response or preflight). */
  | 'blocked'
  /** The response reached the page. */
  | 'succeeded'
  /** A network-level failure: connection refused, DNS, TLS, aborted, … (`networkError` says which). */
  | 'network-error'
  | 'unknown';

export interface Exchange {
  /** Serialized origin of the document that made the request (`http://localhost:3000`), `null` when opaque, or unknown. */
  initiatorOrigin: string | null;
  /** The first request as it went on the wire (for a blocked preflighted request: as it would have). */
  request: HttpRequest;
  resourceType: ResourceType;
  credentialsMode: CredentialsMode;
  mode: FetchMode;
  preflight: PreflightObservation;
  /** Redirects of the actual request, in order. The final request's URL is the last hop's `Location`. */
  redirects: readonly RedirectHop[];
  /** The final response, or null when none arrived. */
  response: HttpResponse | null;
  /** The browser's network error name when the request failed (`net::ERR_FAILED`, `NS_ERROR_DOM_BAD_URI`, `net::ERR_CONNECTION_REFUSED`, …). */
  networkError: string | null;
  outcome: ObservedOutcome;
  /** Address spaces for Local Network Access, when the capture knows them. */
  addressSpaces?: { initiator: AddressSpace; target: AddressSpace };
  /**
   * The capture joined repeated response header lines into one, comma-separated (Firefox's
   * webRequest does): a comma in a value may have been two lines.
   */
  headerLinesMerged?: boolean;
}
