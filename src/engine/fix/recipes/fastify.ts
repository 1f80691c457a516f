import { LAYER_IN_FRONT } from './duplicate-origin';
import { jsCorsOptions } from './js-cors-options';
import { ROUTES_FASTIFY } from './placeholders';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `A hook added before fastify.register(cors, ...) (auth, rate limiting) replied ${ctx.status} before @fastify/cors's onRequest hook ran, so no CORS headers: register @fastify/cors first. Errors raised after its hook keep them; otherwise the ${ctx.status} came from a proxy in front, a crash, or a plugin context where @fastify/cors is not registered (encapsulation).`,
  'missing-allow-origin': (ctx) =>
    `@fastify/cors was registered inside a child plugin, so its hook does not cover this route (Fastify encapsulation), or origin does not include ${ctx.origin}.`,
  wildcard:
    "@fastify/cors defaults to origin '*', which browsers refuse when credentials are included: set origin to the exact origin and credentials: true.",
  credentials: '@fastify/cors leaves credentials off by default: set credentials: true (with an exact origin).',
  'preflight-auth': (ctx) =>
    `An onRequest auth hook registered before @fastify/cors answered the preflight ${ctx.status}: register @fastify/cors first, since its hook answers preflights before later hooks run.`,
  'preflight-status': (ctx) =>
    ctx.status === 400
      ? 'strictPreflight (on by default) answers 400 to an OPTIONS without Origin or Access-Control-Request-Method: a proxy in front may strip them.'
      : `Nothing answered OPTIONS (${ctx.status}): @fastify/cors is not registered in the context serving this route, or preflight: false turned its OPTIONS route off.`,
  method: (ctx) =>
    `@fastify/cors v11 defaults methods to GET,HEAD,POST (older versions also allowed PUT, PATCH, DELETE): list ${ctx.neededMethods.join(', ')} explicitly.`,
  header: (ctx) =>
    `allowedHeaders was set without ${ctx.headers.join(', ')}: left unset, @fastify/cors reflects the request's Access-Control-Request-Headers.`,
};

function snippet(ctx: RecipeContext): string {
  return [
    "const fastify = require('fastify')();",
    "const cors = require('@fastify/cors');",
    '',
    '// Register at the root, before auth plugins: answers preflights itself (204) and adds',
    '// the CORS headers (and Vary: Origin) to every response.',
    'fastify.register(cors, {',
    ...jsCorsOptions(ctx),
    '});',
    '',
    ROUTES_FASTIFY.text,
    '',
  ].join('\n');
}

/** Fastify with `@fastify/cors`. */
export const FASTIFY = {
  id: 'fastify',
  label: 'Fastify (@fastify/cors)',
  language: 'js',
  snippet,
  placeholders: [ROUTES_FASTIFY],
  pitfalls: PITFALLS,
  where:
    'In the file that creates the Fastify instance (npm install @fastify/cors); keep your instance and register the plugin on the root instance, not inside a child plugin, so every route is covered.',
  notes: [],
  duplicateOriginChange: `A route's reply.header('Access-Control-Allow-Origin', …) replaces @fastify/cors's value rather than adding one, so a second value comes from outside Fastify: ${LAYER_IN_FRONT}`,
} satisfies StackDefinition<'fastify'>;
