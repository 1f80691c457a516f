import { LAYER_IN_FRONT } from './duplicate-origin';
import { listOf, pyString } from './literals';
import { ROUTES_PYTHON } from './placeholders';
import { type RecipeContext, uppercaseMethods } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `Flask-CORS adds its headers to Flask's error responses while intercept_exceptions is on (the default); a ${ctx.status} without them came from the WSGI server, a proxy in front, or a crash before Flask answered.`,
  'missing-allow-origin': (ctx) =>
    `resources (default r"/*") or origins do not cover this path or ${ctx.origin}, or CORS() was applied to another app or blueprint than the one serving this route.`,
  wildcard:
    "send_wildcard=True (or CORS_SEND_WILDCARD) makes Flask-CORS send '*', which browsers refuse with credentials: drop it, list the exact origin and set supports_credentials=True.",
  credentials:
    'supports_credentials defaults to False, so Flask-CORS never sends Access-Control-Allow-Credentials: set it to True.',
  'preflight-auth': (ctx) =>
    `A before_request hook (login or API-key check) rejected the OPTIONS preflight with ${ctx.status}, and Flask-CORS only adds headers afterwards (after_request): answer preflights in a before_request hook registered before yours, as the snippet does, since preflights never carry credentials.`,
  'preflight-missing-allow-origin': (ctx) =>
    `The origin does not match origins (or the path is outside resources), and Flask-CORS then adds no CORS header at all to the preflight: list ${ctx.origin}.`,
  method: (ctx) =>
    `methods was narrowed without ${ctx.neededMethods.join(', ')}: the default allows GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE. Flask-CORS uppercases methods, so it always answers PATCH, never patch.`,
  header: (ctx) =>
    `allow_headers was narrowed without ${ctx.headers.join(', ')}: left at its default '*', Flask-CORS reflects the requested headers.`,
};

function snippet(ctx: RecipeContext): string {
  const methods = uppercaseMethods(ctx);
  const args = [
    '    app,',
    `    origins=${listOf(ctx.origins, pyString)},`,
    `    methods=${listOf(methods, pyString)},`,
  ];
  if (ctx.headers.length > 0) args.push(`    allow_headers=${listOf(ctx.headers, pyString)},`);
  if (ctx.expose.length > 0) args.push(`    expose_headers=${listOf(ctx.expose, pyString)},`);
  if (ctx.credentials) args.push('    supports_credentials=True,');
  args.push(`    max_age=${ctx.maxAge},`);
  return [
    'from flask import Flask, request',
    'from flask_cors import CORS',
    '',
    'app = Flask(__name__)',
    '',
    'CORS(',
    ...args,
    ')',
    '',
    '',
    '@app.after_request',
    'def vary_on_origin(response):',
    '    # Flask-CORS adds Vary: Origin only for several or regex origins.',
    '    response.vary.add("Origin")',
    '    return response',
    '',
    '',
    '@app.before_request',
    'def answer_preflight():',
    '    # Registered before your own hooks, so a login check never sees a preflight (which carries',
    '    # no credentials); Flask-CORS adds the CORS headers to this answer.',
    '    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:',
    '        return app.make_default_options_response()',
    '    return None',
    '',
    '',
    ROUTES_PYTHON.text,
    '',
  ].join('\n');
}

/** Flask with Flask-CORS. */
export const FLASK = {
  id: 'flask',
  label: 'Flask (Flask-CORS)',
  language: 'python',
  snippet,
  placeholders: [ROUTES_PYTHON],
  pitfalls: PITFALLS,
  where:
    'In the module that creates the Flask app (pip install flask-cors): keep your app = Flask(...) and put these lines right after it, before your own before_request hooks and blueprints; with an app factory, put them at the top of create_app().',
  notes: [],
  duplicateOriginChange: `Flask-CORS leaves a response alone when the view already set Access-Control-Allow-Origin (so remove the view's own, or it wins), and never adds a second value itself, so two values come from outside Flask: ${LAYER_IN_FRONT}`,
} satisfies StackDefinition<'flask'>;
