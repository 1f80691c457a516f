import { CORS_ERROR_CATALOG } from '../verdict/cors-error-catalog';
import type { Exchange } from '../verdict/exchange';
import type { Verdict } from '../verdict/verdict-types';
import type { FixRecipe, RequiredPolicy, StackId, StackRecipe } from './fix-types';
import { apacheRecipe } from './recipes/apache';
import { aspnetRecipe } from './recipes/aspnet';
import { awsApiGatewayRecipe } from './recipes/aws-api-gateway';
import { awsS3Recipe } from './recipes/aws-s3';
import { caddyRecipe } from './recipes/caddy';
import { cloudflareRecipe } from './recipes/cloudflare';
import { djangoRecipe } from './recipes/django';
import { DUPLICATE_ORIGIN_CHANGES } from './recipes/duplicate-origin';
import { expressRecipe } from './recipes/express';
import { failureKind } from './recipes/failure-kind';
import { fastapiRecipe } from './recipes/fastapi';
import { fastifyRecipe } from './recipes/fastify';
import { flaskRecipe } from './recipes/flask';
import { goRecipe } from './recipes/go';
import { nginxRecipe } from './recipes/nginx';
import {
  LISTEN_CADDY,
  LISTEN_GO,
  MIDDLEWARE_PYTHON,
  type RecipePlaceholder,
  ROUTES_FASTIFY,
  ROUTES_GO,
  ROUTES_JS,
  ROUTES_PYTHON,
  UPSTREAM_CADDY,
  UPSTREAM_NGINX,
} from './recipes/placeholders';
import { railsRecipe } from './recipes/rails';
import { springRecipe } from './recipes/spring';
import { requiredPolicy } from './required-policy';

/** A stack's recipe; what is common to every stack (`alsoChange`) is added by `fixRecipe`. */
type RecipeBuilder = (policy: RequiredPolicy, verdict: Verdict) => StackRecipe;

/** Every stack, in the order tabs and `--stack` lists show them: app frameworks, then proxies, then hosted services. */
export const STACKS: readonly { id: StackId; label: string }[] = [
  { id: 'express', label: 'Express (cors)' },
  { id: 'fastify', label: 'Fastify (@fastify/cors)' },
  { id: 'django', label: 'Django (django-cors-headers)' },
  { id: 'fastapi', label: 'FastAPI (Starlette CORSMiddleware)' },
  { id: 'flask', label: 'Flask (Flask-CORS)' },
  { id: 'rails', label: 'Rails (rack-cors)' },
  { id: 'spring', label: 'Spring Boot (Spring Security + CorsConfigurationSource)' },
  { id: 'aspnet', label: 'ASP.NET Core (AddCors/UseCors)' },
  { id: 'go', label: 'Go (rs/cors)' },
  { id: 'nginx', label: 'nginx' },
  { id: 'apache', label: 'Apache httpd (mod_headers)' },
  { id: 'caddy', label: 'Caddy' },
  { id: 'cloudflare', label: 'Cloudflare (Worker)' },
  { id: 'aws-api-gateway', label: 'AWS API Gateway' },
  { id: 'aws-s3', label: 'AWS S3 (bucket CORS)' },
];

const BUILDERS: Readonly<Record<StackId, RecipeBuilder>> = {
  express: expressRecipe,
  fastify: fastifyRecipe,
  django: djangoRecipe,
  fastapi: fastapiRecipe,
  flask: flaskRecipe,
  rails: railsRecipe,
  spring: springRecipe,
  aspnet: aspnetRecipe,
  go: goRecipe,
  nginx: nginxRecipe,
  apache: apacheRecipe,
  caddy: caddyRecipe,
  cloudflare: cloudflareRecipe,
  'aws-api-gateway': awsApiGatewayRecipe,
  'aws-s3': awsS3Recipe,
};

export type { RecipePlaceholder } from './recipes/placeholders';

/**
 * The texts in each stack's snippet that stand for the user's own routes and addresses (see
 * recipes/placeholders.ts); every other character is meant to be pasted as it is. Each occurs
 * exactly once in every snippet of its stack.
 */
export const RECIPE_PLACEHOLDERS: Readonly<Record<StackId, readonly RecipePlaceholder[]>> = {
  express: [ROUTES_JS],
  fastify: [ROUTES_FASTIFY],
  django: [],
  fastapi: [MIDDLEWARE_PYTHON, ROUTES_PYTHON],
  flask: [ROUTES_PYTHON],
  rails: [],
  spring: [],
  aspnet: [],
  go: [ROUTES_GO, LISTEN_GO],
  nginx: [UPSTREAM_NGINX],
  apache: [],
  caddy: [LISTEN_CADDY, UPSTREAM_CADDY],
  cloudflare: [],
  'aws-api-gateway': [],
  'aws-s3': [],
};

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
  return withAlsoChange(stack, BUILDERS[stack](requiredPolicy(exchange, verdict), verdict), verdict);
}

function withAlsoChange(stack: StackId, recipe: StackRecipe, verdict: Verdict): FixRecipe {
  const duplicate = failureKind(verdict) === 'multiple-origins';
  return { ...recipe, alsoChange: duplicate ? DUPLICATE_ORIGIN_CHANGES[stack] : null };
}

/** Recipes for every stack in STACKS order, or an empty list when no server change is called for (see needsServerFix). */
export function fixRecipes(exchange: Exchange, verdict: Verdict): FixRecipe[] {
  if (!needsServerFix(verdict)) return [];
  const policy = requiredPolicy(exchange, verdict);
  return STACKS.map(({ id }) => withAlsoChange(id, BUILDERS[id](policy, verdict), verdict));
}
