import type { FailureKind } from '../../verdict/cors-error-row';
import type { AdvisoryCode } from '../../verdict/verdict-types';
import { PLACEHOLDER_ORIGIN, type RecipeContext } from './recipe-context';

/** A stack's pitfall or note: fixed text, or text built from the context. */
export type ContextText = string | ((ctx: RecipeContext) => string);
/** A stack's own pitfall per failure kind; a kind it leaves out gets the generic one. */
export type PitfallTable = Partial<Record<FailureKind, ContextText>>;

/** The text of a pitfall or note for this context. */
export function textFor(ctx: RecipeContext, text: ContextText): string {
  return typeof text === 'string' ? text : text(ctx);
}

const list = (names: readonly string[]): string => (names.length === 0 ? '(none)' : names.join(', '));
const statusText = (ctx: RecipeContext): string => (ctx.status === null ? 'an error' : String(ctx.status));

/**
 * What the advisory pitfall says for each advisory code, so a new code cannot be forgotten; a code
 * that needs no words there says so with `() => ''`, which the pitfall leaves out.
 */
const ADVISORY_TEXT: Readonly<Record<AdvisoryCode, (ctx: RecipeContext) => string>> = {
  'unexposed-response-headers': (ctx) =>
    `JavaScript cannot read ${list(ctx.expose)} until Access-Control-Expose-Headers lists them.`,
  'missing-vary-origin': () =>
    "The origin is reflected without Vary: Origin, so a cache can serve one origin's answer to another.",
  'preflight-not-cached': (ctx) =>
    `Without Access-Control-Max-Age every call pays for a preflight; ${ctx.maxAge} s is a safe value.`,
  'max-age-above-cap': (ctx) => `Chromium caps Access-Control-Max-Age at 7200 s; ${ctx.maxAge} s is a safe value.`,
  'authorization-via-wildcard': () =>
    "'*' in Access-Control-Allow-Headers covers Authorization in Chromium by default, but not under the Fetch standard's rule or with credentials: list authorization by name.",
};

/** What usually goes wrong for each failure kind, whatever the stack. */
const GENERIC: Readonly<Record<FailureKind, (ctx: RecipeContext) => string>> = {
  'error-status': (ctx) =>
    `The ${statusText(ctx)} is an error page produced without CORS headers (an auth layer, a proxy or a crash handler): make the CORS layer cover error responses too, then fix the ${statusText(ctx)} itself.`,
  'missing-allow-origin': (ctx) =>
    `No CORS layer answered for this route, or its allow-list lacks ${ctx.origin}: a layer that does not match the origin sends no Access-Control-Allow-Origin at all.`,
  'origin-mismatch': (ctx) =>
    `The allowed origin is hard-coded to another value (port, scheme or a trailing slash): Access-Control-Allow-Origin must equal ${ctx.origin} byte for byte.`,
  'multiple-origins': () =>
    'Two layers both add Access-Control-Allow-Origin (the app and a proxy), or several origins were joined into one header: exactly one layer may send one origin.',
  wildcard: () =>
    "'*' is refused for credentialed requests: send the exact origin and Access-Control-Allow-Credentials: true.",
  credentials: () =>
    'A credentialed request needs Access-Control-Allow-Credentials: true (exactly, lowercase) on the preflight and the response.',
  'preflight-auth': (ctx) =>
    `A preflight never carries cookies or Authorization, so an authentication layer answered it ${statusText(ctx)}: let OPTIONS through before authentication.`,
  'preflight-status': (ctx) =>
    `The preflight got ${statusText(ctx)}: nothing answers OPTIONS for this route (404/405) or it failed (5xx). Answer it with 204 and the CORS headers.`,
  'preflight-missing-allow-origin': (ctx) =>
    `A CORS layer that rejects a preflight (origin, method or header not allowed) usually answers without any CORS header: allow methods ${list(ctx.neededMethods)} and headers ${list(ctx.headers)}.`,
  'preflight-redirect': () =>
    'The preflight was redirected (http to https, a trailing slash, a login page): browsers never follow a preflight redirect, so request the final URL directly.',
  method: (ctx) => `Access-Control-Allow-Methods must list ${list(ctx.neededMethods)} exactly as the request sends it.`,
  header: (ctx) => `Access-Control-Allow-Headers must list ${list(ctx.headers)}.`,
  'unparsable-list': () =>
    'Access-Control-Allow-Methods/-Headers must be comma-separated names: quotes, slashes or other stray characters invalidate the whole list.',
  redirect: () =>
    'The redirect response is CORS-checked too: the 3xx must carry the CORS headers, and after a cross-origin hop the browser sends Origin: null.',
  advisory: (ctx) =>
    ctx.advisories
      .map((code) => ADVISORY_TEXT[code](ctx))
      .filter((text) => text !== '')
      .join(' '),
  none: () => 'Nothing fails here: this configuration keeps this exchange passing.',
};

