/**
 * Per-code hidden causes: the server-stack mistakes that most often produce each CORS error.
 * Each names the stack and the setting at fault, so it can be checked in that stack's own documentation.
 */
import { CORS_ERROR_CATALOG } from '../verdict/cors-error-catalog';
import type { CorsErrorFamily } from '../verdict/cors-error-row';
import { isSentWithLowercase } from '../verdict/method';
import { originOf } from '../verdict/origin';
import { preflightAsk } from './common';
import { type ExplainContext, headerValue, headerValues } from './context';
import { quoted, safeText } from './safe-text';

function allowOriginValue(ctx: ExplainContext): string {
  return ctx.verdict.header?.received ?? headerValue(ctx.checked?.headers, 'access-control-allow-origin') ?? '';
}

function mismatchHints(ctx: ExplainContext): string[] {
  const got = allowOriginValue(ctx).trim();
  const want = ctx.verdict.header?.expected || ctx.origin;
  const hints: string[] = [];
  if (got === 'null' && want !== 'null') {
    hints.push(
      "The server allows the literal origin null, which only sandboxed frames, file:// pages and redirected requests have. Allow the page's real origin instead; never allow null in production.",
    );
  } else if (/:(80|443)$/.test(got) && got.replace(/:(80|443)$/, '') === want) {
    hints.push(
      'The allowed origin spells out the default port; the browser serialises origins without :80 (http) or :443 (https).',
    );
  } else if (got.startsWith(`${want}/`) && got !== `${want}/`) {
    hints.push(
      `The allowed value has a path (${quoted(got, 80)}); an origin is only scheme://host[:port]. Configure ${safeText(want)}.`,
    );
  } else if (got === `${want}/` || (got.endsWith('/') && got.slice(0, -1) === want)) {
    hints.push(
      `The configured origin has a trailing slash (${quoted(got)}): origins never end in "/". Configure ${safeText(want)} exactly.`,
    );
  } else if (got.toLowerCase() === want.toLowerCase()) {
    hints.push(
      'The values differ only in letter case; the browser compares origins byte for byte. Send the origin exactly as the browser serialises it (lowercase scheme and host).',
    );
  } else if (got.replace(/^https?:/i, '') === want.replace(/^https?:/i, '')) {
    hints.push('http and https differ: the page and the allowed origin must use the same scheme.');
  } else if (want === 'null') {
    hints.push(
      "The request's origin became null after a cross-origin redirect; avoid the redirect (request the final URL) or allow null explicitly (beware: sandboxed frames and file:// pages are null too).",
    );
  } else {
    hints.push(
      `The server sends one fixed origin (${quoted(got, 80)}), likely configured for another environment (production vs localhost, another port). Keep an allow list, echo the request's Origin when it is in the list, and send Vary: Origin.`,
    );
  }
  return hints;
}

function multipleHints(ctx: ExplainContext): string[] {
  const lines = headerValues(ctx.checked?.headers, 'access-control-allow-origin');
  const parts = lines
    .join(',')
    .split(/[\s,]+/)
    .filter((v) => v !== '');
  // The same value twice, even folded into one line by a proxy, means two layers each added it.
  if (lines.length > 1 || (parts.length > 1 && parts.every((v) => v === parts[0]))) {
    return [
      "Two layers each add Access-Control-Allow-Origin — usually the application and a reverse proxy or CDN (nginx add_header on top of the upstream's own header). Keep only one: e.g. nginx proxy_hide_header Access-Control-Allow-Origin, or remove the CORS setup from the app.",
    ];
  }
  return [
    "The server put its whole allow list into one header. Match the request's Origin against the list on the server and echo back only that origin (with Vary: Origin).",
  ];
}

function credentialHints(ctx: ExplainContext, wildcard: boolean): string[] {
  const hints: string[] = [];
  if (wildcard) {
    hints.push(
      "Express's cors() defaults to origin '*', which breaks as soon as the page sends credentials: use cors({ origin: '" +
        safeText(ctx.origin) +
        '\', credentials: true }). ASP.NET Core rejects AllowAnyOrigin with AllowCredentials; Spring needs allowedOriginPatterns instead of allowedOrigins("*").',
    );
  } else {
    const got = ctx.verdict.header?.received ?? headerValue(ctx.checked?.headers, 'access-control-allow-credentials');
    if (got !== null && got !== undefined && got.trim().toLowerCase() === 'true' && got !== 'true') {
      hints.push(`The value must be exactly lowercase true; ${quoted(got)} is rejected.`);
    }
    hints.push(
      'Enable credentials in the CORS setup: Express cors({ credentials: true }), django-cors-headers CORS_ALLOW_CREDENTIALS = True, FastAPI allow_credentials=True, Spring allowCredentials(true).',
    );
  }
  hints.push(
    "If the page doesn't need cookies or HTTP auth, drop credentials: 'include' / withCredentials instead. If it does, cross-site cookies also need SameSite=None; Secure.",
  );
  return hints;
}

