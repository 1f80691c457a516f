/**
 * Go net/http + github.com/rs/cors: Debian's golang-go and golang-github-rs-cors-dev, built offline
 * in GOPATH mode against /usr/share/gocode (no module proxy, no network).
 */
import { join } from 'node:path';
import {
  type AppRoute,
  AUTH_IN_FRONT,
  AUTHORIZATION,
  type BrokenConfig,
  CANONICAL_HOST,
  hardCodedOrigin,
  routeBehind,
  SEMICOLON_LIST,
  SEMICOLON_METHODS,
  TOTAL_COUNT,
  TOTAL_COUNT_HEADER,
  WRONG_ORIGIN,
} from '../support/cases';
import {
  APP_BODY,
  fillPlaceholders,
  type Launch,
  ROUTE_ALLOW_ORIGIN,
  type ServerEnv,
  type StackHarness,
} from '../support/stack';

const go = JSON.stringify;

/** The app's handler on mux; with auth, wrapped in an auth check as a Go app would do it. */
function routes(withAuth: boolean, route: AppRoute, port: number): string {
  const own = [
    ...(route.redirect
      ? [
          `if r.Host == ${go(`127.0.0.1:${port}`)} { http.Redirect(w, r, ${go(`http://${CANONICAL_HOST}:${port}`)}+r.URL.Path, http.StatusFound); return }; `,
        ]
      : []),
    ...(route.slashRedirect
      ? [
          'if p := r.URL.Path; p[len(p)-1] != \'/\' { http.Redirect(w, r, p+"/", http.StatusMovedPermanently); return }; ',
        ]
      : []),
    ...(route.totalCount ? [`w.Header().Set(${go(TOTAL_COUNT_HEADER)}, ${go(TOTAL_COUNT)}); `] : []),
    // Set would replace the value rs/cors set before calling the handler; Add sends a second one.
    ...(route.allowOrigin ? [`w.Header().Add("Access-Control-Allow-Origin", ${go(ROUTE_ALLOW_ORIGIN)}); `] : []),
  ].join('');
  const handler = `http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ${own}w.Write([]byte(${go(APP_BODY)})) })`;
  if (!withAuth) return `mux.Handle("/api/", ${handler})`;
  return [`mux.Handle("/api/", requireAuthorization(${handler}))`].join('\n');
}

/** Declared inside main, so that the routes placeholder needs no top-level code. */
const REQUIRE_AUTHORIZATION = [
  '\trequireAuthorization := func(next http.Handler) http.Handler {',
  '\t\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
  `\t\t\tif r.Header.Get("Authorization") != ${go(AUTHORIZATION)} {`,
  '\t\t\t\tw.WriteHeader(http.StatusUnauthorized)',
  '\t\t\t\tw.Write([]byte("unauthorized"))',
  '\t\t\t\treturn',
  '\t\t\t}',
  '\t\t\tnext.ServeHTTP(w, r)',
  '\t\t})',
  '\t}',
].join('\n');

/** The handler main serves, as the failing program had it. */
function brokenHandler(caseId: BrokenConfig, env: ServerEnv): { setup: string[]; handler: string } {
  const page = go(env.pageOrigin);
  const withCors = (options: string): { setup: string[]; handler: string } => ({
    setup: [`\tc := cors.New(cors.Options{${options}})`],
    handler: 'c.Handler(mux)',
  });
  switch (caseId) {
    case 'origin-allowed':
      return withCors(`AllowedOrigins: []string{${page}}`);
    case 'missing-acao':
      // The allow-list lacks the page's origin: rs/cors then sends no CORS header.
      return withCors(`AllowedOrigins: []string{${go(WRONG_ORIGIN)}}`);
    case 'origin-mismatch':
    // invalid-origin: the host name alone.
    case 'invalid-origin':
      return {
        setup: [
          '\thardCoded := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
          `\t\tw.Header().Set("Access-Control-Allow-Origin", ${go(hardCodedOrigin(caseId))})`,
          '\t\tmux.ServeHTTP(w, r)',
          '\t})',
        ],
        handler: 'hardCoded',
      };
    case 'wildcard-credentials':
      return withCors('AllowedOrigins: []string{"*"}');
    case 'header-not-allowed':
      // AllowedHeaders left at its default (Origin, Accept, Content-Type, X-Requested-With).
      return withCors(`AllowedOrigins: []string{${page}}, AllowedMethods: []string{"GET", "POST", "PUT"}`);
    case 'method-not-allowed':
      return withCors(`AllowedOrigins: []string{${page}}, AllowedMethods: []string{"GET", "POST"}`);
    case 'preflight-error-status':
      // The auth wrapper sits outside the CORS handler.
      return {
        setup: [`\tc := cors.New(cors.Options{AllowedOrigins: []string{${page}}})`],
        handler: 'requireAuthorization(c.Handler(mux))',
      };
    case 'error-status':
      // The same wrapping in a cookie-session app: the 401 to a simple GET has no CORS headers.
      return {
        setup: [`\tc := cors.New(cors.Options{AllowedOrigins: []string{${page}}, AllowCredentials: true})`],
        handler: 'requireAuthorization(c.Handler(mux))',
      };
    case 'unparsable-list':
      // One hand-written string with semicolons in AllowedHeaders (listed in notExpressible: never sent as it is).
      return withCors(`AllowedOrigins: []string{${page}}, AllowedHeaders: []string{${go(SEMICOLON_LIST)}}`);
    case 'unparsable-methods':
      // One hand-written string with semicolons in AllowedMethods (listed in notExpressible: never sent as it is).
      return withCors(`AllowedOrigins: []string{${page}}, AllowedMethods: []string{${go(SEMICOLON_METHODS)}}`);
    case 'preflight-redirect':
      // A trailing-slash redirect wrapped around the CORS handler also answers the preflight.
      return {
        setup: [
          `\tc := cors.New(cors.Options{AllowedOrigins: []string{${page}}})`,
          '\tappendSlash := func(next http.Handler) http.Handler {',
          '\t\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
          "\t\t\tif p := r.URL.Path; p[len(p)-1] != '/' {",
          '\t\t\t\thttp.Redirect(w, r, p+"/", http.StatusMovedPermanently)',
          '\t\t\t\treturn',
          '\t\t\t}',
          '\t\t\tnext.ServeHTTP(w, r)',
          '\t\t})',
          '\t}',
        ],
        handler: 'appendSlash(c.Handler(mux))',
      };
  }
}

