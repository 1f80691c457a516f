import { type RecipeContext, uppercaseMethods } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

/** The only methods an S3 CORS rule accepts. */
const S3_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

const NO_RULE = 'S3 answers a request that matches no CORSRule without any CORS header';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `S3 errors carry CORS headers only when a rule matches, and the ${ctx.status} is usually the real problem (403: an expired or wrongly signed presigned URL, or AccessDenied from the bucket policy; 404: NoSuchKey; 5xx: retry with backoff).`,
  'missing-allow-origin': `Behind CloudFront the Origin header is not forwarded or not in the cache key, so a response cached without CORS headers is served: attach the CORS-S3Origin origin request policy and include Origin in the cache key. Without CloudFront: ${NO_RULE}.`,
  wildcard:
    'AllowedOrigins ["*"] makes S3 answer \'*\' without Access-Control-Allow-Credentials, which browsers refuse with credentials: list the exact origin, and S3 then sends Access-Control-Allow-Credentials: true itself.',
  credentials:
    "S3 sends Access-Control-Allow-Credentials: true only when the matching rule lists the origin exactly, not '*'.",
  'preflight-auth': (ctx) =>
    `S3 answers a preflight that matches no CORSRule with ${ctx.status} "CORSResponse: This CORS request is not allowed" and no CORS headers: a rule must match the origin, the method and every requested header.`,
  'preflight-missing-allow-origin': `${NO_RULE} (a preflight gets 403): a rule must match the origin, the method and every requested header.`,
  method: (ctx) =>
    `AllowedMethods lacks ${ctx.neededMethods.join(', ')}; S3 rules accept only GET, PUT, POST, DELETE and HEAD.`,
  header: (ctx) =>
    `AllowedHeaders lacks ${ctx.headers.join(', ')}: each requested header must match an entry (or "*").`,
};

/** An S3 bucket CORS configuration (aws s3api put-bucket-cors --cors-configuration file://cors.json). */
function snippet(ctx: RecipeContext): string {
  const rule: Record<string, unknown> = {
    AllowedOrigins: ctx.origins,
    AllowedMethods: uppercaseMethods(ctx).filter((method) => S3_METHODS.has(method)),
  };
  if (ctx.headers.length > 0) rule.AllowedHeaders = ctx.headers;
  if (ctx.expose.length > 0) rule.ExposeHeaders = ctx.expose;
  rule.MaxAgeSeconds = ctx.maxAge;
  return `${JSON.stringify({ CORSRules: [rule] }, null, 2)}\n`;
}

/** AWS S3 bucket CORS. */
export const AWS_S3 = {
  id: 'aws-s3',
  label: 'AWS S3 (bucket CORS)',
  language: 'json',
  snippet,
  placeholders: [],
  pitfalls: PITFALLS,
  where:
    'Save as cors.json and apply with aws s3api put-bucket-cors --bucket YOUR_BUCKET --cors-configuration file://cors.json; in the console (Permissions > CORS) paste only the array inside CORSRules. This replaces the existing configuration, so merge other rules in. S3 adds Vary: Origin and, for an exact origin, Access-Control-Allow-Credentials itself.',
  notes: [
    (ctx) => {
      const unsupported = uppercaseMethods(ctx).filter((method) => !S3_METHODS.has(method));
      return unsupported.length > 0
        ? `S3 cannot allow ${unsupported.join(', ')}: only GET, PUT, POST, DELETE and HEAD are accepted.`
        : '';
    },
    'Behind CloudFront, forward the Origin header (the CORS-S3Origin origin request policy) and include it in the cache key.',
  ],
  duplicateOriginChange:
    "If CloudFront also adds Access-Control-Allow-Origin (a response headers policy with CORS), turn on its 'Origin override' or remove its CORS part, so only one value reaches the browser.",
} satisfies StackDefinition<'aws-s3'>;
