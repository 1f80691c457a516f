import { CORS_ERROR_CATALOG } from '../verdict/cors-error-catalog';
import type { Exchange } from '../verdict/exchange';
import type { Verdict } from '../verdict/verdict-types';
import type { FixRecipe, StackId } from './fix-types';
import { APACHE } from './recipes/apache';
import { ASPNET } from './recipes/aspnet';
import { AWS_API_GATEWAY } from './recipes/aws-api-gateway';
import { AWS_S3 } from './recipes/aws-s3';
import { CADDY } from './recipes/caddy';
import { CLOUDFLARE } from './recipes/cloudflare';
import { DJANGO } from './recipes/django';
import { EXPRESS } from './recipes/express';
import { FASTAPI } from './recipes/fastapi';
import { FASTIFY } from './recipes/fastify';
import { FLASK } from './recipes/flask';
import { GO } from './recipes/go';
import { NGINX } from './recipes/nginx';
import type { RecipePlaceholder } from './recipes/placeholders';
import { RAILS } from './recipes/rails';
import { SPRING } from './recipes/spring';
import { recipeFor, type StackDefinition } from './recipes/stack-definition';
import { requiredPolicy } from './required-policy';

/**
 * Every stack, keyed by its id (the compiler requires one per StackId, each with its own id), in
 * the order tabs and `--stack` lists show them: app frameworks, then proxies, then hosted services.
 */
const STACK_DEFINITIONS = {
  express: EXPRESS,
  fastify: FASTIFY,
  django: DJANGO,
  fastapi: FASTAPI,
  flask: FLASK,
  rails: RAILS,
  spring: SPRING,
  aspnet: ASPNET,
  go: GO,
  nginx: NGINX,
  apache: APACHE,
  caddy: CADDY,
  cloudflare: CLOUDFLARE,
  'aws-api-gateway': AWS_API_GATEWAY,
  'aws-s3': AWS_S3,
} satisfies { readonly [Id in StackId]: StackDefinition<Id> };

const DEFINITIONS: readonly StackDefinition[] = Object.values(STACK_DEFINITIONS);

/** Every stack, in the order tabs and `--stack` lists show them. */
export const STACKS: readonly { id: StackId; label: string }[] = DEFINITIONS.map(({ id, label }) => ({ id, label }));

export type { RecipePlaceholder } from './recipes/placeholders';

/**
 * The texts in each stack's snippet that stand for the user's own routes and addresses (see
 * recipes/placeholders.ts); every other character is meant to be pasted as it is. Each occurs
 * exactly once in every snippet of its stack. (`Object.fromEntries` forgets the keys; DEFINITIONS
 * holds every StackId, as STACK_DEFINITIONS' check proves.)
 */
export const RECIPE_PLACEHOLDERS: Readonly<Record<StackId, readonly RecipePlaceholder[]>> = Object.fromEntries(
  DEFINITIONS.map(({ id, placeholders }) => [id, placeholders]),
) as Record<StackId, readonly RecipePlaceholder[]>;

/**
 * Whether a server configuration change is what this verdict calls for:
 * - blocked, with a code a CORS configuration fixes (not the request's mode or scheme, a network
 *   error, credentials in a redirect URL, or a Local Network Access permission);
 * - passed with advisories (unreadable response headers, no Vary: Origin, preflight not cached, …):
 *   the recipe's configuration addresses them and its pitfall says which;
 * - otherwise (passed cleanly, not CORS, network error, unknown): nothing to fix.
 */
function needsServerFix(verdict: Verdict): boolean {
  if (verdict.kind === 'passed') return verdict.advisories.length > 0;
  if (verdict.kind !== 'blocked' || verdict.code === null) return false;
  return CORS_ERROR_CATALOG[verdict.code].fixedByServerConfig;
}

/**
 * The recipe for one stack, whatever the verdict: for a verdict that needs no fix it is the
 * configuration that keeps this exchange passing (its pitfall says so). Never throws.
 */
export function fixRecipe(stack: StackId, exchange: Exchange, verdict: Verdict): FixRecipe {
  return recipeFor(STACK_DEFINITIONS[stack], requiredPolicy(exchange, verdict), verdict);
}

/** Recipes for every stack in STACKS order, or an empty list when no server change is called for (see needsServerFix). */
export function fixRecipes(exchange: Exchange, verdict: Verdict): FixRecipe[] {
  if (!needsServerFix(verdict)) return [];
  const policy = requiredPolicy(exchange, verdict);
  return DEFINITIONS.map((stack) => recipeFor(stack, policy, verdict));
}