function brokenProgram(caseId: BrokenConfig, env: ServerEnv): string {
  const { setup, handler } = brokenHandler(caseId, env);
  const usesCors = setup.some((line) => line.includes('cors.New'));
  return [
    'package main',
    '',
    'import (',
    '\t"log"',
    '\t"net/http"',
    ...(usesCors ? ['', '\t"github.com/rs/cors"'] : []),
    ')',
    '',
    'func main() {',
    REQUIRE_AUTHORIZATION,
    '\t_ = requireAuthorization',
    '\tmux := http.NewServeMux()',
    `\t${routes(env.auth && !AUTH_IN_FRONT.has(caseId), routeBehind(caseId, env.route), env.port)}`,
    ...setup,
    `\tlog.Fatal(http.ListenAndServe(${go(`127.0.0.1:${env.port}`)}, ${handler}))`,
    '}',
    '',
  ].join('\n');
}

/** GOPATH mode against Debian's /usr/share/gocode: no go.mod, no module proxy, no network. */
function goLaunch(source: string, env: ServerEnv): Launch {
  const goEnv = {
    GO111MODULE: 'off',
    GOPATH: '/usr/share/gocode',
    GOPROXY: 'off',
    GOFLAGS: '',
    // A build cache that outlives the test, so each build only compiles and links main.
    GOCACHE: join(env.nodeModules, '.cache', 'cors-lens', 'go-build'),
  };
  return {
    files: { 'main.go': source },
    build: { command: 'go', args: ['build', '-o', 'server', 'main.go'], env: goEnv },
    command: join(env.dir, 'server'),
    args: [],
  };
}

export const goStack: StackHarness = {
  id: 'go',
  software: 'Go 1.19 net/http + rs/cors 1.7 (golang-go, golang-github-rs-cors-dev)',
  requires: ['go', '/usr/share/gocode/src/github.com/rs/cors/cors.go'],
  proxy: false,
  broken: (caseId, env) => goLaunch(brokenProgram(caseId, env), env),
  fixed(snippet, env) {
    const ownRoutes = env.auth
      ? `${REQUIRE_AUTHORIZATION.trimStart()}\n\t${routes(true, env.route, env.port)}`
      : routes(false, env.route, env.port);
    return goLaunch(fillPlaceholders('go', snippet, { routes: ownRoutes, listen: go(`127.0.0.1:${env.port}`) }), env);
  },
  alsoChange: { names: 'w.Header().Set / Add("Access-Control-Allow-Origin"', where: 'route' },
  notExpressible: {
    'unparsable-methods':
      'rs/cors checks the requested method against AllowedMethods and answers a refused preflight without any CORS header (PreflightMissingAllowOriginHeader, seen on the real server); an allowed one is echoed as the browser sent it, so its list always parses',
    'unparsable-list':
      'rs/cors checks the requested headers against AllowedHeaders and answers a refused preflight without any CORS header (PreflightMissingAllowOriginHeader, seen on the real server); an allowed one is echoed as the browser sent it, so its list always parses',
  },
};
