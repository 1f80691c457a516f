/**
 * nginx, Apache httpd and Caddy from Debian, each in front of the in-test application (an upstream
 * that knows nothing of CORS, see startUpstream), each with a config of its own in a scratch
 * directory: nothing of the system's /etc configuration is used.
 */
import { join } from 'node:path';
import {
  type BrokenConfig,
  CANONICAL_HOST,
  hardCodedOrigin,
  SEMICOLON_LIST,
  SEMICOLON_METHODS,
} from '../support/cases';
import { fillPlaceholders, type Launch, type ServerEnv, type StackHarness } from '../support/stack';

const quoted = JSON.stringify;
const root = process.getuid?.() === 0;

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${prefix}${line}`))
    .join('\n');
}

// ---------------------------------------------------------------- nginx

function nginxConf(env: ServerEnv, server: string): string {
  const temp = (name: string): string => `${name}_temp_path ${join(env.dir, 'tmp', name)};`;
  return [
    'worker_processes 1;',
    'daemon off;',
    ...(root ? ['user root;'] : []),
    `pid ${join(env.dir, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 64; }',
    'http {',
    '    access_log off;',
    `    ${temp('client_body')}`,
    `    ${temp('proxy')}`,
    `    ${temp('fastcgi')}`,
    `    ${temp('uwsgi')}`,
    `    ${temp('scgi')}`,
    // The application builds its absolute URLs (the redirect case's Location) from Host, as most proxied apps do.
    '    proxy_set_header Host $http_host;',
    '    server {',
    `        listen 127.0.0.1:${env.port};`,
    indent(server, '        '),
    '    }',
    '}',
    '',
  ].join('\n');
}

function nginxBroken(caseId: BrokenConfig, env: ServerEnv): string {
  const page = quoted(env.pageOrigin);
  const preflightBranch = (methods: string, headers: string | null): string =>
    [
      'location / {',
      '    if ($request_method = OPTIONS) {',
      `        add_header Access-Control-Allow-Origin ${page} always;`,
      `        add_header Access-Control-Allow-Methods ${quoted(methods)} always;`,
      ...(headers === null ? [] : [`        add_header Access-Control-Allow-Headers ${quoted(headers)} always;`]),
      '        return 204;',
      '    }',
      `    add_header Access-Control-Allow-Origin ${page} always;`,
      `    proxy_pass http://${env.upstream};`,
      '}',
    ].join('\n');
  const located = (header: string): string =>
    ['location / {', `    ${header}`, `    proxy_pass http://${env.upstream};`, '}'].join('\n');
  switch (caseId) {
    case 'origin-allowed':
    // OPTIONS goes on to the application, whose trailing-slash redirect answers it.
    case 'preflight-redirect':
      return located(`add_header Access-Control-Allow-Origin ${page} always;`);
    case 'missing-acao':
      // The location's own add_header cancels every add_header inherited from the server level.
      return [
        `add_header Access-Control-Allow-Origin ${page} always;`,
        located('add_header X-Content-Type-Options nosniff;'),
      ].join('\n');
    case 'origin-mismatch':
    // invalid-origin: the host name alone.
    case 'invalid-origin':
      return located(`add_header Access-Control-Allow-Origin ${quoted(hardCodedOrigin(caseId))} always;`);
    case 'wildcard-credentials':
      return located('add_header Access-Control-Allow-Origin "*" always;');
    case 'header-not-allowed':
      return preflightBranch('GET, POST, PUT', 'content-type');
    case 'unparsable-list':
      // A hand-written list with semicolons for commas.
      return preflightBranch('GET, POST, PUT', SEMICOLON_LIST);
    case 'unparsable-methods':
      // The same semicolons in the method list.
      return preflightBranch(SEMICOLON_METHODS, null);
    case 'method-not-allowed':
      return preflightBranch('GET, POST', null);
    case 'preflight-error-status':
      // OPTIONS goes on to the application, whose auth layer answers 401.
      return located(`add_header Access-Control-Allow-Origin ${page} always;`);
    case 'error-status':
      // add_header without `always` applies to 2xx and 3xx only: the application's 401 goes out bare.
      return [
        'location / {',
        `    add_header Access-Control-Allow-Origin ${page};`,
        '    add_header Access-Control-Allow-Credentials "true";',
        `    proxy_pass http://${env.upstream};`,
        '}',
      ].join('\n');
  }
}

function nginxLaunch(conf: string, env: ServerEnv): Launch {
  const files: Record<string, string> = { 'nginx.conf': conf };
  for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) files[`tmp/${name}/.keep`] = '';
  return {
    files,
    command: '/usr/sbin/nginx',
    args: ['-p', env.dir, '-c', join(env.dir, 'nginx.conf'), '-e', 'stderr'],
  };
}

