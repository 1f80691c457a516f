// Moved to src/demo/, shared by the e2e tests and the `npm run demo` server.
export {
  type CorsTestServer,
  type Headers,
  publicPageOverride,
  type ReceivedRequest,
  type ResponseSpec,
  type RouteSpec,
  startCorsTestServer,
} from '../../../src/demo/cors-server';