/** The stack's own pitfall for this failure, else the generic one. */
export function pitfallFor(ctx: RecipeContext, table: PitfallTable): string {
  const entry = table[ctx.failure];
  return entry === undefined ? GENERIC[ctx.failure](ctx) : textFor(ctx, entry);
}

/**
 * Why the snippet allows `null`: a redirect that tainted the request (then the page's origin is
 * still needed for the requests before it), or an opaque page.
 * @see https://fetch.spec.whatwg.org/#concept-request-tainted-origin
 */
function nullOriginNotes(ctx: RecipeContext): string[] {
  if (!ctx.origins.includes('null')) return [];
  const others = ctx.origins.filter((origin) => origin !== 'null');
  const redirect = ctx.nullOriginRedirect;
  if (others.length === 0) {
    return [
      'The browser sent Origin: null (after a cross-origin redirect, or from a sandboxed iframe, a file: page or a data: URL), and only Access-Control-Allow-Origin: null matches. Allowing null admits every such page: prefer pointing the page at the final URL so no redirect happens, or serving it from a real origin.',
    ];
  }
  // Server names come from captured URLs: named only when they are plain origins.
  const cause =
    redirect === null ? 'A redirect to another origin' : `The redirect from ${redirect.from} to ${redirect.to}`;
  const finalUrl = redirect === null ? 'the final URL' : `the final URL (on ${redirect.to})`;
  const notes = [
    `${cause} made the browser send Origin: null on the requests after it (Fetch's tainted origin: a request redirected to another origin from a server that is not the page's own no longer reveals the page's origin), and only Access-Control-Allow-Origin: null matches those. The requests before it still carry Origin: ${list(others)}, so the configuration allows ${others.length === 1 ? 'both' : 'all of them'}: null alone fails the first request (AllowOriginMismatch on the redirect), the page's origin alone fails the ones after. Allowing null also admits sandboxed iframes, file: pages and data: URLs: prefer pointing the page at ${finalUrl} so no redirect happens, and allow only ${list(others)}.`,
  ];
  if (ctx.servers.length > 1) {
    const each = ctx.servers.map(({ server, origins }) => `${server} gets Origin: ${origins.join(' or ')}`);
    notes.push(
      `The allow-list is for one configuration answering the whole chain (one app on two host names). If the hops reach separate servers, each needs only the origins its own requests carried: ${each.join('; ')}.`,
    );
  }
  return notes;
}

/** Notes every stack shares: placeholder origin, `null` origin, method case, dropped names, cookies, error pages. */
export function commonNotes(ctx: RecipeContext): string[] {
  const notes: string[] = [];
  if (ctx.rejectedOrigin !== null) {
    notes.push(
      `The request's origin (${JSON.stringify(ctx.rejectedOrigin)}) is not a plain serialized origin, so the snippet uses the placeholder ${PLACEHOLDER_ORIGIN}: replace it with your page's origin (scheme://host:port, no path, no trailing slash).`,
    );
  }
  notes.push(...nullOriginNotes(ctx));
  const lowercase = ctx.neededMethods.filter((method) => method !== method.toUpperCase());
  if (lowercase.length > 0) {
    notes.push(
      `The page sends ${list(lowercase)} in lowercase, which most servers refuse with 400 whatever their CORS configuration: fix the page first and send ${list(lowercase.map((m) => m.toUpperCase()))}. The snippet lists both spellings so that the preflight passes either way (Chromium matches the uppercase one by default and the exact one under its spec-conformant switch, crbug.com/1228178).`,
    );
  }
  if (ctx.dropped.length > 0) {
    notes.push(
      `Left out of the snippet because they are not plain names: ${ctx.dropped.map((name) => JSON.stringify(name)).join(', ')}.`,
    );
  }
  if (ctx.credentials) {
    notes.push(
      "Cross-site cookies also need SameSite=None; Secure, and the page must opt in (fetch credentials: 'include', XHR withCredentials).",
    );
  }
  if (ctx.failure === 'error-status') {
    notes.push(
      `CORS headers on the ${statusText(ctx)} only let the page read the error: the failure behind it still needs fixing (see the server log).`,
    );
  }
  return notes;
}

/** `where` first, then stack-specific notes, then the shared ones, as one plain-text paragraph. */
export function notesFor(ctx: RecipeContext, where: string, ...specific: string[]): string {
  return [where, ...specific, ...commonNotes(ctx)].filter((note) => note !== '').join(' ');
}
