/** What the server must send: the required policy and the per-stack recipes that apply it. */

export type StackId =
  | 'express'
  | 'fastify'
  | 'django'
  | 'fastapi'
  | 'flask'
  | 'rails'
  | 'spring'
  | 'aspnet'
  | 'go'
  | 'nginx'
  | 'apache'
  | 'caddy'
  | 'cloudflare'
  | 'aws-api-gateway'
  | 'aws-s3';

/** The origins a redirect left and led to. */
export interface OriginRedirect {
  from: string;
  to: string;
}

/** A server of a redirect chain and the `Origin` values its requests carried. */
export interface ServerOrigins {
  server: string;
  origins: readonly string[];
}

/** What the server must allow for this exchange to pass, derived from the exchange and the verdict. */
export interface RequiredPolicy {
  /** The exact origin the failing check needed (`http://localhost:3000`), or `null` as the literal string for opaque origins after a redirect. */
  allowOrigin: string;
  /**
   * Every origin one configuration answering the whole redirect chain must allow, in the order the
   * requests carried them: after a redirect that taints the request, the page's origin for the
   * requests before it and `null` for those after. Just `[allowOrigin]` without a redirect.
   */
  allowOrigins: readonly string[];
  /**
   * Each server of a redirect chain (the origin of a request's URL) with the origins its own requests
   * carried: what that server needs if it has a configuration of its own. Empty without a redirect.
   */
  originsByServer: readonly ServerOrigins[];
  /** The redirect after which the browser sent `Origin: null` (Fetch's tainted origin); null when none did. */
  nullOriginRedirect: OriginRedirect | null;
  allowCredentials: boolean;
  /** Non-safelisted methods the preflight must allow, as the request sends them (case kept). */
  allowMethods: readonly string[];
  /** Non-safelisted request header names the preflight must allow, lowercase. */
  allowHeaders: readonly string[];
  /** Response headers the page wants to read that are not safelisted. */
  exposeHeaders: readonly string[];
  /** The preflight must answer 2xx without redirecting, and before any authentication. */
  answerPreflight: boolean;
  /** Send `Vary: Origin` because the allowed origin is reflected, not `*`. */
  varyOrigin: boolean;
  /** Suggested Access-Control-Max-Age in seconds. */
  maxAgeSeconds: number;
}

export interface FixRecipe {
  stack: StackId;
  /** Display name, e.g. "Express (cors)". */
  label: string;
  /** Syntax of the snippet, for highlighting as text: `js`, `python`, `ruby`, `java`, `csharp`, `go`, `nginx`, `apache`, `caddyfile`, `yaml`, `json`, `xml`. */
  language: string;
  /** Ready to paste, with the exchange's real origin, methods and headers filled in. */
  snippet: string;
  /** The mistake that usually causes this very failure on this stack. */
  pitfall: string;
  /** Where the snippet goes and anything else to check, plain text. */
  notes: string;
  /**
   * A change outside the CORS configuration that the snippet cannot work without (the route that
   * adds its own Access-Control-Allow-Origin), plain text; null when the snippet suffices.
   */
  alsoChange: string | null;
}
