import { jsString, listOf } from './literals';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const NO_OPTIONS =
  'Transform Rules (response header modification) can add headers but cannot answer OPTIONS, so the preflight reaches the origin';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `Cloudflare's own error and challenge pages (52x, 1xxx errors, a WAF or Bot Fight 403) never carry CORS headers, and the origin's ${ctx.status} may not either: route the API through a Worker that adds them to every response, and check Security Events for a challenge.`,
  'missing-allow-origin':
    "Cloudflare's cache ignores Vary: Origin, so a response cached for a request without Origin (or for another origin) is served without the right header: add the headers in a Worker, after the cache, or bypass the cache for this path.",
  'multiple-origins':
    "A Transform Rule or Worker adds Access-Control-Allow-Origin on top of the origin's own: replace the header (headers.set), never append.",
  wildcard:
    "A rule sets Access-Control-Allow-Origin to '*', which browsers refuse with credentials: set the exact origin and Access-Control-Allow-Credentials: true.",
  'preflight-auth': (ctx) =>
    `${NO_OPTIONS}, or Cloudflare Access, which answers ${ctx.status}: a Worker must answer the preflight first.`,
  'preflight-status': (ctx) => `${NO_OPTIONS}, which answers ${ctx.status}: a Worker must answer it.`,
  'preflight-missing-allow-origin': `${NO_OPTIONS}, which answers it without CORS headers: a Worker must answer it.`,
  method: (ctx) => `The preflight answer's Access-Control-Allow-Methods lacks ${ctx.neededMethods.join(', ')}.`,
  header: (ctx) => `The preflight answer's Access-Control-Allow-Headers lacks ${ctx.headers.join(', ')}.`,
};

function object(name: string, entries: [string, string][], spread?: string): string[] {
  const key = (header: string): string => (/^[A-Za-z_$][\w$]*$/.test(header) ? header : jsString(header));
  return [
    `const ${name} = {`,
    ...(spread === undefined ? [] : [`  ...${spread},`]),
    ...entries.map(([header, value]) => `  ${key(header)}: ${jsString(value)},`),
    '};',
  ];
}

/** Several origins: the request's Origin is echoed only when it is listed, so exactly one listed origin is sent. */
function originChoice(origins: readonly string[]): string[] {
  return [
    `const ALLOWED_ORIGINS = ${listOf(origins, jsString)};`,
    '',
    "// The request's Origin when it is listed, else no Access-Control-Allow-Origin at all.",
    'function allowOrigin(request) {',
    "  const origin = request.headers.get('Origin');",
    "  return ALLOWED_ORIGINS.includes(origin) ? { 'Access-Control-Allow-Origin': origin } : {};",
    '}',
    '',
  ];
}

function snippet(ctx: RecipeContext): string {
  const several = ctx.origins.length > 1;
  const shared: [string, string][] = several ? [] : [['Access-Control-Allow-Origin', ctx.origin]];
  if (ctx.credentials) shared.push(['Access-Control-Allow-Credentials', 'true']);
  if (ctx.expose.length > 0) shared.push(['Access-Control-Expose-Headers', ctx.expose.join(', ')]);
  const preflight: [string, string][] = [['Access-Control-Allow-Methods', ctx.methods.join(', ')]];
  if (ctx.headers.length > 0) preflight.push(['Access-Control-Allow-Headers', ctx.headers.join(', ')]);
  preflight.push(['Access-Control-Max-Age', String(ctx.maxAge)], ['Vary', 'Origin']);
  const preflightHeaders = several ? '{ ...PREFLIGHT_HEADERS, ...allowOrigin(request) }' : 'PREFLIGHT_HEADERS';
  const corsHeaders = several ? '{ ...CORS_HEADERS, ...allowOrigin(request) }' : 'CORS_HEADERS';
  return [
    '// Cloudflare Worker (module syntax) on a route in front of the API.',
    ...(several ? originChoice(ctx.origins) : []),
    ...object('CORS_HEADERS', shared),
    '',
    ...object('PREFLIGHT_HEADERS', preflight, 'CORS_HEADERS'),
    '',
    'export default {',
    '  async fetch(request) {',
    "    if (request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method')) {",
    `      return new Response(null, { status: 204, headers: ${preflightHeaders} });`,
    '    }',
    '    const upstream = await fetch(request);',
    '    const response = new Response(upstream.body, upstream);',
    '    // set, not append: exactly one value even if the origin sends its own.',
    `    for (const [name, value] of Object.entries(${corsHeaders})) response.headers.set(name, value);`,
    "    response.headers.append('Vary', 'Origin');",
    '    return response;',
    '  },',
    '};',
    '',
  ].join('\n');
}

/** Cloudflare Worker in front of the origin. */
export const CLOUDFLARE = {
  id: 'cloudflare',
  label: 'Cloudflare (Worker)',
  language: 'js',
  snippet,
  placeholders: [],
  pitfalls: PITFALLS,
  where:
    'Deploy as a Worker (wrangler deploy) with a route covering the API paths, e.g. api.example.com/*. Transform Rules alone cannot answer OPTIONS; the Worker answers preflights and adds the headers to every response, errors included.',
  notes: [],
  duplicateOriginChange:
    'Remove any Transform Rule (Modify Response Header) that also adds Access-Control-Allow-Origin, and in the Worker replace the header with headers.set, never headers.append.',
} satisfies StackDefinition<'cloudflare'>;
