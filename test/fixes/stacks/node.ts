/** Express + cors and Fastify + @fastify/cors, from the repository's devDependencies. */
import {
  AUTH_IN_FRONT,
  AUTHORIZATION,
  BARE_HOST,
  type BrokenConfig,
  CANONICAL_HOST,
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

const js = JSON.stringify;

function nodeLaunch(source: string, env: ServerEnv): Launch {
  return {
    files: { 'app.cjs': source },
    command: process.execPath,
    args: ['app.cjs'],
    // The app lives in a temporary directory: resolve express, cors, fastify from the repository.
    env: { NODE_PATH: env.nodeModules },
  };
}

// ---------------------------------------------------------------- Express

/** The application's own part: its auth layer (when it has one), its routes, its listen call. */
/** The app's trailing-slash redirect (see AppRoute.slashRedirect). */
const EXPRESS_APPEND_SLASH = [
  'app.use((req, res, next) => {',
  "  if (req.path.endsWith('/')) next();",
  "  else res.redirect(301, req.path + '/');",
  '});',
].join('\n');

function expressRoutes(env: ServerEnv, withAuth = env.auth, route = env.route): string {
  return [
    ...(withAuth
      ? [
          'app.use((req, res, next) => {',
          `  if (req.headers.authorization === ${js(AUTHORIZATION)}) next();`,
          "  else res.status(401).send('unauthorized');",
          '});',
        ]
      : []),
    ...(route.slashRedirect ? [EXPRESS_APPEND_SLASH] : []),
    "app.use('/api', (req, res) => {",
    ...(env.route.redirect
      ? [
          `  if (req.headers.host === ${js(`127.0.0.1:${env.port}`)}) {`,
          `    return res.redirect(302, ${js(`http://${CANONICAL_HOST}:${env.port}`)} + req.originalUrl);`,
          '  }',
        ]
      : []),
    ...(env.route.totalCount ? [`  res.set(${js(TOTAL_COUNT_HEADER)}, ${js(TOTAL_COUNT)});`] : []),
    // res.set would replace cors()'s value; append adds a second one, as a hand-written CORS line next to cors() does.
    ...(env.route.allowOrigin ? [`  res.append('Access-Control-Allow-Origin', ${js(ROUTE_ALLOW_ORIGIN)});`] : []),
    `  res.send(${js(APP_BODY)});`,
    '});',
    `app.listen(${env.port}, '127.0.0.1');`,
  ].join('\n');
}

const EXPRESS_BROKEN: Record<BrokenConfig, (env: ServerEnv) => string> = {
  'origin-allowed': (env) => `app.use(cors({ origin: ${js(env.pageOrigin)} }));`,
  // cors() mounted on another path only: this route has no CORS layer.
  'missing-acao': () => "app.use('/other', cors());",
  // A string origin is sent verbatim, whatever the request's origin.
  'origin-mismatch': () => `app.use(cors({ origin: ${js(WRONG_ORIGIN)} }));`,
  // The host name alone, sent verbatim.
  'invalid-origin': () => `app.use(cors({ origin: ${js(BARE_HOST)} }));`,
  // cors()'s default origin is '*'.
  'wildcard-credentials': () => 'app.use(cors());',
  'header-not-allowed': (env) => `app.use(cors({ origin: ${js(env.pageOrigin)}, allowedHeaders: ['Content-Type'] }));`,
  'method-not-allowed': (env) => `app.use(cors({ origin: ${js(env.pageOrigin)}, methods: ['GET', 'POST'] }));`,
  // Auth registered before cors() answers the preflight 401.
  'preflight-error-status': (env) =>
    [
      'app.use((req, res, next) => {',
      `  if (req.headers.authorization === ${js(AUTHORIZATION)}) next();`,
      "  else res.status(401).send('unauthorized');",
      '});',
      `app.use(cors({ origin: ${js(env.pageOrigin)} }));`,
    ].join('\n'),
  // The same order in a cookie-session app: its 401 to a simple GET goes out without CORS headers.
  'error-status': (env) =>
    [
      'app.use((req, res, next) => {',
      `  if (req.headers.authorization === ${js(AUTHORIZATION)}) next();`,
      "  else res.status(401).send('unauthorized');",
      '});',
      `app.use(cors({ origin: ${js(env.pageOrigin)}, credentials: true }));`,
    ].join('\n'),
  // A hand-written list with semicolons: cors() sends a string allowedHeaders as it is.
  'unparsable-list': (env) =>
    `app.use(cors({ origin: ${js(env.pageOrigin)}, allowedHeaders: ${js(SEMICOLON_LIST)} }));`,
  // A hand-written method list with semicolons: cors() sends a string as it is.
  'unparsable-methods': (env) => `app.use(cors({ origin: ${js(env.pageOrigin)}, methods: ${js(SEMICOLON_METHODS)} }));`,
  // The trailing-slash middleware registered before cors() redirects the preflight too.
  'preflight-redirect': (env) => [EXPRESS_APPEND_SLASH, `app.use(cors({ origin: ${js(env.pageOrigin)} }));`].join('\n'),
};

export const express: StackHarness = {
  id: 'express',
  software: 'express 5 + cors 2 (npm)',
  requires: [],
  proxy: false,
  broken(caseId, env) {
    const source = [
      "const express = require('express');",
      "const cors = require('cors');",
      'const app = express();',
      EXPRESS_BROKEN[caseId](env),
      // The broken preflight case already put auth in front of cors().
      expressRoutes(env, env.auth && !AUTH_IN_FRONT.has(caseId), routeBehind(caseId, env.route)),
      '',
    ].join('\n');
    return nodeLaunch(source, env);
  },
  fixed(snippet, env) {
    return nodeLaunch(fillPlaceholders('express', snippet, { routes: expressRoutes(env) }), env);
  },
  alsoChange: { names: 'res.append', where: 'route' },
  notExpressible: {},
};

// ---------------------------------------------------------------- Fastify

function fastifyAuth(): string {
  return [
    "fastify.addHook('onRequest', async (request, reply) => {",
    `  if (request.headers.authorization !== ${js(AUTHORIZATION)}) return reply.code(401).send('unauthorized');`,
    '});',
  ].join('\n');
}

/** The app's trailing-slash redirect (see AppRoute.slashRedirect). */
const FASTIFY_APPEND_SLASH = [
  "fastify.addHook('onRequest', async (request, reply) => {",
  "  if (!request.url.endsWith('/')) return reply.redirect(request.url + '/', 301);",
  '});',
].join('\n');

function fastifyRoutes(env: ServerEnv, withAuth = env.auth, route = env.route): string {
  return [
    ...(withAuth ? [fastifyAuth()] : []),
    ...(route.slashRedirect ? [FASTIFY_APPEND_SLASH] : []),
    "for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {",
    `  fastify.route({ method, url: '/api/*', handler: async (request, reply) => {`,
    ...(env.route.redirect
      ? [
          `    if (request.headers.host === ${js(`127.0.0.1:${env.port}`)}) {`,
          `      return reply.redirect(${js(`http://${CANONICAL_HOST}:${env.port}`)} + request.url, 302);`,
          '    }',
        ]
      : []),
    ...(env.route.totalCount ? [`    reply.header(${js(TOTAL_COUNT_HEADER)}, ${js(TOTAL_COUNT)});`] : []),
    `    return ${js(APP_BODY)};`,
    '  } });',
    '}',
    `fastify.listen({ port: ${env.port}, host: '127.0.0.1' });`,
  ].join('\n');
}

const FASTIFY_BROKEN: Record<BrokenConfig, (env: ServerEnv) => string> = {
  'origin-allowed': (env) => `fastify.register(cors, { origin: ${js(env.pageOrigin)} });`,
  // The allow-list lacks the page's origin: no Access-Control-Allow-Origin at all.
  'missing-acao': () => `fastify.register(cors, { origin: [${js(WRONG_ORIGIN)}] });`,
  'origin-mismatch': () => `fastify.register(cors, { origin: ${js(WRONG_ORIGIN)} });`,
  // The host name alone, sent verbatim.
  'invalid-origin': () => `fastify.register(cors, { origin: ${js(BARE_HOST)} });`,
  'wildcard-credentials': () => 'fastify.register(cors);',
  'header-not-allowed': (env) =>
    `fastify.register(cors, { origin: ${js(env.pageOrigin)}, allowedHeaders: ['Content-Type'] });`,
  'method-not-allowed': (env) => `fastify.register(cors, { origin: ${js(env.pageOrigin)}, methods: ['GET', 'POST'] });`,
  'preflight-error-status': (env) =>
    [fastifyAuth(), `fastify.register(cors, { origin: ${js(env.pageOrigin)} });`].join('\n'),
  // The auth hook added before @fastify/cors's replies 401 before the CORS hook runs.
  'error-status': (env) =>
    [fastifyAuth(), `fastify.register(cors, { origin: ${js(env.pageOrigin)}, credentials: true });`].join('\n'),
  // A hand-written list with semicolons: @fastify/cors sends a string allowedHeaders as it is.
  'unparsable-list': (env) =>
    `fastify.register(cors, { origin: ${js(env.pageOrigin)}, allowedHeaders: ${js(SEMICOLON_LIST)} });`,
  // A hand-written method list with semicolons: @fastify/cors sends a string as it is.
  'unparsable-methods': (env) =>
    `fastify.register(cors, { origin: ${js(env.pageOrigin)}, methods: ${js(SEMICOLON_METHODS)} });`,
  // The trailing-slash hook added before @fastify/cors's redirects the preflight too.
  'preflight-redirect': (env) =>
    [FASTIFY_APPEND_SLASH, `fastify.register(cors, { origin: ${js(env.pageOrigin)} });`].join('\n'),
};

export const fastify: StackHarness = {
  id: 'fastify',
  software: 'fastify 5 + @fastify/cors 11 (npm)',
  requires: [],
  proxy: false,
  broken(caseId, env) {
    const source = [
      "const fastify = require('fastify')();",
      "const cors = require('@fastify/cors');",
      FASTIFY_BROKEN[caseId](env),
      fastifyRoutes(env, env.auth && !AUTH_IN_FRONT.has(caseId), routeBehind(caseId, env.route)),
      '',
    ].join('\n');
    return nodeLaunch(source, env);
  },
  fixed(snippet, env) {
    return nodeLaunch(fillPlaceholders('fastify', snippet, { routes: fastifyRoutes(env) }), env);
  },
  alsoChange: null,
  notExpressible: {
    'duplicate-acao':
      "reply.header replaces the value @fastify/cors set in its onRequest hook (one value per header name but set-cookie): the route's copy is the only one sent (seen on the real server)",
  },
};
