/**
 * Django + django-cors-headers, Flask + Flask-CORS, FastAPI (Starlette CORSMiddleware) + uvicorn:
 * Debian's python3 packages, run with Debian's own /usr/bin/python3.
 */
import {
  AUTH_IN_FRONT,
  AUTHORIZATION,
  type BrokenConfig,
  CANONICAL_HOST,
  hardCodedOrigin,
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

/** Debian's interpreter, which sees /usr/lib/python3/dist-packages (a pyenv or venv python would not). */
const PYTHON = '/usr/bin/python3';
const DIST = '/usr/lib/python3/dist-packages';

/** A Python string literal (JSON's escapes are valid Python for these ASCII values). */
const py = JSON.stringify;

function pythonLaunch(files: Record<string, string>, args: readonly string[], env: ServerEnv): Launch {
  return {
    files,
    command: PYTHON,
    args,
    env: { PYTHONPATH: env.dir, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
  };
}

// ---------------------------------------------------------------- Django

/** The project's own code: the API view, an auth middleware, and a hand-written CORS middleware. */
const djangoApp = (env: ServerEnv): string =>
  [
    'from django.http import HttpResponse, HttpResponseRedirect',
    'from django.urls import re_path',
    '',
    '',
    'def api(request):',
    ...(env.route.redirect
      ? [
          `    if request.get_host() == ${py(`127.0.0.1:${env.port}`)}:`,
          `        return HttpResponseRedirect(${py(`http://${CANONICAL_HOST}:${env.port}`)} + request.path)`,
        ]
      : []),
    `    response = HttpResponse(${py(APP_BODY)}, content_type="text/plain")`,
    ...(env.route.totalCount ? [`    response[${py(TOTAL_COUNT_HEADER)}] = ${py(TOTAL_COUNT)}`] : []),
    '    return response',
    '',
    '',
    // With APPEND_SLASH (Django's default), CommonMiddleware redirects /api/x to /api/x/ when only the latter resolves.
    `urlpatterns = [re_path(r${env.route.slashRedirect ? '"^api/.*/$"' : '"^api/"'}, api)]`,
    '',
    '',
    'class RequireAuthorization:',
    '    def __init__(self, get_response):',
    '        self.get_response = get_response',
    '',
    '    def __call__(self, request):',
    `        if request.headers.get("Authorization") != ${py(AUTHORIZATION)}:`,
    '            return HttpResponse("unauthorized", status=401)',
    '        return self.get_response(request)',
    '',
    '',
    'class HardCodedAllowOrigin:',
    '    def __init__(self, get_response):',
    '        self.get_response = get_response',
    '',
    '    def __call__(self, request):',
    '        response = self.get_response(request)',
    `        response["Access-Control-Allow-Origin"] = ${py(hardCodedOrigin(env.brokenConfig))}`,
    '        return response',
    '',
  ].join('\n');

const CORS_MIDDLEWARE = '"corsheaders.middleware.CorsMiddleware"';
const COMMON_MIDDLEWARE = '"django.middleware.common.CommonMiddleware"';

/** The CORS part of settings.py as the failing project had it. */
function djangoBrokenCors(caseId: BrokenConfig, env: ServerEnv): string[] {
  const page = py(env.pageOrigin);
  const withCorsHeaders = (...settings: string[]): string[] => [
    'INSTALLED_APPS = ["corsheaders"]',
    `MIDDLEWARE = [${CORS_MIDDLEWARE}, ${COMMON_MIDDLEWARE}]`,
    ...settings,
  ];
  switch (caseId) {
    case 'origin-allowed':
      return withCorsHeaders(`CORS_ALLOWED_ORIGINS = [${page}]`);
    case 'missing-acao':
      // The allow-list lacks the page's origin: no Access-Control-Allow-Origin at all.
      return withCorsHeaders(`CORS_ALLOWED_ORIGINS = [${py(WRONG_ORIGIN)}]`);
    case 'origin-mismatch':
    // invalid-origin: the same hand-written middleware with the host name alone.
    case 'invalid-origin':
      return ['INSTALLED_APPS = []', `MIDDLEWARE = ["app.HardCodedAllowOrigin", ${COMMON_MIDDLEWARE}]`];
    case 'wildcard-credentials':
      return withCorsHeaders('CORS_ALLOW_ALL_ORIGINS = True');
    case 'header-not-allowed':
      return withCorsHeaders(`CORS_ALLOWED_ORIGINS = [${page}]`);
    case 'method-not-allowed':
      return withCorsHeaders(`CORS_ALLOWED_ORIGINS = [${page}]`, 'CORS_ALLOW_METHODS = ["GET", "POST"]');
    case 'preflight-error-status':
      // Authentication above CorsMiddleware answers the preflight itself.
      return [
        'INSTALLED_APPS = ["corsheaders"]',
        `MIDDLEWARE = ["app.RequireAuthorization", ${CORS_MIDDLEWARE}, ${COMMON_MIDDLEWARE}]`,
        `CORS_ALLOWED_ORIGINS = [${page}]`,
      ];
    case 'unparsable-list':
      // One hand-written string with semicolons in the list: corsheaders joins the items with ", " as they are.
      return withCorsHeaders(`CORS_ALLOWED_ORIGINS = [${page}]`, `CORS_ALLOW_HEADERS = [${py(SEMICOLON_LIST)}]`);
    case 'unparsable-methods':
      // One hand-written string with semicolons in the list: corsheaders joins the items with ", " as they are.
      return withCorsHeaders(`CORS_ALLOWED_ORIGINS = [${page}]`, `CORS_ALLOW_METHODS = [${py(SEMICOLON_METHODS)}]`);
    case 'preflight-redirect':
      // corsheaders appended after CommonMiddleware: APPEND_SLASH redirects the preflight before CorsMiddleware sees it.
      return [
        'INSTALLED_APPS = ["corsheaders"]',
        `MIDDLEWARE = [${COMMON_MIDDLEWARE}, ${CORS_MIDDLEWARE}]`,
        `CORS_ALLOWED_ORIGINS = [${page}]`,
      ];
    case 'error-status':
      // The same order in a cookie-session project: the 401 to a simple GET has no CORS headers.
      return [
        'INSTALLED_APPS = ["corsheaders"]',
        `MIDDLEWARE = ["app.RequireAuthorization", ${CORS_MIDDLEWARE}, ${COMMON_MIDDLEWARE}]`,
        `CORS_ALLOWED_ORIGINS = [${page}]`,
        'CORS_ALLOW_CREDENTIALS = True',
      ];
  }
}

function djangoSettings(caseId: BrokenConfig, env: ServerEnv): string {
  return [
    'SECRET_KEY = "cors-lens-fix-verification"',
    'DEBUG = False',
    `ALLOWED_HOSTS = ["127.0.0.1", ${py(CANONICAL_HOST)}]`,
    'ROOT_URLCONF = "app"',
    'USE_TZ = True',
    ...djangoBrokenCors(caseId, env),
    '',
  ].join('\n');
}

function djangoLaunch(settings: string, env: ServerEnv): Launch {
  return pythonLaunch(
    { 'settings.py': settings, 'app.py': djangoApp(env) },
    ['-m', 'django', 'runserver', `127.0.0.1:${env.port}`, '--noreload', '--settings=settings'],
    env,
  );
}

export const django: StackHarness = {
  id: 'django',
  software: 'Django 3.2 + django-cors-headers 3.14 (python3-django, python3-django-cors-headers)',
  requires: [PYTHON, `${DIST}/django`, `${DIST}/corsheaders`],
  proxy: false,
  broken: (caseId, env) => djangoLaunch(djangoSettings(caseId, env), env),
  // The documented place: the end of settings.py, after the project's own INSTALLED_APPS and MIDDLEWARE.
  fixed: (snippet, env) => djangoLaunch(`${djangoSettings(env.brokenConfig, env)}\n${snippet}`, env),
  alsoChange: null,
  notExpressible: {
    'duplicate-acao':
      "an HttpResponse holds one value per header name and CorsMiddleware assigns Access-Control-Allow-Origin after the view, replacing the view's copy (seen on the real server)",
  },
};

// ---------------------------------------------------------------- Flask

function flaskRoutes(env: ServerEnv, withAuth = env.auth): string {
  return [
    'import flask',
    '',
    ...(withAuth
      ? [
          '',
          '@app.before_request',
          'def require_authorization():',
          `    if flask.request.headers.get("Authorization") != ${py(AUTHORIZATION)}:`,
          '        return "unauthorized", 401',
          '',
        ]
      : []),
    '',
    // A rule ending in a slash makes Werkzeug redirect the path without it (strict_slashes), whatever the method
    // (not after a greedy <path:…>, which would then not match at all).
    `@app.route(${env.route.slashRedirect ? '"/api/<stack>/<name>/"' : '"/api/<path:rest>"'}, methods=["GET", "POST", "PUT", "PATCH", "DELETE"])`,
    'def api(**rest):',
    ...(env.route.redirect
      ? [
          `    if flask.request.host == ${py(`127.0.0.1:${env.port}`)}:`,
          `        return flask.redirect(${py(`http://${CANONICAL_HOST}:${env.port}`)} + flask.request.path)`,
        ]
      : []),
    `    response = flask.make_response(${py(APP_BODY)})`,
    ...(env.route.totalCount ? [`    response.headers[${py(TOTAL_COUNT_HEADER)}] = ${py(TOTAL_COUNT)}`] : []),
    ...(env.route.allowOrigin
      ? [`    response.headers["Access-Control-Allow-Origin"] = ${py(ROUTE_ALLOW_ORIGIN)}`]
      : []),
    '    return response',
    '',
    '',
    `app.run(host="127.0.0.1", port=${env.port})`,
  ].join('\n');
}

function flaskBrokenCors(caseId: BrokenConfig, env: ServerEnv): string[] {
  const page = py(env.pageOrigin);
  switch (caseId) {
    case 'origin-allowed':
    // Flask-CORS works in after_request: the routing redirect answers the preflight first.
    case 'preflight-redirect':
      return [`CORS(app, origins=[${page}])`];
    case 'missing-acao':
      return [];
    case 'origin-mismatch':
    // invalid-origin: the host name alone.
    case 'invalid-origin':
      return [
        '@app.after_request',
        'def allow_origin(response):',
        `    response.headers["Access-Control-Allow-Origin"] = ${py(hardCodedOrigin(caseId))}`,
        '    return response',
      ];
    case 'wildcard-credentials':
      // Flask-CORS reflects the origin by default; send_wildcard makes it send '*'.
      return ['CORS(app, send_wildcard=True)'];
    case 'header-not-allowed':
      return [`CORS(app, origins=[${page}], allow_headers=["Content-Type"])`];
    case 'method-not-allowed':
      return [`CORS(app, origins=[${page}], methods=["GET", "POST"])`];
    case 'preflight-error-status':
      // The login check runs as a before_request hook, before Flask-CORS sees the preflight.
      return [`CORS(app, origins=[${page}])`];
    case 'unparsable-list':
      // A hand-written string with semicolons for allow_headers (listed in notExpressible: never sent as it is).
      return [`CORS(app, origins=[${page}], allow_headers=${py(SEMICOLON_LIST)})`];
    case 'unparsable-methods':
      // A hand-written string with semicolons for methods.
      return [`CORS(app, origins=[${page}], methods=${py(SEMICOLON_METHODS)})`];
    case 'error-status':
      // The same login check in a cookie-session app (listed in notExpressible: Flask-CORS covers its 401).
      return [`CORS(app, origins=[${page}], supports_credentials=True)`];
  }
}

function flaskLaunch(source: string, env: ServerEnv): Launch {
  return pythonLaunch({ 'app.py': source }, ['app.py'], env);
}

export const flask: StackHarness = {
  id: 'flask',
  software: 'Flask 2.2 + Flask-CORS 3.0 (python3-flask, python3-flask-cors)',
  requires: [PYTHON, `${DIST}/flask`, `${DIST}/flask_cors`],
  proxy: false,
  broken: (caseId, env) =>
    flaskLaunch(
      [
        'from flask import Flask',
        'from flask_cors import CORS',
        '',
        'app = Flask(__name__)',
        ...flaskBrokenCors(caseId, env),
        flaskRoutes(env),
        '',
      ].join('\n'),
      env,
    ),
  fixed: (snippet, env) => flaskLaunch(fillPlaceholders('flask', snippet, { routes: flaskRoutes(env) }), env),
  alsoChange: null,
  notExpressible: {
    'duplicate-acao':
      "Flask-CORS's after_request leaves a response alone when the view already set Access-Control-Allow-Origin, so the view's value is the only one (seen on the real server)",
    'unparsable-list':
      'Flask-CORS matches the requested headers against allow_headers (each item a regular expression) and sends back only those that match, so its list always parses: the semicolon string matched none (HeaderDisallowedByPreflightResponse, seen on the real server)',
    'error-status':
      "Flask-CORS's after_request also runs for a response a before_request hook returns, so the login check's 401 carries the CORS headers and the page reads it (seen on the real server); a 401 without them would come from outside Flask (a WSGI middleware, a proxy), which no Flask-CORS snippet reaches",
  },
};

// ---------------------------------------------------------------- FastAPI

function fastapiAuth(): string {
  return [
    '@app.middleware("http")',
    'async def require_authorization(request, call_next):',
    `    if request.headers.get("authorization") != ${py(AUTHORIZATION)}:`,
    '        return PlainTextResponse("unauthorized", status_code=401)',
    '    return await call_next(request)',
  ].join('\n');
}

/** The app's trailing-slash redirect (see AppRoute.slashRedirect). */
function fastapiAppendSlash(): string {
  return [
    '@app.middleware("http")',
    'async def append_slash(request, call_next):',
    '    if not request.url.path.endswith("/"):',
    '        return RedirectResponse(request.url.path + "/", status_code=301)',
    '    return await call_next(request)',
  ].join('\n');
}

/** The app's own middleware, for the snippet's place before CORSMiddleware. */
function fastapiOwnMiddleware(env: ServerEnv): string {
  const own = [...(env.auth ? [fastapiAuth()] : []), ...(env.route.slashRedirect ? [fastapiAppendSlash()] : [])];
  if (own.length === 0) return '';
  return ['from fastapi.responses import PlainTextResponse, RedirectResponse', '', '', own.join('\n\n\n')].join('\n');
}

function fastapiRoutes(env: ServerEnv): string {
  const headers = env.route.totalCount ? `, headers={${py(TOTAL_COUNT_HEADER)}: ${py(TOTAL_COUNT)}}` : '';
  return [
    'from fastapi import Request',
    'from fastapi.responses import PlainTextResponse, RedirectResponse',
    '',
    '',
    '@app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])',
    'def api(rest: str, request: Request):',
    ...(env.route.redirect
      ? [
          `    if request.headers.get("host") == ${py(`127.0.0.1:${env.port}`)}:`,
          `        return RedirectResponse(${py(`http://${CANONICAL_HOST}:${env.port}`)} + request.url.path, status_code=302)`,
        ]
      : []),
    `    return PlainTextResponse(${py(APP_BODY)}${headers})`,
  ].join('\n');
}

function fastapiBrokenCors(caseId: BrokenConfig, env: ServerEnv): string[] {
  const page = py(env.pageOrigin);
  switch (caseId) {
    case 'origin-allowed':
      return [`app.add_middleware(CORSMiddleware, allow_origins=[${page}])`];
    case 'missing-acao':
      return [];
    case 'origin-mismatch':
    // invalid-origin: the host name alone.
    case 'invalid-origin':
      return [
        '@app.middleware("http")',
        'async def allow_origin(request, call_next):',
        '    response = await call_next(request)',
        `    response.headers["Access-Control-Allow-Origin"] = ${py(hardCodedOrigin(caseId))}`,
        '    return response',
      ];
    case 'wildcard-credentials':
      return ['app.add_middleware(CORSMiddleware, allow_origins=["*"])'];
    case 'header-not-allowed':
      return [`app.add_middleware(CORSMiddleware, allow_origins=[${page}], allow_methods=["*"])`];
    case 'method-not-allowed':
      // allow_methods defaults to GET only.
      return [`app.add_middleware(CORSMiddleware, allow_origins=[${page}])`];
    case 'preflight-error-status':
      // The auth middleware is added after CORSMiddleware, so it runs first.
      return [`app.add_middleware(CORSMiddleware, allow_origins=[${page}])`, fastapiAuth()];
    case 'error-status':
      // The same order in a cookie-session app: the 401 to a simple GET has no CORS headers.
      return [`app.add_middleware(CORSMiddleware, allow_origins=[${page}], allow_credentials=True)`, fastapiAuth()];
    case 'unparsable-list':
      // One hand-written string with semicolons in allow_headers (listed in notExpressible: never sent as it is).
      return [`app.add_middleware(CORSMiddleware, allow_origins=[${page}], allow_headers=[${py(SEMICOLON_LIST)}])`];
    case 'unparsable-methods':
      // One hand-written string with semicolons in allow_methods (listed in notExpressible: never sent as it is).
      return [`app.add_middleware(CORSMiddleware, allow_origins=[${page}], allow_methods=[${py(SEMICOLON_METHODS)}])`];
    case 'preflight-redirect':
      // The trailing-slash middleware is added after CORSMiddleware, so it runs first and redirects the preflight.
      return [`app.add_middleware(CORSMiddleware, allow_origins=[${page}])`, fastapiAppendSlash()];
  }
}

function fastapiLaunch(source: string, env: ServerEnv): Launch {
  return pythonLaunch(
    { 'app.py': source },
    ['-m', 'uvicorn', 'app:app', '--host', '127.0.0.1', '--port', String(env.port), '--no-access-log'],
    env,
  );
}

export const fastapi: StackHarness = {
  id: 'fastapi',
  software: 'FastAPI 0.92 / Starlette 0.26 + uvicorn 0.17 (python3-fastapi, python3-starlette, python3-uvicorn)',
  requires: [PYTHON, `${DIST}/fastapi`, `${DIST}/starlette`, `${DIST}/uvicorn`],
  proxy: false,
  broken: (caseId, env) =>
    fastapiLaunch(
      [
        'from fastapi import FastAPI',
        'from fastapi.middleware.cors import CORSMiddleware',
        'from fastapi.responses import PlainTextResponse, RedirectResponse',
        '',
        'app = FastAPI()',
        ...fastapiBrokenCors(caseId, env),
        // The broken preflight case already added the auth middleware after CORS.
        ...(env.auth && !AUTH_IN_FRONT.has(caseId) ? [fastapiAuth()] : []),
        fastapiRoutes(env),
        '',
      ].join('\n'),
      env,
    ),
  fixed: (snippet, env) =>
    fastapiLaunch(
      fillPlaceholders('fastapi', snippet, {
        middleware: fastapiOwnMiddleware(env),
        routes: fastapiRoutes(env),
      }),
      env,
    ),
  alsoChange: null,
  notExpressible: {
    'duplicate-acao':
      "CORSMiddleware wraps the routes and assigns Access-Control-Allow-Origin on the way out (MutableHeaders replaces every earlier value), so a path operation's copy never makes a second value (seen on the real server)",
    'unparsable-methods':
      "Starlette's CORSMiddleware checks the requested method against allow_methods itself and refuses the preflight with 400 instead of sending the list (PreflightInvalidStatus, seen on the real server)",
    'unparsable-list':
      "Starlette's CORSMiddleware checks the requested headers against allow_headers itself and refuses the preflight with 400 instead of sending the list (PreflightInvalidStatus, seen on the real server)",
  },
};
