import { LAYER_IN_FRONT } from './duplicate-origin';
import { listOf, rubyString } from './literals';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `Rack::Cors inserted below other middleware never sees responses those produce (Devise/Warden 401s, Rack::Attack, exception pages): insert_before 0 makes it outermost. A ${ctx.status} from Puma or a proxy in front still gets no headers.`,
  'missing-allow-origin': (ctx) =>
    `No allow block matches: origins lacks ${ctx.origin} (rack-cors compares exactly) or the resource path pattern does not match this path.`,
  wildcard:
    "origins '*' makes rack-cors send '*' (and it refuses credentials: true with it): list the exact origin and set credentials: true.",
  credentials: 'credentials defaults to false in rack-cors: set credentials: true on the resource.',
  'preflight-auth': (ctx) =>
    `Rack::Cors sits below the authentication middleware, which answered the preflight ${ctx.status}: use insert_before 0 so Rack::Cors answers preflights first.`,
  'preflight-missing-allow-origin':
    'rack-cors answers a preflight it cannot match (origin, path, method or header not allowed) with 200 and no CORS headers: methods defaults to [:get] and headers to the safelisted ones only.',
  method: (ctx) =>
    `methods defaults to [:get] only: list ${ctx.neededMethods.join(', ')} in lowercase. rack-cors answers with uppercase names, so a lowercase method is best sent uppercase by the page.`,
  header: (ctx) => `headers lacks ${ctx.headers.join(', ')}: list them (lowercase) or use headers: :any.`,
};

function snippet(ctx: RecipeContext): string {
  // rack-cors matches the preflight's method downcased against these strings.
  const methods = [...new Set(ctx.methods.map((method) => method.toLowerCase()))];
  const options = [`      methods: ${listOf(methods, rubyString)}`];
  if (ctx.headers.length > 0) options.unshift(`      headers: ${listOf(ctx.headers, rubyString)}`);
  if (ctx.expose.length > 0) options.push(`      expose: ${listOf(ctx.expose, rubyString)}`);
  if (ctx.credentials) options.push('      credentials: true');
  options.push(`      max_age: ${ctx.maxAge}`);
  // rack-cors has used "file://" for the null origin; the regexp covers versions that keep "null".
  const origins = ctx.origins
    .map((origin) => (origin === 'null' ? '"file://", /\\Anull\\z/' : rubyString(origin)))
    .join(', ');
  return [
    '# config/initializers/cors.rb (Gemfile: gem "rack-cors")',
    '# insert_before 0: outermost, so preflights are answered before authentication runs.',
    'Rails.application.config.middleware.insert_before 0, Rack::Cors do',
    '  allow do',
    `    origins ${origins}`,
    '    resource "*",',
    options.join(',\n'),
    '  end',
    'end',
    '',
  ].join('\n');
}

/** Rails (or any Rack app) with rack-cors. */
export const RAILS = {
  id: 'rails',
  label: 'Rails (rack-cors)',
  language: 'ruby',
  snippet,
  placeholders: [],
  pitfalls: PITFALLS,
  where:
    'Replace config/initializers/cors.rb (Rails generates a commented one) and restart the server. For a plain Rack app use the same block with `use Rack::Cors do ... end` at the top of config.ru. rack-cors adds Vary: Origin itself.',
  notes: [],
  duplicateOriginChange: `A controller's Access-Control-Allow-Origin replaces rack-cors's value (rack-cors merges its headers under the app's), so a second value comes from outside Rails: ${LAYER_IN_FRONT}`,
} satisfies StackDefinition<'rails'>;
