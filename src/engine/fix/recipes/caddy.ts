import { type HeaderField, recipeHeaderFields } from './header-fields';
import { configString } from './literals';
import { LISTEN_CADDY, UPSTREAM_CADDY } from './placeholders';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `Errors Caddy produces itself (502 when the upstream is down, or an error directive) go through handle_errors, which skips the site's header directives: repeat the CORS header block inside handle_errors. A ${ctx.status} from the upstream means the header block is not in the handle that proxied it.`,
  'missing-allow-origin':
    'The header directive sits in a handle or route whose matcher does not cover this path: put it in a handle that every request goes through.',
  'multiple-origins':
    "Without defer, Caddy sets the header before proxying and reverse_proxy adds the upstream's copy, giving two values: add defer to the header block (or header_down -Access-Control-Allow-Origin).",
  wildcard:
    'Access-Control-Allow-Origin "*" cannot be used with credentials: set the exact origin and Access-Control-Allow-Credentials "true".',
  'preflight-auth': (ctx) =>
    `basicauth or forward_auth also runs for OPTIONS and answered ${ctx.status}: handle the @preflight matcher first and respond 204 before any auth directive.`,
  'preflight-status': (ctx) =>
    `OPTIONS reaches reverse_proxy or file_server, which answers ${ctx.status}: a \`@preflight method OPTIONS\` matcher handled with respond 204 answers it in Caddy.`,
  'preflight-missing-allow-origin':
    'The preflight is answered without CORS headers: the header directive is not in the handle that answers OPTIONS, or the upstream answers it.',
  method: (ctx) => `The preflight's Access-Control-Allow-Methods lacks ${ctx.neededMethods.join(', ')}.`,
  header: (ctx) => `The preflight's Access-Control-Allow-Headers lacks ${ctx.headers.join(', ')}.`,
};

/**
 * Several origins: a matcher on the request's Origin (values of one field match if any does), and
 * a header directive under it that echoes the Origin, so only a listed origin is ever sent.
 * @see https://caddyserver.com/docs/caddyfile/matchers#header
 */
const ECHO_ORIGIN = 'Access-Control-Allow-Origin {header.Origin}';

function originMatcher(origins: readonly string[]): string[] {
  return [
    "\t# The listed origins only: Access-Control-Allow-Origin echoes the request's Origin when it is one of them.",
    '\t@cors_origin {',
    ...origins.map((origin) => `\t\theader Origin ${configString(origin)}`),
    '\t}',
  ];
}

function snippet(ctx: RecipeContext): string {
  const field = ([name, value]: HeaderField): string => `${name} ${configString(value)}`;
  const several = ctx.origins.length > 1;
  // Several origins: the @cors_origin header directive below sends Access-Control-Allow-Origin.
  const fields = recipeHeaderFields(ctx, several ? null : ctx.origin);
  const preflight = fields.preflight.map(field);
  const actual = fields.response.map(field);
  return [
    LISTEN_CADDY.text,
    '\t@preflight method OPTIONS',
    ...(several ? originMatcher(ctx.origins) : []),
    '',
    '\t# Preflights: answered by Caddy with 204, before any auth or upstream.',
    '\thandle @preflight {',
    '\t\theader {',
    ...preflight.map((line) => `\t\t\t${line}`),
    '\t\t}',
    ...(several ? [`\t\theader @cors_origin ${ECHO_ORIGIN}`] : []),
    '\t\trespond 204',
    '\t}',
    '',
    '\thandle {',
    '\t\t# defer: applied after the upstream answers, replacing its own CORS headers (one value).',
    '\t\theader {',
    ...[...actual, 'defer'].map((line) => `\t\t\t${line}`),
    '\t\t}',
    ...(several ? ['\t\theader @cors_origin {', `\t\t\t${ECHO_ORIGIN}`, '\t\t\tdefer', '\t\t}'] : []),
    `\t\t${UPSTREAM_CADDY.text}`,
    '\t}',
    '}',
    '',
  ].join('\n');
}

/** Caddy 2 (Caddyfile) in front of the API. */
export const CADDY = {
  id: 'caddy',
  label: 'Caddy',
  language: 'caddyfile',
  snippet,
  placeholders: [LISTEN_CADDY, UPSTREAM_CADDY],
  pitfalls: PITFALLS,
  where:
    'In your Caddyfile: replace :8080 with your site address and reverse_proxy with your upstream (or file_server), then caddy reload.',
  notes: [
    'Errors Caddy produces itself go through handle_errors, which does not run these header directives: repeat the header block there if the upstream can be down.',
  ],
  duplicateOriginChange:
    "Drop the upstream's copy inside reverse_proxy: header_down -Access-Control-Allow-Origin, so only the snippet's header reaches the browser.",
} satisfies StackDefinition<'caddy'>;
