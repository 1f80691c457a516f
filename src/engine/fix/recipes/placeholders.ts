/**
 * The parts of a snippet that stand for the user's own code or addresses: everything else in a
 * snippet is meant to be pasted as it is. Each text occurs exactly once in every snippet of its
 * stack, and never collides with an origin, method or header a snippet carries (a placeholder is
 * spelled with the surrounding syntax, e.g. `":8080"` with its quotes).
 *
 * The fix-verification suite (test/fixes/) replaces exactly these texts, and nothing else, with
 * the routes and addresses of the server it runs, as a user would.
 */
export interface RecipePlaceholder {
  /** The exact text in the snippet. */
  text: string;
  /**
   * What it stands for: `routes` (the app's own routes, hooks and listen call), `middleware` (the
   * app's other middleware, which must come before the CORS layer's line), `listen` (the address
   * the server listens on), `upstream` (the proxied application).
   */
  kind: 'routes' | 'middleware' | 'listen' | 'upstream';
  /** What to put there, in plain words. */
  meaning: string;
}

export const ROUTES_JS: RecipePlaceholder = {
  text: '// ... your routes',
  kind: 'routes',
  meaning: 'your own middleware and routes, then your app.listen(...)',
};

export const ROUTES_FASTIFY: RecipePlaceholder = {
  text: '// ... your routes, then fastify.listen(...)',
  kind: 'routes',
  meaning: 'your own hooks and routes, then fastify.listen(...)',
};

export const ROUTES_PYTHON: RecipePlaceholder = {
  text: '# ... your routes',
  kind: 'routes',
  meaning: 'your own routes and hooks',
};

export const MIDDLEWARE_PYTHON: RecipePlaceholder = {
  text: '# ... your other app.add_middleware(...) calls (auth, sessions): before CORSMiddleware',
  kind: 'middleware',
  meaning: 'your other middleware, added before CORSMiddleware so that CORSMiddleware wraps them',
};

export const ROUTES_GO: RecipePlaceholder = {
  text: '// mux.HandleFunc("/api/", yourHandler)',
  kind: 'routes',
  meaning: 'your own handlers on mux (auth wrappers included)',
};

export const LISTEN_GO: RecipePlaceholder = {
  text: '":8080"',
  kind: 'listen',
  meaning: 'the address your server listens on, as a Go string',
};

export const LISTEN_CADDY: RecipePlaceholder = {
  text: ':8080 {  # your site address',
  kind: 'listen',
  meaning: 'your site address, then the opening brace',
};

export const UPSTREAM_NGINX: RecipePlaceholder = {
  text: 'proxy_pass http://127.0.0.1:8081;  # your upstream (or root/try_files)',
  kind: 'upstream',
  meaning: 'your own proxy_pass (or root/try_files)',
};

export const UPSTREAM_CADDY: RecipePlaceholder = {
  text: 'reverse_proxy 127.0.0.1:8081  # your upstream',
  kind: 'upstream',
  meaning: 'your own reverse_proxy (or file_server)',
};
