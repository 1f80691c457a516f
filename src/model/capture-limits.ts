/**
 * How much of a request CORS Lens keeps, in one place: the capture cuts values to these sizes,
 * the worker bounds its logs with them, and the panel names them when it says what was dropped.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Longest URL kept, in UTF-16 code units. Chromium accepts URLs up to 2 MiB (`url::kMaxURLChars`,
 * url/url_constants.h), but what the engine reads of one — scheme, credentials, host, port — is
 * at its start, and common servers refuse a request line past 8–16 KiB (nginx
 * `large_client_header_buffers`, Node's `--max-http-header-size`), so a longer URL is rarely
 * even answered.
 */
export const MAX_URL_CHARS = 16 * KiB;

/**
 * Longest header name or value kept. The values the engine compares (Access-Control-*, Origin,
 * Vary, Location) are short lists or single origins; a value cut here is still longer than the
 * 128 bytes past which a request header stops being CORS-safelisted
 * (https://fetch.spec.whatwg.org/#cors-safelisted-request-header), so that check is unchanged.
 * The cut end carries the engine's marker (`truncationMarker`), so the engine judges a longer
 * value on the part kept, as the browser judged the whole (src/engine/verdict/cut-value.ts).
 */
export const MAX_HEADER_CHARS = 8 * KiB;

/**
 * Most headers kept of one request or response, and most characters of them together. Chromium
 * refuses a response whose headers pass 256 KiB (`kMaxHeaderBufSize`,
 * net/http/http_stream_parser.cc); a page can send more, and each value is already cut above.
 * Real messages carry a few dozen headers and a few KiB.
 */
export const MAX_HEADERS = 128;
export const MAX_HEADER_LIST_CHARS = 64 * KiB;

/**
 * The worker's bounds, by count and by estimated heap bytes (see capture/estimated-bytes.ts).
 * Records: the count binds for ordinary traffic (a passing exchange is a few KB); the bytes, when
 * requests are large. Both byte budgets together stay under storage.session's 10 MB quota
 * (MDN `storage.session.QUOTA_BYTES`), which counts a stored string about once per character,
 * half its heap estimate. In flight: requests that never end (hung, or whose last event was
 * lost) are dropped oldest first.
 */
export const LOG_BOUNDS = { perTab: 500, overall: 3_000, perTabBytes: 4 * MiB, overallBytes: 12 * MiB };
export const IN_FLIGHT_BOUNDS = { requests: 1_000, bytes: 4 * MiB };
