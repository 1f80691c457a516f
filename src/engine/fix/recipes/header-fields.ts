import type { RecipeContext } from './recipe-context';

export type HeaderField = [name: string, value: string];

/** The CORS header fields a recipe's server sends, on its preflight answer and on every other response. */
export interface RecipeHeaderFields {
  preflight: HeaderField[];
  response: HeaderField[];
}

/**
 * What a recipe configures its server to send, as header fields: the allowed origin (`null` leaves
 * it to the recipe, which echoes a listed Origin when there are several), credentials, the methods
 * and header names on the preflight, the exposed names on the response, `Vary: Origin` on both.
 * The proxy recipes write these lines as they are, and the panel's "what if" applies them.
 */
export function recipeHeaderFields(ctx: RecipeContext, allowOrigin: string | null): RecipeHeaderFields {
  const shared: HeaderField[] = allowOrigin === null ? [] : [['Access-Control-Allow-Origin', allowOrigin]];
  if (ctx.credentials) shared.push(['Access-Control-Allow-Credentials', 'true']);
  const preflight: HeaderField[] = [...shared, ['Access-Control-Allow-Methods', ctx.methods.join(', ')]];
  if (ctx.headers.length > 0) preflight.push(['Access-Control-Allow-Headers', ctx.headers.join(', ')]);
  preflight.push(['Access-Control-Max-Age', String(ctx.maxAge)], ['Vary', 'Origin']);
  const response: HeaderField[] = [...shared];
  if (ctx.expose.length > 0) response.push(['Access-Control-Expose-Headers', ctx.expose.join(', ')]);
  response.push(['Vary', 'Origin']);
  return { preflight, response };
}
