/**
 * Rails-style Rack + rack-cors: Debian's ruby-rack, ruby-rack-cors and ruby-webrick. Rails itself is
 * not packaged here, so the initializer runs against a stand-in for the one Rails API it calls
 * (`Rails.application.config.middleware.insert_before`), which puts the middleware in a stack that
 * config.ru then uses in order, outermost first, as Rails does.
 */
import {
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
import { APP_BODY, type Launch, type ServerEnv, type StackHarness } from '../support/stack';

const rb = JSON.stringify;

/** The application's own parts: the endpoint, an auth layer, a hand-written CORS header. */
const app = (env: ServerEnv): string =>
  [
    'require "rack/cors"',
    '',
    ...(env.route.redirect
      ? [
          `Canonical = ->(env) { [302, { "Location" => ${rb(`http://${CANONICAL_HOST}:${env.port}`)} + env["PATH_INFO"] }, []] }`,
        ]
      : []),
    `App = ->(env) { ${
      env.route.redirect
        ? `return Canonical.call(env) if env["HTTP_HOST"] == ${rb(`127.0.0.1:${env.port}`)}
  `
        : ''
    }[200, { "Content-Type" => "text/plain"${env.route.totalCount ? `, ${rb(TOTAL_COUNT_HEADER)} => ${rb(TOTAL_COUNT)}` : ''} }, [${rb(APP_BODY)}]] }`,
    '',
    'class RequireAuthorization',
    '  def initialize(app) = @app = app',
    '',
    '  def call(env)',
    `    return [401, { "Content-Type" => "text/plain" }, ["unauthorized"]] unless env["HTTP_AUTHORIZATION"] == ${rb(AUTHORIZATION)}`,
    '',
    '    @app.call(env)',
    '  end',
    'end',
    '',
    'class AppendSlash',
    '  def initialize(app) = @app = app',
    '',
    '  def call(env)',
    '    path = env["PATH_INFO"]',
    '    return [301, { "Location" => "#{path}/" }, []] unless path.end_with?("/")',
    '',
    '    @app.call(env)',
    '  end',
    'end',
    '',
    'class HardCodedAllowOrigin',
    '  def initialize(app) = @app = app',
    '',
    '  def call(env)',
    '    status, headers, body = @app.call(env)',
    `    [status, headers.merge("Access-Control-Allow-Origin" => ${rb(hardCodedOrigin(env.brokenConfig))}), body]`,
    '  end',
    'end',
    '',
  ].join('\n');

/** Only what the initializer touches: an ordered middleware list with insert_before. */
const RAILS_STAND_IN = [
  'module Rails',
  '  class MiddlewareStack',
  '    attr_reader :entries',
  '',
  '    def initialize = @entries = []',
  '',
  '    def insert_before(index, klass, *args, &block) = @entries.insert(index, [klass, args, block])',
  '  end',
  '',
  '  Config = Struct.new(:middleware)',
  '  Application = Struct.new(:config)',
  '',
  '  def self.application = (@application ||= Application.new(Config.new(MiddlewareStack.new)))',
  'end',
  '',
].join('\n');

function corsBlock(origins: string, resource: string): string {
  return [
    'use Rack::Cors do',
    '  allow do',
    `    origins ${origins}`,
    `    resource "*", ${resource}`,
    '  end',
    'end',
  ].join('\n');
}

function brokenCors(caseId: BrokenConfig, env: ServerEnv): string {
  const page = rb(env.pageOrigin);
  switch (caseId) {
    case 'origin-allowed':
      return corsBlock(page, 'headers: :any, methods: [:get, :post]');
    case 'missing-acao':
      return corsBlock(rb(WRONG_ORIGIN), 'headers: :any, methods: [:get, :post, :put]');
    case 'origin-mismatch':
    // invalid-origin: the same hand-written middleware with the host name alone.
    case 'invalid-origin':
      return 'use HardCodedAllowOrigin';
    case 'wildcard-credentials':
      return corsBlock('"*"', 'headers: :any, methods: [:get]');
    case 'header-not-allowed':
      return corsBlock(page, 'headers: ["content-type"], methods: [:get, :post, :put]');
    case 'method-not-allowed':
      return corsBlock(page, 'headers: :any, methods: [:get, :post]');
    case 'preflight-error-status':
      // The auth layer is used before (outside) Rack::Cors.
      return ['use RequireAuthorization', corsBlock(page, 'headers: :any, methods: [:get]')].join('\n');
    case 'unparsable-list':
      // A hand-written string with semicolons for headers (listed in notExpressible: never sent as it is).
      return corsBlock(page, `headers: ${rb(SEMICOLON_LIST)}, methods: [:get]`);
    case 'unparsable-methods':
      // A hand-written string with semicolons for methods (listed in notExpressible: never sent as it is).
      return corsBlock(page, `headers: :any, methods: ${rb(SEMICOLON_METHODS.toLowerCase())}`);
    case 'preflight-redirect':
      // The trailing-slash redirect is used before (outside) Rack::Cors, so it answers the preflight too.
      return ['use AppendSlash', corsBlock(page, 'headers: :any, methods: [:get]')].join('\n');
    case 'error-status':
      // The same order in a cookie-session app: the 401 to a simple GET has no CORS headers.
      return ['use RequireAuthorization', corsBlock(page, 'headers: :any, methods: [:get], credentials: true')].join(
        '\n',
      );
  }
}

function rackLaunch(files: Record<string, string>, env: ServerEnv): Launch {
  return {
    files,
    command: '/usr/bin/rackup',
    args: ['-s', 'webrick', '-o', '127.0.0.1', '-p', String(env.port), '-E', 'none', '-q', 'config.ru'],
  };
}

export const rails: StackHarness = {
  id: 'rails',
  software: 'rack-cors 1.1 on Rack 2.2 + WEBrick (ruby-rack-cors, ruby-rack, ruby-webrick)',
  requires: ['/usr/bin/ruby', '/usr/bin/rackup', '/usr/lib/ruby/vendor_ruby/rack/cors.rb'],
  proxy: false,
  broken(caseId, env) {
    const ownAuth = env.auth && !AUTH_IN_FRONT.has(caseId) ? ['use RequireAuthorization'] : [];
    const ownSlash = routeBehind(caseId, env.route).slashRedirect ? ['use AppendSlash'] : [];
    const configRu = [app(env), brokenCors(caseId, env), ...ownAuth, ...ownSlash, 'run App', ''].join('\n');
    return rackLaunch({ 'config.ru': configRu }, env);
  },
  fixed(snippet, env) {
    // config/initializers/cors.rb, loaded before the app is built, as Rails loads initializers.
    const configRu = [
      app(env),
      'require_relative "rails_stand_in"',
      'require_relative "config/initializers/cors"',
      'Rails.application.config.middleware.entries.each { |klass, args, block| use klass, *args, &block }',
      ...(env.auth ? ['use RequireAuthorization'] : []),
      ...(env.route.slashRedirect ? ['use AppendSlash'] : []),
      'run App',
      '',
    ].join('\n');
    return rackLaunch(
      { 'config.ru': configRu, 'rails_stand_in.rb': RAILS_STAND_IN, 'config/initializers/cors.rb': snippet },
      env,
    );
  },
  alsoChange: null,
  notExpressible: {
    'unparsable-methods':
      'rack-cors checks the requested method against `methods` itself and answers a refused preflight without any CORS header (PreflightMissingAllowOriginHeader, seen on the real server), so its list never reaches the browser as written',
    'unparsable-list':
      'rack-cors checks the requested headers against `headers` itself and answers a refused preflight without any CORS header (PreflightMissingAllowOriginHeader, seen on the real server), so its list never reaches the browser as written',
    'duplicate-acao':
      "Rack::Cors merges its headers under the application's (add_headers.merge(headers)), so a controller's Access-Control-Allow-Origin replaces rack-cors's value instead of adding a second one (seen on the real server)",
  },
};
