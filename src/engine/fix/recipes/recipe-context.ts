import type { FailureKind } from '../../verdict/cors-error-row';
import { CORS_SAFELISTED_METHODS } from '../../verdict/method';
import type { AdvisoryCode, Verdict } from '../../verdict/verdict-types';
import type { OriginRedirect, RequiredPolicy, ServerOrigins } from '../fix-types';
import { failureKind } from './failure-kind';

/** Used in snippets when the exchange's origin is not a plausible serialized origin. */
export const PLACEHOLDER_ORIGIN = 'https://your-app.example';

/**
 * A serialized origin as browsers send it: scheme://host[:port], no path, no trailing slash.
 * Anything else (quotes, spaces, newlines, a path, `*`) is refused, never escaped into a snippet.
 * @see https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin
 */
const SERIALIZED_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** Method and header names a snippet may carry: real-world tokens without quote or interpolation characters. */
const PLAIN_TOKEN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** Everything a stack's recipe needs, with every value already safe to embed in any snippet language. */
export interface RecipeContext {
  /** The origin the failing check needed. */
  origin: string;
  /** `exact`: the request's origin; `null`: the literal `null` after a cross-origin redirect; `placeholder`: unusable origin. */
  originKind: 'exact' | 'null' | 'placeholder';
  /**
   * Every origin the snippet allows, each once, in the order the chain's requests carried them:
   * `[origin]` without a redirect; after one that taints the request, the page's origin and `null`.
   */
  origins: readonly string[];
  /** The first unusable origin as received, for the notes only (never for a snippet). */
  rejectedOrigin: string | null;
  /** The redirect after which the browser sent `Origin: null`, both origins plain; null when none (or not plain). */
  nullOriginRedirect: OriginRedirect | null;
  /** Each server of a chain that reached several, with the origins it alone needs; empty otherwise (or when one is not plain). */
  servers: readonly ServerOrigins[];
  credentials: boolean;
  /** Non-safelisted methods as the request sends them. */
  neededMethods: readonly string[];
  /** A full list for libraries whose option replaces their default: GET, HEAD, POST, the needed ones and their uppercase twins. */
  methods: readonly string[];
  /** Lowercase non-safelisted request-header names. */
  headers: readonly string[];
  expose: readonly string[];
  preflight: boolean;
  maxAge: number;
  /** Names left out of the snippet because they are not plain tokens. */
  dropped: readonly string[];
  failure: FailureKind;
  status: number | null;
  advisories: readonly AdvisoryCode[];
}

function plainTokens(names: readonly string[], dropped: string[]): string[] {
  const kept: string[] = [];
  for (const name of names) {
    if (PLAIN_TOKEN.test(name)) kept.push(name);
    else dropped.push(name);
  }
  return [...new Set(kept)];
}

/**
 * Chromium matches Access-Control-Allow-Methods against the uppercased method by default and
 * against the method as sent with its spec-conformant switch (https://crbug.com/1228178); the
 * Fetch standard compares as sent. Listing both spellings satisfies every reading.
 */
function withUppercaseTwins(methods: readonly string[]): string[] {
  return [...new Set([...CORS_SAFELISTED_METHODS, ...methods.flatMap((method) => [method.toUpperCase(), method])])];
}

const isPlainOrigin = (origin: string): boolean => origin === 'null' || SERIALIZED_ORIGIN.test(origin);

/** Both origins of the redirect when they are plain serialized origins (they come from captured URLs). */
function plainRedirect(redirect: OriginRedirect | null): OriginRedirect | null {
  if (redirect === null || !SERIALIZED_ORIGIN.test(redirect.from) || !SERIALIZED_ORIGIN.test(redirect.to)) return null;
  return { from: redirect.from, to: redirect.to };
}

/** The servers, when there are several and every server and origin is plain: a partial list would mislead. */
function plainServers(servers: readonly ServerOrigins[]): ServerOrigins[] {
  const plain = servers.every(
    ({ server, origins }) => SERIALIZED_ORIGIN.test(server) && origins.every((origin) => isPlainOrigin(origin)),
  );
  return plain && servers.length > 1 ? servers.map(({ server, origins }) => ({ server, origins: [...origins] })) : [];
}

/** The policy made safe for snippets, plus what the verdict says about the failure. */
export function recipeContext(policy: RequiredPolicy, verdict: Verdict): RecipeContext {
  const dropped: string[] = [];
  const isNull = policy.allowOrigin === 'null';
  const plausible = isPlainOrigin(policy.allowOrigin);
  const all = policy.allowOrigins.includes(policy.allowOrigin)
    ? policy.allowOrigins
    : [...policy.allowOrigins, policy.allowOrigin];
  const rejected = all.find((origin) => !isPlainOrigin(origin));
  const neededMethods = plainTokens(policy.allowMethods, dropped);
  return {
    origin: plausible ? policy.allowOrigin : PLACEHOLDER_ORIGIN,
    originKind: isNull ? 'null' : plausible ? 'exact' : 'placeholder',
    origins: [...new Set(all.map((origin) => (isPlainOrigin(origin) ? origin : PLACEHOLDER_ORIGIN)))],
    rejectedOrigin: rejected ?? null,
    nullOriginRedirect: plainRedirect(policy.nullOriginRedirect),
    servers: plainServers(policy.originsByServer),
    credentials: policy.allowCredentials,
    neededMethods,
    methods: withUppercaseTwins(neededMethods),
    headers: plainTokens(
      policy.allowHeaders.map((name) => name.toLowerCase()),
      dropped,
    ),
    expose: plainTokens(policy.exposeHeaders, dropped),
    preflight: policy.answerPreflight,
    maxAge: Number.isFinite(policy.maxAgeSeconds) ? Math.max(0, Math.min(7200, Math.round(policy.maxAgeSeconds))) : 600,
    dropped,
    failure: failureKind(verdict),
    status: verdict.status,
    advisories: verdict.advisories.map((advisory) => advisory.code),
  };
}

/** `methods` for stacks that uppercase every method themselves: each once, uppercase. */
export function uppercaseMethods(ctx: RecipeContext): string[] {
  return [...new Set(ctx.methods.map((method) => method.toUpperCase()))];
}
