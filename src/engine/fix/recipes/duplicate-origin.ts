/**
 * Two Access-Control-Allow-Origin values (MultipleAllowOriginValues): the CORS snippet fixes one
 * layer, but the request keeps failing while another layer — a route handler, a hook, the proxied
 * application, a CDN rule — still adds its own copy. Each stack's definition says where that copy
 * usually comes from and the change that removes it (`duplicateOriginChange`), shown beside the
 * snippet because the snippet cannot work alone. Where a route's own header replaces the library's
 * instead of adding a second one (measured on the real servers by test/fixes), the text points at
 * the layer in front, in these words.
 */
export const LAYER_IN_FRONT =
  "a proxy, load balancer or CDN in front (nginx add_header, a Cloudflare Transform Rule, an API gateway) also adds it: remove it there, or drop that layer's copy (nginx proxy_hide_header Access-Control-Allow-Origin).";
