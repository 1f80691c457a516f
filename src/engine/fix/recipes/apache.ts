import { configString } from './literals';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `\`Header set\` only touches successful responses (the onsuccess table): the ${ctx.status} went out without CORS headers. Use \`Header always set\` so 4xx/5xx and error documents carry them.`,
  'missing-allow-origin':
    'The Header lines sit in a <Directory> or .htaccess that does not cover this URL (a ProxyPass path never enters <Directory>), or mod_headers is not loaded: put them in the VirtualHost or a <Location>.',
  'multiple-origins':
    "`Header always set` and the application's own header land in different tables (always and onsuccess) and both are sent: `Header unset` the application's copy first.",
  wildcard:
    'Access-Control-Allow-Origin "*" cannot be used with credentials: set the exact origin and Access-Control-Allow-Credentials "true".',
  credentials: 'Access-Control-Allow-Credentials "true" is not set: add it with Header always set.',
  'preflight-auth': (ctx) =>
    `AuthType/Require also applies to OPTIONS and answered ${ctx.status}: answer preflights with the RewriteRule in the VirtualHost (it runs before authentication there, not in .htaccess), or exempt OPTIONS with <LimitExcept OPTIONS>.`,
  'preflight-status': (ctx) =>
    `Apache or the application answers OPTIONS with ${ctx.status}: the RewriteRule answers preflights with 204 instead.`,
  'preflight-missing-allow-origin':
    'The OPTIONS reply has no CORS headers: plain `Header set` skips it or the preflight reached the application; use `Header always set` and the 204 RewriteRule.',
  method: (ctx) => `Access-Control-Allow-Methods lacks ${ctx.neededMethods.join(', ')}.`,
  header: (ctx) => `Access-Control-Allow-Headers lacks ${ctx.headers.join(', ')}.`,
};

/**
 * Several origins: the request's Origin is echoed only when it is one of them, with an `expr=`
 * condition of mod_headers itself (httpd 2.4.10+), so no other module is needed.
 * @see https://httpd.apache.org/docs/2.4/mod/mod_headers.html#header
 */
function echoListedOrigin(origins: readonly string[]): string {
  const listed = origins.map((origin) => `'${configString(origin).slice(1, -1)}'`).join(', ');
  return `    Header always set Access-Control-Allow-Origin "expr=%{req:Origin}" "expr=%{req:Origin} in {${listed}}"`;
}

function snippet(ctx: RecipeContext): string {
  const set = (name: string, value: string): string => `    Header always set ${name} ${configString(value)}`;
  const lines = [
    ctx.origins.length > 1 ? echoListedOrigin(ctx.origins) : set('Access-Control-Allow-Origin', ctx.origin),
  ];
  if (ctx.credentials) lines.push(set('Access-Control-Allow-Credentials', 'true'));
  lines.push(set('Access-Control-Allow-Methods', ctx.methods.join(', ')));
  if (ctx.headers.length > 0) lines.push(set('Access-Control-Allow-Headers', ctx.headers.join(', ')));
  if (ctx.expose.length > 0) lines.push(set('Access-Control-Expose-Headers', ctx.expose.join(', ')));
  lines.push(set('Access-Control-Max-Age', String(ctx.maxAge)), '    Header always merge Vary "Origin"');
  return [
    '# In the <VirtualHost> serving the API (a2enmod headers rewrite).',
    '<IfModule mod_headers.c>',
    "    # Exactly one value: drop the application's copies, then set ours on every response, errors included.",
    '    Header unset Access-Control-Allow-Origin',
    '    Header unset Access-Control-Allow-Credentials',
    '    Header unset Access-Control-Expose-Headers',
    ...lines,
    '</IfModule>',
    '',
    '# Answer preflights with 204 before authentication and the application.',
    'RewriteEngine On',
    'RewriteCond %{REQUEST_METHOD} =OPTIONS',
    'RewriteCond %{HTTP:Access-Control-Request-Method} !^$',
    'RewriteRule ^ - [R=204,L]',
    '',
  ].join('\n');
}

/** Apache httpd with mod_headers and mod_rewrite. */
export const APACHE = {
  id: 'apache',
  label: 'Apache httpd (mod_headers)',
  language: 'apache',
  snippet,
  placeholders: [],
  pitfalls: PITFALLS,
  where:
    'In the <VirtualHost> (or a <Location>) that serves the API, then apachectl configtest && apachectl graceful. In .htaccess the RewriteRule runs after authentication, so preflights to protected paths need the VirtualHost.',
  notes: [
    '`always` makes the headers apply to error responses too; the `Header unset` lines remove copies the application sets, which Apache would otherwise send as a second value.',
  ],
  duplicateOriginChange:
    "Drop the backend's copy before the snippet's lines: Header unset Access-Control-Allow-Origin — the proxied response's header sits in the table that `Header always set` does not replace.",
} satisfies StackDefinition<'apache'>;
