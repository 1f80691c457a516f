import { isCorsSafelistedMethod } from '../../verdict/method';
import { LAYER_IN_FRONT } from './duplicate-origin';
import { listOf, pyString } from './literals';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

/** django-cors-headers' `corsheaders.defaults`; only names beyond them are added. */
const DEFAULT_METHODS = new Set(['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
const DEFAULT_HEADERS = new Set([
  'accept',
  'authorization',
  'content-type',
  'user-agent',
  'x-csrftoken',
  'x-requested-with',
]);

const MIDDLEWARE_ORDER =
  'CorsMiddleware must sit above CommonMiddleware and any middleware that can return a response itself (auth, WhiteNoise), or those responses skip the CORS headers';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `${MIDDLEWARE_ORDER}. With CorsMiddleware first even Django's ${ctx.status} page gets them; a ${ctx.status} from gunicorn or a proxy in front never does.`,
  'missing-allow-origin': (ctx) =>
    `${MIDDLEWARE_ORDER}; also check that CORS_ALLOWED_ORIGINS lists ${ctx.origin} exactly and that CORS_URLS_REGEX (if set) matches this path.`,
  wildcard:
    "CORS_ALLOW_ALL_ORIGINS = True without CORS_ALLOW_CREDENTIALS = True sends '*', which browsers refuse with credentials: list the exact origin and set CORS_ALLOW_CREDENTIALS = True.",
  credentials:
    'CORS_ALLOW_CREDENTIALS defaults to False, so no Access-Control-Allow-Credentials is sent: set it to True.',
  'origin-mismatch':
    'django-cors-headers echoes only origins it matches, so a different value usually comes from a second layer (a view or nginx setting the header): remove it and let CORS_ALLOWED_ORIGINS decide.',
  'preflight-auth': (ctx) =>
    `CorsMiddleware answers preflights itself, but only if it runs first: a ${ctx.status} preflight means a middleware above it (or the web server) demanded authentication.`,
  'preflight-redirect':
    'APPEND_SLASH: CommonMiddleware redirects /path to /path/, and a preflight cannot follow a redirect. Call the URL with its trailing slash, and keep CorsMiddleware above CommonMiddleware.',
  'preflight-missing-allow-origin': (ctx) =>
    `CORS_ALLOWED_ORIGINS lacks ${ctx.origin} (or CORS_URLS_REGEX skips this path), so CorsMiddleware answers the preflight 200 without any CORS header.`,
  method: (ctx) =>
    `CORS_ALLOW_METHODS replaces the default list: extend default_methods with ${ctx.neededMethods.join(', ')} rather than listing a few methods.`,
  header: (ctx) =>
    `CORS_ALLOW_HEADERS replaces the default list (accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with): extend default_headers with ${ctx.headers.join(', ')}.`,
};

/**
 * A Python tuple of `base`'s items plus the `needed` ones it lacks (`(*base,)` keeps its comma, or it
 * is not a tuple); a comment names the needed ones it already covers.
 */
function extending(base: string, needed: readonly string[], defaults: ReadonlySet<string>): string {
  const added = needed.filter((name) => !defaults.has(name));
  const covered = needed.filter((name) => defaults.has(name));
  const tuple = added.length === 0 ? `(*${base},)` : listOf(added, pyString, `(*${base}, `, ')');
  return covered.length === 0 ? tuple : `${tuple}  # ${base} already allows ${covered.join(', ')}`;
}

function snippet(ctx: RecipeContext): string {
  const lines = [
    '# settings.py (pip install django-cors-headers), after INSTALLED_APPS and MIDDLEWARE are defined',
    'from corsheaders.defaults import default_headers, default_methods',
    '',
    '# Listed once, whether or not the project already lists them (lists and tuples alike).',
    'INSTALLED_APPS = [*(app for app in INSTALLED_APPS if app != "corsheaders"), "corsheaders"]',
    '# First in the list: above CommonMiddleware, authentication and anything that can answer a request itself.',
    'MIDDLEWARE = [',
    '    "corsheaders.middleware.CorsMiddleware",',
    '    *(name for name in MIDDLEWARE if name != "corsheaders.middleware.CorsMiddleware"),',
    ']',
    '',
    `CORS_ALLOWED_ORIGINS = ${listOf(ctx.origins, pyString)}`,
    `CORS_ALLOW_METHODS = ${extending(
      'default_methods',
      ctx.methods.filter((method) => !isCorsSafelistedMethod(method)),
      DEFAULT_METHODS,
    )}`,
    `CORS_ALLOW_HEADERS = ${extending('default_headers', ctx.headers, DEFAULT_HEADERS)}`,
  ];
  if (ctx.credentials) lines.push('CORS_ALLOW_CREDENTIALS = True');
  if (ctx.expose.length > 0) lines.push(`CORS_EXPOSE_HEADERS = ${listOf(ctx.expose, pyString)}`);
  lines.push(`CORS_PREFLIGHT_MAX_AGE = ${ctx.maxAge}`, '');
  return lines.join('\n');
}

/** Django with django-cors-headers. */
export const DJANGO = {
  id: 'django',
  label: 'Django (django-cors-headers)',
  language: 'python',
  snippet,
  placeholders: [],
  pitfalls: PITFALLS,
  where:
    'At the end of settings.py: it adds corsheaders to INSTALLED_APPS and moves CorsMiddleware to the top of MIDDLEWARE whether or not they are already listed, and its CORS_ settings replace earlier ones. django-cors-headers adds Vary: Origin itself.',
  notes: [
    (ctx) =>
      ctx.credentials
        ? 'For cookie sessions across sites also set SESSION_COOKIE_SAMESITE = "None" and SESSION_COOKIE_SECURE = True (and the CSRF_ equivalents plus CSRF_TRUSTED_ORIGINS for unsafe methods).'
        : '',
  ],
  duplicateOriginChange: `django-cors-headers overwrites a view's Access-Control-Allow-Origin, so a second value comes from outside Django: ${LAYER_IN_FRONT}`,
} satisfies StackDefinition<'django'>;
