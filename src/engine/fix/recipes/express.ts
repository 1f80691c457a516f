import { jsCorsOptions } from './js-cors-options';
import { ROUTES_JS } from './placeholders';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `The ${ctx.status} was sent by middleware registered before cors() (auth, body parser, rate limiter) or by a proxy in front, so it has no CORS headers: register app.use(cors(...)) first. Express's own error handler keeps headers cors() already set.`,
  'missing-allow-origin': (ctx) =>
    `cors() is mounted on other routes only (or after the router), or its origin option does not include ${ctx.origin}: for a non-matching origin it sends no Access-Control-Allow-Origin at all.`,
  wildcard:
    "cors() defaults to origin '*', which browsers refuse when credentials are included: set origin to the exact origin and credentials: true.",
  credentials:
    'cors() leaves credentials off by default: set credentials: true (with an exact origin, never the default *).',
  'origin-mismatch': (ctx) =>
    `The origin option is a different string (a trailing slash, another port, http vs https): cors() sends a string origin verbatim, so it must be ${ctx.origin}.`,
  'multiple-origins':
    'Both cors() and another layer (res.set in a route, a proxy) send Access-Control-Allow-Origin, or origin was one comma-joined string instead of an array.',
  'preflight-auth': (ctx) =>
    `Auth middleware registered before cors() answered the preflight ${ctx.status}: preflights carry no credentials, so app.use(cors(...)) must come before it (cors() ends preflights itself).`,
  'preflight-status': (ctx) =>
    `cors() is applied per route only, so nothing answers OPTIONS here and Express replies ${ctx.status}: mount app.use(cors(...)) globally, or add app.options(path, cors(...)) for the route.`,
  'preflight-missing-allow-origin':
    "cors() is applied per route only: Express's automatic OPTIONS reply has no CORS headers. Mount app.use(cors(...)) globally, or add app.options(path, cors(...)).",
  method: (ctx) =>
    `methods was set without ${ctx.neededMethods.join(', ')}: an explicit list replaces cors()'s default (GET,HEAD,PUT,PATCH,POST,DELETE), and each method must be spelled as the page sends it.`,
  header: (ctx) =>
    `allowedHeaders was set without ${ctx.headers.join(', ')}: left unset, cors() reflects the request's Access-Control-Request-Headers.`,
};

function snippet(ctx: RecipeContext): string {
  return [
    "const express = require('express');",
    "const cors = require('cors');",
    '',
    'const app = express();',
    '',
    'const corsOptions = {',
    ...jsCorsOptions(ctx),
    '};',
    '',
    '// First, before auth, body parsers and routers: answers every preflight (OPTIONS) with 204',
    '// and adds the CORS headers (and Vary: Origin) to every response, errors included.',
    'app.use(cors(corsOptions));',
    '',
    ROUTES_JS.text,
    '',
  ].join('\n');
}

/** Express with the `cors` package. */
export const EXPRESS = {
  id: 'express',
  label: 'Express (cors)',
  language: 'js',
  snippet,
  placeholders: [ROUTES_JS],
  pitfalls: PITFALLS,
  where:
    'In the file that creates the Express app (npm install cors); keep your existing app and replace only the cors setup, placing app.use(cors(corsOptions)) before any other middleware.',
  notes: [
    'If you apply cors() per route instead, also answer preflights with app.options(path, cors(corsOptions)) for each such path.',
  ],
  duplicateOriginChange:
    "Remove every res.append / res.set / res.header / res.setHeader('Access-Control-Allow-Origin', …) from your route handlers and other middleware: cors() sends the header; res.append adds a second value, and the others replace cors()'s.",
} satisfies StackDefinition<'express'>;
