import { type RecipeContext, uppercaseMethods } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `Errors API Gateway produces itself (authorizer 401/403, throttling 429, integration 502/504) are Gateway Responses without CORS headers: on a REST API add them to DEFAULT_4XX and DEFAULT_5XX. With a Lambda proxy integration your function's own ${ctx.status} must include them too.`,
  'missing-allow-origin':
    'REST API with a proxy integration: "Enable CORS" only creates the OPTIONS method, so the actual response\'s CORS headers must come from your backend. HTTP API: configure CORS on the API, since API Gateway then ignores the backend\'s CORS headers.',
  'multiple-origins':
    'Both the backend and API Gateway (a method response mapping or Gateway Response) add Access-Control-Allow-Origin: keep one source.',
  wildcard:
    "AllowOrigins '*' cannot be used with credentials (an HTTP API rejects the combination): list the exact origin and set AllowCredentials.",
  credentials:
    "AllowCredentials is off by default: set it (HTTP API) or map Access-Control-Allow-Credentials 'true' (REST API).",
  'preflight-auth': (ctx) =>
    `The OPTIONS request hit an authorizer or a required API key and got ${ctx.status}: on a REST API the OPTIONS method must have no authorizer; on an HTTP API configure CORS on the API so API Gateway answers preflights before any route's authorizer.`,
  'preflight-status': (ctx) =>
    `No OPTIONS method exists for this resource (REST API: ${ctx.status}, often 403 "Missing Authentication Token"): enable CORS on the resource, or configure CORS on the HTTP API.`,
  'preflight-missing-allow-origin':
    "An HTTP API with CORS configured answers preflights itself and ignores the backend's CORS headers, so a preflight without them means the origin, method or header is not in corsConfiguration.",
  method: (ctx) => `AllowMethods lacks ${ctx.neededMethods.join(', ')}.`,
  header: (ctx) => `AllowHeaders lacks ${ctx.headers.join(', ')}.`,
};

/** Gateway Response header values are single-quoted literals inside the JSON string. */
const literal = (value: string): string => `'${value}'`;

function gatewayResponse(type: string, headers: Record<string, string>): Record<string, unknown> {
  const parameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) parameters[`gatewayresponse.header.${name}`] = literal(value);
  return {
    Type: 'AWS::ApiGateway::GatewayResponse',
    Properties: { RestApiId: { Ref: 'RestApi' }, ResponseType: type, ResponseParameters: parameters },
  };
}

/** What a Lambda proxy integration returns as Access-Control-Allow-Origin. */
function lambdaOrigin(origins: readonly string[]): string {
  if (origins.length === 1) return `Access-Control-Allow-Origin: ${origins[0]}`;
  return `Access-Control-Allow-Origin set to the request's Origin when it is one of ${origins.join(', ')} (none otherwise)`;
}

/** HTTP API corsConfiguration and REST API Gateway Responses, as a CloudFormation template. */
function snippet(ctx: RecipeContext): string {
  const methods = uppercaseMethods(ctx);
  const cors: Record<string, unknown> = { AllowOrigins: ctx.origins, AllowMethods: methods };
  if (ctx.headers.length > 0) cors.AllowHeaders = ctx.headers;
  if (ctx.expose.length > 0) cors.ExposeHeaders = ctx.expose;
  if (ctx.credentials) cors.AllowCredentials = true;
  cors.MaxAge = ctx.maxAge;
  // A Gateway Response header is one fixed value: with several origins it carries the first (the page's).
  const errorHeaders: Record<string, string> = { 'Access-Control-Allow-Origin': ctx.origins[0] ?? ctx.origin };
  if (ctx.credentials) errorHeaders['Access-Control-Allow-Credentials'] = 'true';
  errorHeaders.Vary = 'Origin';
  const template = {
    Resources: {
      HttpApi: {
        Type: 'AWS::ApiGatewayV2::Api',
        Properties: { Name: 'my-http-api', ProtocolType: 'HTTP', CorsConfiguration: cors },
      },
      RestApiCors4xx: gatewayResponse('DEFAULT_4XX', errorHeaders),
      RestApiCors5xx: gatewayResponse('DEFAULT_5XX', errorHeaders),
    },
  };
  return `${JSON.stringify(template, null, 2)}\n`;
}

/** API Gateway (HTTP API or REST API). */
export const AWS_API_GATEWAY = {
  id: 'aws-api-gateway',
  label: 'AWS API Gateway',
  language: 'json',
  snippet,
  placeholders: [],
  pitfalls: PITFALLS,
  where:
    'A CloudFormation template: keep the part for your API type. HTTP API: merge CorsConfiguration into your AWS::ApiGatewayV2::Api (or aws apigatewayv2 update-api --cors-configuration with that object); API Gateway then answers preflights itself and ignores CORS headers from the backend.',
  notes: [
    (ctx) =>
      `REST API: enable CORS on each resource (an OPTIONS method with a mock integration and no authorizer), keep the two GatewayResponse resources (RestApi is your AWS::ApiGateway::RestApi), and with a Lambda proxy integration return ${lambdaOrigin(ctx.origins)} and Vary: Origin from the function. Redeploy the stage afterwards.`,
    (ctx) =>
      ctx.origins.length > 1
        ? `A Gateway Response carries one fixed Access-Control-Allow-Origin, so API Gateway's own errors name only ${ctx.origins[0]}; requests that carry another origin cannot read them.`
        : '',
  ],
  duplicateOriginChange:
    "With a Lambda proxy integration the function's own Access-Control-Allow-Origin goes out too: return it from one place only (the function, or the API's CORS settings).",
} satisfies StackDefinition<'aws-api-gateway'>;
