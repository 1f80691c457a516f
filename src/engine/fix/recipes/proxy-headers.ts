import type { RecipeContext } from './recipe-context';

/** One header as a config line, in the proxy's own syntax. */
export type HeaderLine = (name: string, value: string) => string;

/**
 * The CORS header lines a proxy sends itself, split by response: the preflight answer carries
 * the allowed methods, headers and max age; every other response the exposed headers. Both carry
 * `allowOrigin` (the proxy's own line(s) for Access-Control-Allow-Origin), the credentials flag
 * and Vary: Origin.
 */
export function proxyHeaderLines(
  ctx: RecipeContext,
  line: HeaderLine,
  allowOrigin: readonly string[],
): { preflight: string[]; actual: string[] } {
  const shared = [...allowOrigin];
  if (ctx.credentials) shared.push(line('Access-Control-Allow-Credentials', 'true'));
  const preflight = [...shared, line('Access-Control-Allow-Methods', ctx.methods.join(', '))];
  if (ctx.headers.length > 0) preflight.push(line('Access-Control-Allow-Headers', ctx.headers.join(', ')));
  preflight.push(line('Access-Control-Max-Age', String(ctx.maxAge)), line('Vary', 'Origin'));
  const actual = [...shared];
  if (ctx.expose.length > 0) actual.push(line('Access-Control-Expose-Headers', ctx.expose.join(', ')));
  actual.push(line('Vary', 'Origin'));
  return { preflight, actual };
}
