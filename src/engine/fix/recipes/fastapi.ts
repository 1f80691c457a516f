import { LAYER_IN_FRONT } from './duplicate-origin';
import { listOf, pyString } from './literals';
import { MIDDLEWARE_PYTHON, ROUTES_PYTHON } from './placeholders';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    (ctx.status ?? 0) >= 500
      ? "An unhandled exception becomes a 500 in Starlette's ServerErrorMiddleware, which sits outside CORSMiddleware, so the 500 has no CORS headers: fix the exception, or catch it in an exception handler that returns a JSONResponse."
      : `A middleware added after CORSMiddleware (auth, rate limiting) runs before it (Starlette runs the last-added middleware first), so its ${ctx.status} has no CORS headers: add CORSMiddleware last. An HTTPException raised in a route passes through CORSMiddleware and keeps them; otherwise the ${ctx.status} came from a proxy or gateway in front, or allow_origins lacks the origin.`,
  'missing-allow-origin': (ctx) =>
    `allow_origins does not contain ${ctx.origin} exactly (no trailing slash), or the middleware was added to another app than the one serving this path (a mounted sub-application needs its own).`,
  wildcard:
    'allow_origins=["*"] without allow_credentials=True sends \'*\', which browsers refuse with credentials: list the exact origin and set allow_credentials=True.',
  credentials:
    'allow_credentials defaults to False, so no Access-Control-Allow-Credentials is sent: set allow_credentials=True.',
  'preflight-auth': (ctx) =>
    `An auth middleware added after CORSMiddleware wraps it (Starlette runs the last-added middleware first) and answered the preflight ${ctx.status}: add CORSMiddleware last. Route dependencies never see preflights.`,
  'preflight-status': (ctx) =>
    ctx.status === 400
      ? 'Starlette answers a preflight it rejects with 400 "Disallowed CORS origin/method/headers": allow_methods defaults to GET only and allow_headers to none beyond the safelisted ones.'
      : `No CORSMiddleware answered OPTIONS, so the route's own ${ctx.status} came through: add the middleware to the app that serves this path.`,
  'preflight-missing-allow-origin':
    'allow_origins does not contain the origin exactly, so Starlette answers the preflight 400 "Disallowed CORS origin" without Access-Control-Allow-Origin.',
  method: (ctx) =>
    `allow_methods defaults to GET only: list ${ctx.neededMethods.join(', ')} (Starlette compares the method exactly as sent).`,
  header: (ctx) => `allow_headers defaults to none beyond the safelisted ones: add ${ctx.headers.join(', ')}.`,
};

function snippet(ctx: RecipeContext): string {
  const args = [
    '    CORSMiddleware,',
    `    allow_origins=${listOf(ctx.origins, pyString)},`,
    `    allow_methods=${listOf(ctx.methods, pyString)},`,
    `    allow_headers=${listOf(ctx.headers, pyString)},`,
  ];
  if (ctx.credentials) args.push('    allow_credentials=True,');
  if (ctx.expose.length > 0) args.push(`    expose_headers=${listOf(ctx.expose, pyString)},`);
  args.push(`    max_age=${ctx.maxAge},`);
  return [
    'from fastapi import FastAPI',
    'from fastapi.middleware.cors import CORSMiddleware',
    '',
    'app = FastAPI()',
    '',
    MIDDLEWARE_PYTHON.text,
    '',
    '# Added last, so it runs first: it answers preflights before any dependency or auth runs.',
    'app.add_middleware(',
    ...args,
    ')',
    '',
    ROUTES_PYTHON.text,
    '',
  ].join('\n');
}

/** FastAPI / Starlette with CORSMiddleware. */
export const FASTAPI = {
  id: 'fastapi',
  label: 'FastAPI (Starlette CORSMiddleware)',
  language: 'python',
  snippet,
  placeholders: [MIDDLEWARE_PYTHON, ROUTES_PYTHON],
  pitfalls: PITFALLS,
  where:
    'In the module that creates the FastAPI (or Starlette) app: keep your app = FastAPI(...) and add the middleware right after it, after any other add_middleware call so it is the outermost. Starlette adds Vary: Origin itself.',
  notes: [],
  duplicateOriginChange: `CORSMiddleware replaces a route's Access-Control-Allow-Origin, so a second value comes from outside the app: ${LAYER_IN_FRONT}`,
} satisfies StackDefinition<'fastapi'>;