export const nginx: StackHarness = {
  id: 'nginx',
  software: 'nginx 1.22 (nginx-light)',
  requires: ['/usr/sbin/nginx'],
  proxy: true,
  broken: (caseId, env) => nginxLaunch(nginxConf(env, nginxBroken(caseId, env)), env),
  fixed: (snippet, env) =>
    nginxLaunch(
      nginxConf(env, fillPlaceholders('nginx', snippet, { upstream: `proxy_pass http://${env.upstream};` })),
      env,
    ),
  alsoChange: { names: 'proxy_hide_header Access-Control-Allow-Origin', where: 'snippet' },
  notExpressible: {},
};

// ---------------------------------------------------------------- Apache httpd

const MODULES = ['mpm_event', 'authz_core', 'headers', 'rewrite', 'proxy', 'proxy_http'];

function apacheConf(env: ServerEnv, virtualHost: string): string {
  return [
    `ServerRoot ${env.dir}`,
    `Listen 127.0.0.1:${env.port}`,
    `PidFile ${join(env.dir, 'httpd.pid')}`,
    `DefaultRuntimeDir ${env.dir}`,
    // A piped logger writes to the inherited stderr, which Node gives as a socket that /dev/stderr cannot open.
    'ErrorLog "|/bin/cat"',
    'LogLevel warn',
    'ServerName 127.0.0.1',
    // The application builds its absolute URLs (the redirect case's Location) from Host, as most proxied apps do.
    'ProxyPreserveHost On',
    ...MODULES.map((name) => `LoadModule ${name}_module /usr/lib/apache2/modules/mod_${name}.so`),
    ...(root ? ['User www-data', 'Group www-data'] : []),
    'StartServers 1',
    'ServerLimit 1',
    'MaxRequestWorkers 25',
    `<VirtualHost 127.0.0.1:${env.port}>`,
    `    ProxyPass "/" "http://${env.upstream}/"`,
    indent(virtualHost, '    '),
    '</VirtualHost>',
    '',
  ].join('\n');
}

function apacheBroken(caseId: BrokenConfig, env: ServerEnv): string {
  const page = quoted(env.pageOrigin);
  const answerPreflight = (methods: string, headers: string | null): string =>
    [
      `Header always set Access-Control-Allow-Origin ${page}`,
      `Header always set Access-Control-Allow-Methods ${quoted(methods)}`,
      ...(headers === null ? [] : [`Header always set Access-Control-Allow-Headers ${quoted(headers)}`]),
      'RewriteEngine On',
      'RewriteCond %{REQUEST_METHOD} =OPTIONS',
      'RewriteRule ^ - [R=204,L]',
    ].join('\n');
  switch (caseId) {
    case 'origin-allowed':
    // OPTIONS is proxied to the application, whose trailing-slash redirect answers it.
    case 'preflight-redirect':
      return `Header always set Access-Control-Allow-Origin ${page}`;
    case 'missing-acao':
      // The headers were set for another path only.
      return ['<Location "/other">', `    Header always set Access-Control-Allow-Origin ${page}`, '</Location>'].join(
        '\n',
      );
    case 'origin-mismatch':
    // invalid-origin: the host name alone.
    case 'invalid-origin':
      return `Header always set Access-Control-Allow-Origin ${quoted(hardCodedOrigin(caseId))}`;
    case 'wildcard-credentials':
      return 'Header always set Access-Control-Allow-Origin "*"';
    case 'header-not-allowed':
      return answerPreflight('GET, POST, PUT', 'content-type');
    case 'unparsable-list':
      // A hand-written list with semicolons for commas.
      return answerPreflight('GET, POST, PUT', SEMICOLON_LIST);
    case 'unparsable-methods':
      // The same semicolons in the method list.
      return answerPreflight(SEMICOLON_METHODS, null);
    case 'method-not-allowed':
      return answerPreflight('GET, POST', null);
    case 'preflight-error-status':
      // OPTIONS is proxied to the application, whose auth layer answers 401.
      return `Header always set Access-Control-Allow-Origin ${page}`;
    case 'error-status':
      // `Header set` without always, as most examples write it (listed in notExpressible: the proxied 401 keeps it).
      return [
        `Header set Access-Control-Allow-Origin ${page}`,
        'Header set Access-Control-Allow-Credentials "true"',
      ].join('\n');
  }
}

function apacheLaunch(conf: string, env: ServerEnv): Launch {
  return {
    files: { 'httpd.conf': conf },
    command: '/usr/sbin/apache2',
    args: ['-f', join(env.dir, 'httpd.conf'), '-DFOREGROUND'],
  };
}

export const apache: StackHarness = {
  id: 'apache',
  software: 'Apache httpd 2.4 with mod_headers, mod_rewrite, mod_proxy_http (apache2)',
  requires: ['/usr/sbin/apache2', ...MODULES.map((name) => `/usr/lib/apache2/modules/mod_${name}.so`)],
  proxy: true,
  broken: (caseId, env) => apacheLaunch(apacheConf(env, apacheBroken(caseId, env)), env),
  // The documented place: inside the <VirtualHost> that serves the API.
  fixed: (snippet, env) => apacheLaunch(apacheConf(env, snippet), env),
  alsoChange: { names: 'Header unset Access-Control-Allow-Origin', where: 'snippet' },
  notExpressible: {
    'error-status':
      "the application's 401 comes back through mod_proxy as an ordinary response, so even `Header set` without always adds the CORS headers and the page reads the 401 (seen on the real server); only errors httpd makes itself lose them",
  },
};