function missingOriginHints(ctx: ExplainContext): string[] {
  const status = ctx.checked?.status ?? 0;
  if (status >= 400 || ctx.verdict.stage === 'preflight') return [];
  return [
    "No CORS layer ran for this response: the CORS middleware is not registered for this route, or runs after the handler answered. nginx: an add_header inside a location block cancels the inherited ones. django-cors-headers: CorsMiddleware must sit above CommonMiddleware. AWS HTTP APIs with CORS configured ignore the backend's CORS headers.",
  ];
}

function methodHints(ctx: ExplainContext): string[] {
  const method = ctx.verdict.failedParameter || preflightAsk(ctx).method;
  const hints: string[] = [];
  if (isSentWithLowercase(method)) {
    hints.push(
      `fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT, so ${quoted(method, 40)} is sent as written and must be allowed with exactly that case. Write method: '${safeText(method.toUpperCase(), 40)}' in the page instead.`,
    );
  }
  const listed = (headerValue(ctx.checked?.headers, 'access-control-allow-methods') ?? '')
    .split(',')
    .map((m) => m.trim());
  if (listed.some((m) => m !== method && m.toLowerCase() === method.toLowerCase())) {
    hints.push(
      `The server lists the method in another letter case; methods compare case-sensitively, so it must list exactly ${safeText(method, 40)}.`,
    );
  }
  hints.push(
    `Add ${safeText(method, 40)} to the allowed methods: FastAPI's allow_methods defaults to GET only; Express cors() methods, Spring allowedMethods, nginx Access-Control-Allow-Methods.`,
  );
  return hints;
}

function headerHints(ctx: ExplainContext): string[] {
  const header = (ctx.verdict.failedParameter || preflightAsk(ctx).headers[0] || '').toLowerCase();
  const hints: string[] = [];
  if (header === 'authorization') {
    hints.push(
      "Access-Control-Allow-Headers: * covers Authorization only where a browser still lets it (Chromium by default); the Fetch standard's rule and a credentialed request leave it out: name authorization explicitly.",
    );
  } else if (header === 'content-type') {
    hints.push(
      'Content-Type is safelisted only for text/plain, multipart/form-data and application/x-www-form-urlencoded; application/json needs a preflight that allows content-type.',
    );
  }
  hints.push(
    `Add ${safeText(header, 60)} to the allowed headers (Express cors() allowedHeaders, FastAPI allow_headers, Spring allowedHeaders) — or stop sending it if the server doesn't need it.`,
  );
  return hints;
}

function preflightRedirectHints(ctx: ExplainContext): string[] {
  const location = headerValue(ctx.checked?.headers, 'location') ?? '';
  const from = originOf(ctx.lastUrl);
  const to = originOf(location);
  if (from.startsWith('http:') && to.startsWith('https:'))
    return ['The server redirects http to https: call the https URL directly.'];
  if (location !== '' && (location.endsWith('/') || ctx.lastUrl.endsWith('/'))) {
    return [
      'A trailing-slash redirect (Django APPEND_SLASH, FastAPI redirect_slashes): request the URL with the exact slash the route expects.',
    ];
  }
  return ['A redirect to a login page or another host: preflights must be answered directly, before authentication.'];
}

const UNPARSABLE_LIST_HINT =
  'Every item must be an HTTP token separated by commas: semicolons, quotes, parentheses, "@", ":" or spaces inside a name make the whole header unparsable, and the browser then ignores all of it.';

const none = (): string[] => [];

/** The hidden causes of each family of CORS error (the family is the catalog row's). */
const HINTS_BY_FAMILY = {
  'missing-allow-origin': missingOriginHints,
  'multiple-allow-origin': multipleHints,
  'invalid-allow-origin': () => [
    'Misconfigured values such as a bare host (example.com), a path, or several origins separated by spaces produce this; send one full origin.',
  ],
  'allow-origin-mismatch': mismatchHints,
  'wildcard-origin': (ctx) => credentialHints(ctx, true),
  'invalid-allow-credentials': (ctx) => credentialHints(ctx, false),
  'preflight-status': none,
  'preflight-redirect': preflightRedirectHints,
  'invalid-response': none,
  'invalid-allow-methods': () => [UNPARSABLE_LIST_HINT],
  'invalid-allow-headers': () => [UNPARSABLE_LIST_HINT],
  'method-disallowed': methodHints,
  'header-disallowed': headerHints,
  'disallowed-by-mode': none,
  'cors-disabled-scheme': none,
  'no-cors-redirect-mode': none,
  'redirect-credentials': none,
  'network-permission-denied': none,
  'network-permission-unavailable': none,
  'insecure-private-network': none,
  'allow-private-network': none,
  'allow-external': none,
  'private-network-access-identity': none,
  'target-address-space': none,
} satisfies Record<CorsErrorFamily, (ctx: ExplainContext) => string[]>;

/** The code-specific hints for a blocked verdict. */
export function codeHints(ctx: ExplainContext): string[] {
  const code = ctx.verdict.code;
  return code === null ? [] : HINTS_BY_FAMILY[CORS_ERROR_CATALOG[code].family](ctx);
}
