/**
 * Where the extension's capture (webRequest) cannot show what Chromium decided on: the rows of the
 * scenario matrix it cannot observe, and those where its verdict is pinned to differ. Shared by
 * capture-matrix.spec.ts and precise-mode.spec.ts, whose precise mode must show exactly these as
 * disagreements.
 */

/**
 * Rows the extension cannot observe at all: the renderer refuses the request before it reaches
 * the network service, so no webRequest event exists for it. Each is still run, to prove the
 * extension logged nothing for it (a record would mean this reason is wrong).
 */
export const UNOBSERVABLE: Record<string, string> = {
  'mode-same-origin':
    "fetch(mode: 'same-origin') to another origin is refused by the renderer (DisallowedByMode) before any " +
    'network request exists: webRequest sees no event, so there is nothing to capture.',
};

/** What the extension's record says, where it must not (or cannot) agree with Chromium. */
export interface KnownLimit {
  reason: string;
  record: { blocked: boolean; code: string | null; failedParameter: string };
}

/**
 * Rows where webRequest lacks the information Chromium decided on. The extension's answer is
 * pinned here exactly, so a change in either direction fails the row and updates this list.
 */
const HEADER_ORDER_UNSEEN =
  'Chromium names the first refused header in the order of its own header list (a hash order in Blink, ' +
  'not the order the page set them); when the preflight fails webRequest never shows the actual request, ' +
  "only the preflight's sorted Access-Control-Request-Headers, so the extension names the first of those.";
export const KNOWN_LIMITS: Record<string, KnownLimit> = {
  'pf-two-refused-headers': {
    reason: HEADER_ORDER_UNSEEN,
    record: { blocked: true, code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-alpha' },
  },
  'pf-two-refused-headers-xhr': {
    reason: HEADER_ORDER_UNSEEN,
    record: { blocked: true, code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-alpha' },
  },
  'pf-over-1024-custom-allowed': {
    reason: HEADER_ORDER_UNSEEN,
    record: { blocked: true, code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'accept' },
  },
};