// ---------------------------------------------------------------- Caddy

function caddyGlobal(env: ServerEnv): string {
  return ['{', '\tadmin off', '\tauto_https off', `\tstorage file_system ${join(env.dir, 'data')}`, '}', ''].join('\n');
}

function caddyBroken(caseId: BrokenConfig, env: ServerEnv): string {
  const page = quoted(env.pageOrigin);
  const proxy = `\treverse_proxy ${env.upstream}`;
  const answerPreflight = (methods: string, headers: string | null): string =>
    [
      '\t@preflight method OPTIONS',
      '\thandle @preflight {',
      `\t\theader Access-Control-Allow-Origin ${page}`,
      `\t\theader Access-Control-Allow-Methods ${quoted(methods)}`,
      ...(headers === null ? [] : [`\t\theader Access-Control-Allow-Headers ${quoted(headers)}`]),
      '\t\trespond 204',
      '\t}',
      '\thandle {',
      `\t\theader Access-Control-Allow-Origin ${page}`,
      `\t${proxy}`,
      '\t}',
    ].join('\n');
  switch (caseId) {
    case 'origin-allowed':
    // OPTIONS is proxied to the application, whose trailing-slash redirect answers it.
    case 'preflight-redirect':
      return [`\theader Access-Control-Allow-Origin ${page}`, proxy].join('\n');
    case 'missing-acao':
      // The header was set for another path only.
      return [`\theader /other/* Access-Control-Allow-Origin ${page}`, proxy].join('\n');
    case 'origin-mismatch':
    // invalid-origin: the host name alone.
    case 'invalid-origin':
      return [`\theader Access-Control-Allow-Origin ${quoted(hardCodedOrigin(caseId))}`, proxy].join('\n');
    case 'wildcard-credentials':
      return ['\theader Access-Control-Allow-Origin "*"', proxy].join('\n');
    case 'header-not-allowed':
      return answerPreflight('GET, POST, PUT', 'content-type');
    case 'unparsable-list':
      // A hand-written list with semicolons for commas.
      return answerPreflight('GET, POST, PUT', SEMICOLON_LIST);
    case 'unparsable-methods':
      // The same semicolons in the method list.
      return answerPreflight(SEMICOLON_METHODS, null);
    case 'method-not-allowed':
      return answerPreflight('GET, POST', null);
    case 'preflight-error-status':
      // OPTIONS is proxied to the application, whose auth layer answers 401.
      return [`\theader Access-Control-Allow-Origin ${page}`, proxy].join('\n');
    case 'error-status':
      // The CORS headers on every response (listed in notExpressible: the proxied 401 keeps them).
      return [
        `\theader Access-Control-Allow-Origin ${page}`,
        '\theader Access-Control-Allow-Credentials "true"',
        proxy,
      ].join('\n');
  }
}

/** The site address: both host names the API is served under (the redirect case goes from one to the other). */
const caddySite = (env: ServerEnv): string => `http://127.0.0.1:${env.port}, http://${CANONICAL_HOST}:${env.port}`;

function caddyLaunch(caddyfile: string, env: ServerEnv): Launch {
  return {
    files: { Caddyfile: caddyfile },
    command: '/usr/bin/caddy',
    args: ['run', '--config', join(env.dir, 'Caddyfile'), '--adapter', 'caddyfile'],
    env: { HOME: env.dir, XDG_DATA_HOME: join(env.dir, 'data'), XDG_CONFIG_HOME: join(env.dir, 'config') },
  };
}

export const caddy: StackHarness = {
  id: 'caddy',
  software: 'Caddy 2.6 (caddy)',
  requires: ['/usr/bin/caddy'],
  proxy: true,
  broken: (caseId, env) => caddyLaunch(`${caddyGlobal(env)}${caddySite(env)} {\n${caddyBroken(caseId, env)}\n}\n`, env),
  fixed: (snippet, env) =>
    caddyLaunch(
      caddyGlobal(env) +
        fillPlaceholders('caddy', snippet, {
          listen: `${caddySite(env)} {`,
          // alsoChange: drop the upstream's copy inside reverse_proxy.
          upstream: env.alsoChange
            ? `reverse_proxy ${env.upstream} {\n\t\t\theader_down -Access-Control-Allow-Origin\n\t\t}`
            : `reverse_proxy ${env.upstream}`,
        }),
      env,
    ),
  alsoChange: { names: 'header_down -Access-Control-Allow-Origin', where: 'config' },
  notExpressible: {
    'error-status':
      "the header directive sets its fields before reverse_proxy writes the application's answer, so the 401 carries the CORS headers and the page reads it (seen on the real server)",
  },
};
