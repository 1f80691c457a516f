/**
 * Two Access-Control-Allow-Origin values (MultipleAllowOriginValues): the CORS snippet fixes one
 * layer, but the request keeps failing while another layer — a route handler, a hook, the proxied
 * application, a CDN rule — still adds its own copy. Per stack, where that copy usually comes from
 * and the change that removes it, shown beside the snippet because the snippet cannot work alone.
 * Where a route's own header replaces the library's instead of adding a second one (measured on
 * the real servers by test/fixes), the text points at the layer in front.
 */
import type { StackId } from '../fix-types';

export const DUPLICATE_ORIGIN_CHANGES: Readonly<Record<StackId, string>> = {
  express:
    "Remove every res.append / res.set / res.header / res.setHeader('Access-Control-Allow-Origin', …) from your route handlers and other middleware: cors() sends the header; res.append adds a second value, and the others replace cors()'s.",
  fastify:
    "A route's reply.header('Access-Control-Allow-Origin', …) replaces @fastify/cors's value rather than adding one, so a second value comes from outside Fastify: a proxy, load balancer or CDN in front (nginx add_header, a Cloudflare Transform Rule, an API gateway) also adds it: remove it there, or drop that layer's copy (nginx proxy_hide_header Access-Control-Allow-Origin).",
  django:
    "django-cors-headers overwrites a view's Access-Control-Allow-Origin, so a second value comes from outside Django: a proxy, load balancer or CDN in front (nginx add_header, a Cloudflare Transform Rule, an API gateway) also adds it: remove it there, or drop that layer's copy (nginx proxy_hide_header Access-Control-Allow-Origin).",
  fastapi:
    "CORSMiddleware replaces a route's Access-Control-Allow-Origin, so a second value comes from outside the app: a proxy, load balancer or CDN in front (nginx add_header, a Cloudflare Transform Rule, an API gateway) also adds it: remove it there, or drop that layer's copy (nginx proxy_hide_header Access-Control-Allow-Origin).",
  flask:
    "Flask-CORS leaves a response alone when the view already set Access-Control-Allow-Origin (so remove the view's own, or it wins), and never adds a second value itself, so two values come from outside Flask: a proxy, load balancer or CDN in front (nginx add_header, a Cloudflare Transform Rule, an API gateway) also adds it: remove it there, or drop that layer's copy (nginx proxy_hide_header Access-Control-Allow-Origin).",
  rails:
    "A controller's Access-Control-Allow-Origin replaces rack-cors's value (rack-cors merges its headers under the app's), so a second value comes from outside Rails: a proxy, load balancer or CDN in front (nginx add_header, a Cloudflare Transform Rule, an API gateway) also adds it: remove it there, or drop that layer's copy (nginx proxy_hide_header Access-Control-Allow-Origin).",
  spring:
    'Remove every response.setHeader / addHeader("Access-Control-Allow-Origin", …) from your controllers and servlet filters: the CORS configuration sends the header.',
  aspnet:
    'Remove every Response.Headers["Access-Control-Allow-Origin"] = … (or Append) from your controllers and middleware: app.UseCors sends the header.',
  go: 'Remove every w.Header().Set / Add("Access-Control-Allow-Origin", …) from your handlers: the CORS middleware sends the header.',
  nginx:
    "Drop the upstream's copy in the proxied location: proxy_hide_header Access-Control-Allow-Origin; (and the same for the other Access-Control-* headers the application sends), so only nginx's add_header reaches the browser.",
  apache:
    "Drop the backend's copy before the snippet's lines: Header unset Access-Control-Allow-Origin — the proxied response's header sits in the table that `Header always set` does not replace.",
  caddy:
    "Drop the upstream's copy inside reverse_proxy: header_down -Access-Control-Allow-Origin, so only the snippet's header reaches the browser.",
  cloudflare:
    'Remove any Transform Rule (Modify Response Header) that also adds Access-Control-Allow-Origin, and in the Worker replace the header with headers.set, never headers.append.',
  'aws-api-gateway':
    "With a Lambda proxy integration the function's own Access-Control-Allow-Origin goes out too: return it from one place only (the function, or the API's CORS settings).",
  'aws-s3':
    "If CloudFront also adds Access-Control-Allow-Origin (a response headers policy with CORS), turn on its 'Origin override' or remove its CORS part, so only one value reaches the browser.",
};
