import { jsString, listOf } from './literals';
import type { RecipeContext } from './recipe-context';

/**
 * The options object's lines for `cors` (Express) and `@fastify/cors`, which take the same option
 * names with the same meaning. `origin`: a string is sent as it is; an array makes the library echo
 * the request's Origin when it is listed (and add Vary: Origin).
 */
export function jsCorsOptions(ctx: RecipeContext): string[] {
  const origin = ctx.origins.length === 1 ? jsString(ctx.origin) : listOf(ctx.origins, jsString);
  const options = [`  origin: ${origin},`, `  methods: ${listOf(ctx.methods, jsString)},`];
  if (ctx.headers.length > 0) options.push(`  allowedHeaders: ${listOf(ctx.headers, jsString)},`);
  if (ctx.expose.length > 0) options.push(`  exposedHeaders: ${listOf(ctx.expose, jsString)},`);
  if (ctx.credentials) options.push('  credentials: true,');
  options.push(`  maxAge: ${ctx.maxAge},`);
  return options;
}
