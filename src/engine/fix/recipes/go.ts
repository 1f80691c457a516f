import { goString, listOf } from './literals';
import { LISTEN_GO, ROUTES_GO } from './placeholders';
import { type RecipeContext, uppercaseMethods } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `rs/cors sets its headers before calling your handler, so handler errors keep them: a ${ctx.status} without them came from middleware wrapped around the CORS handler (auth, recovery), or a proxy in front.`,
  'missing-allow-origin': (ctx) =>
    `The route is served by a handler not wrapped by c.Handler, or AllowedOrigins lacks ${ctx.origin}; rs/cors also adds no headers to an actual request whose method is not in AllowedMethods.`,
  wildcard:
    "AllowedOrigins defaults to * and AllowCredentials to false, so rs/cors sends '*', which browsers refuse with credentials: list the exact origin and set AllowCredentials: true.",
  credentials: 'AllowCredentials defaults to false: set AllowCredentials: true.',
  'preflight-auth': (ctx) =>
    `Auth middleware wraps the CORS handler (auth(c.Handler(mux))) and answered the preflight ${ctx.status}: the CORS handler must be outermost, c.Handler(auth(mux)).`,
  'preflight-missing-allow-origin':
    'rs/cors answers a preflight it rejects (origin, method or header not allowed) with 204 and no CORS headers: AllowedMethods defaults to GET, POST, HEAD and AllowedHeaders to Accept, Content-Type, X-Requested-With.',
  method: (ctx) =>
    `AllowedMethods defaults to GET, POST, HEAD: add ${ctx.neededMethods.join(', ')}. rs/cors uppercases methods and answers with the uppercase spelling.`,
  header: (ctx) =>
    `AllowedHeaders defaults to Accept, Content-Type, X-Requested-With: add ${ctx.headers.join(', ')} (rs/cors rejects the whole preflight otherwise).`,
};

function snippet(ctx: RecipeContext): string {
  const methods = uppercaseMethods(ctx);
  const fields: [string, string][] = [
    ['AllowedOrigins', listOf(ctx.origins, goString, '[]string{', '}')],
    ['AllowedMethods', listOf(methods, goString, '[]string{', '}')],
  ];
  if (ctx.headers.length > 0) fields.push(['AllowedHeaders', listOf(ctx.headers, goString, '[]string{', '}')]);
  if (ctx.expose.length > 0) fields.push(['ExposedHeaders', listOf(ctx.expose, goString, '[]string{', '}')]);
  if (ctx.credentials) fields.push(['AllowCredentials', 'true']);
  fields.push(['MaxAge', String(ctx.maxAge)]);
  const width = Math.max(...fields.map(([key]) => key.length)) + 1;
  return [
    'package main',
    '',
    'import (',
    '\t"log"',
    '\t"net/http"',
    '',
    '\t"github.com/rs/cors"',
    ')',
    '',
    'func main() {',
    '\tmux := http.NewServeMux()',
    `\t${ROUTES_GO.text}`,
    '',
    '\tc := cors.New(cors.Options{',
    ...fields.map(([key, value]) => `\t\t${`${key}:`.padEnd(width)} ${value},`),
    '\t})',
    '',
    '\t// Outermost: wrap the whole router (auth included) so preflights never reach auth.',
    `\tlog.Fatal(http.ListenAndServe(${LISTEN_GO.text}, c.Handler(mux)))`,
    '}',
    '',
  ].join('\n');
}

/** Go net/http with github.com/rs/cors. */
export const GO = {
  id: 'go',
  label: 'Go (rs/cors)',
  language: 'go',
  snippet,
  placeholders: [ROUTES_GO, LISTEN_GO],
  pitfalls: PITFALLS,
  where:
    'In your main package (go get github.com/rs/cors): keep your router and address, and wrap the outermost handler with c.Handler(...). rs/cors adds Vary: Origin itself.',
  notes: [],
  duplicateOriginChange:
    'Remove every w.Header().Set / Add("Access-Control-Allow-Origin", …) from your handlers: the CORS middleware sends the header.',
} satisfies StackDefinition<'go'>;
