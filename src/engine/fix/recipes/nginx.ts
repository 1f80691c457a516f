import { type HeaderField, recipeHeaderFields } from './header-fields';
import { configString } from './literals';
import { UPSTREAM_NGINX } from './placeholders';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `add_header skips error responses without \`always\`: the ${ctx.status} went out without the CORS headers. Add \`always\` to every CORS add_header.`,
  'missing-allow-origin':
    'An add_header in this location (or in an if block) cancels every add_header inherited from the server or http level, so CORS headers set there vanish here: repeat them in the block that serves the request.',
  'multiple-origins':
    "The upstream sends its own Access-Control-Allow-Origin and nginx adds another, giving two values: proxy_hide_header the upstream's copy (or stop adding one in nginx).",
  wildcard:
    'add_header Access-Control-Allow-Origin * cannot be used with credentials: send the exact origin and Access-Control-Allow-Credentials "true".',
  credentials:
    'Access-Control-Allow-Credentials "true" is missing, often only on the OPTIONS branch, whose add_header list replaces the location\'s.',
  'preflight-auth': (ctx) =>
    `auth_basic or auth_request also runs for OPTIONS and answered ${ctx.status}: answer preflights with return 204 in the location (the rewrite phase runs before the access phase).`,
  'preflight-status': (ctx) =>
    `OPTIONS reaches the upstream or a static location, which answers ${ctx.status}: answer it in nginx with if ($request_method = OPTIONS) { ... return 204; }.`,
  'preflight-missing-allow-origin':
    'The OPTIONS answer has no CORS headers: the preflight went to an upstream that does not handle CORS, or the add_header lines inside the if block lack `always`.',
  'preflight-redirect':
    'A return 301 (http to https, trailing slash) catches OPTIONS too: answer OPTIONS before redirecting, or make the page call the final URL.',
  method: (ctx) => `The OPTIONS branch's Access-Control-Allow-Methods lacks ${ctx.neededMethods.join(', ')}.`,
  header: (ctx) => `The OPTIONS branch's Access-Control-Allow-Headers lacks ${ctx.headers.join(', ')}.`,
};

/**
 * Several origins: `$cors_allow_origin` is the request's Origin when it is one of them, else empty,
 * and nginx sends no header whose value is empty. A `map` would read better but is allowed only in
 * `http { }`, while this snippet goes into the server block; an `if` that only sets a variable is
 * safe at server level (the surprises of `if` are in locations).
 */
function originChoice(ctx: RecipeContext): string[] {
  return [
    "# The listed origins only: $cors_allow_origin is the request's Origin when it is one of them,",
    '# else empty, and nginx sends no header with an empty value.',
    'set $cors_allow_origin "";',
    ...ctx.origins.flatMap((origin) => [
      `if ($http_origin = ${configString(origin)}) {`,
      '    set $cors_allow_origin $http_origin;',
      '}',
    ]),
    '',
  ];
}

function snippet(ctx: RecipeContext): string {
  const add = ([name, value]: HeaderField): string => `add_header ${name} ${configString(value)} always;`;
  const several = ctx.origins.length > 1;
  const fields = recipeHeaderFields(ctx, several ? null : ctx.origin);
  const echoed = several ? ['add_header Access-Control-Allow-Origin $cors_allow_origin always;'] : [];
  const preflight = [...echoed, ...fields.preflight.map(add)];
  const actual = [...echoed, ...fields.response.map(add)];
  return [
    '# Inside the server { } block that serves the API.',
    ...(several ? originChoice(ctx) : []),
    'location / {',
    '    # Preflight: answered here, before auth_request/auth_basic and the upstream.',
    '    if ($request_method = OPTIONS) {',
    ...preflight.map((line) => `        ${line}`),
    '        return 204;',
    '    }',
    '',
    "    # Exactly one value: hide the upstream's own CORS headers, then add ours (always = errors too).",
    '    proxy_hide_header Access-Control-Allow-Origin;',
    '    proxy_hide_header Access-Control-Allow-Credentials;',
    '    proxy_hide_header Access-Control-Expose-Headers;',
    ...actual.map((line) => `    ${line}`),
    '',
    `    ${UPSTREAM_NGINX.text}`,
    '}',
    '',
  ].join('\n');
}

/** nginx in front of the API. */
export const NGINX = {
  id: 'nginx',
  label: 'nginx',
  language: 'nginx',
  snippet,
  placeholders: [UPSTREAM_NGINX],
  pitfalls: PITFALLS,
  where:
    'Merge into the location that serves the API (keep your own proxy_pass or root), then nginx -t && nginx -s reload.',
  notes: [
    'Any add_header in a block cancels all add_header lines inherited from the server or http level, so keep every CORS header in this location; and without `always` nginx skips them on 4xx/5xx.',
    "If the upstream also sends CORS headers, the proxy_hide_header lines keep nginx's single value; alternatively remove them here and let the upstream answer.",
  ],
  duplicateOriginChange:
    "Drop the upstream's copy in the proxied location: proxy_hide_header Access-Control-Allow-Origin; (and the same for the other Access-Control-* headers the application sends), so only nginx's add_header reaches the browser.",
} satisfies StackDefinition<'nginx'>;
