import { csString } from './literals';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const POLICY_NAME = 'CorsLens';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `Responses written by middleware placed before UseCors, or by the server for an unhandled exception, carry no CORS headers: call UseCors early (after UseRouting), and fix the ${ctx.status} itself.`,
  'missing-allow-origin': (ctx) =>
    `UseCors is missing, called without a policy name while only named policies exist, or the policy's WithOrigins lacks ${ctx.origin}.`,
  wildcard:
    "AllowAnyOrigin() sends '*', and ASP.NET Core rejects AllowAnyOrigin together with AllowCredentials: use WithOrigins with the exact origin plus AllowCredentials().",
  credentials: 'The policy lacks AllowCredentials() (credentials are off by default).',
  'preflight-auth': (ctx) =>
    `UseCors runs after UseAuthentication/UseAuthorization (or a fallback [Authorize] policy applies), so auth answered the preflight ${ctx.status}: call UseCors after UseRouting and before UseAuthentication and UseAuthorization.`,
  'preflight-status': (ctx) =>
    `Nothing answered OPTIONS (${ctx.status}): UseCors is missing or placed after the endpoints; once it runs before them it answers preflights itself with 204.`,
  'preflight-missing-allow-origin':
    'ASP.NET Core answers a preflight whose origin, method or header is not in the policy with 204 and no CORS headers (logged as "CORS policy execution failed").',
  method: (ctx) =>
    `WithMethods lacks ${ctx.neededMethods.join(', ')}: no method is allowed unless listed (or AllowAnyMethod()).`,
  header: (ctx) =>
    `WithHeaders lacks ${ctx.headers.join(', ')}: no request header is allowed unless listed (or AllowAnyHeader()).`,
};

function snippet(ctx: RecipeContext): string {
  const args = (items: readonly string[]): string => items.map(csString).join(', ');
  const chain = [`.WithOrigins(${args(ctx.origins)})`, `.WithMethods(${args(ctx.methods)})`];
  if (ctx.headers.length > 0) chain.push(`.WithHeaders(${args(ctx.headers)})`);
  if (ctx.expose.length > 0) chain.push(`.WithExposedHeaders(${args(ctx.expose)})`);
  if (ctx.credentials) chain.push('.AllowCredentials()');
  chain.push(`.SetPreflightMaxAge(TimeSpan.FromSeconds(${ctx.maxAge}))`);
  return [
    '// Program.cs',
    'var builder = WebApplication.CreateBuilder(args);',
    '',
    'builder.Services.AddCors(options =>',
    '{',
    `    options.AddPolicy(${csString(POLICY_NAME)}, policy => policy`,
    ...chain.map((call) => `        ${call}`),
    '    );',
    '});',
    '',
    'var app = builder.Build();',
    '',
    'app.UseRouting();',
    '// After UseRouting, before authentication: preflights are answered before auth runs.',
    `app.UseCors(${csString(POLICY_NAME)});`,
    'app.UseAuthentication();',
    'app.UseAuthorization();',
    '',
    '// ... app.MapControllers(); and your endpoints',
    '',
    'app.Run();',
    '',
  ].join('\n');
}

/** ASP.NET Core CORS middleware. */
export const ASPNET = {
  id: 'aspnet',
  label: 'ASP.NET Core (AddCors/UseCors)',
  language: 'csharp',
  snippet,
  placeholders: [],
  pitfalls: PITFALLS,
  where:
    'In Program.cs (minimal hosting): merge the AddCors call into your service registrations and put UseCors between UseRouting and UseAuthentication/UseAuthorization. Never combine AllowAnyOrigin with AllowCredentials. ASP.NET Core adds Vary: Origin itself.',
  notes: [],
  duplicateOriginChange:
    'Remove every Response.Headers["Access-Control-Allow-Origin"] = … (or Append) from your controllers and middleware: app.UseCors sends the header.',
} satisfies StackDefinition<'aspnet'>;
