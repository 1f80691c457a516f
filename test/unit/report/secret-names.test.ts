import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSecretHeaderName, isSecretQueryParameter, SECRET_NAMES } from '../../../src/report/index';

/** Headers whose values the CORS verdict (or reading a HAR back) reads. */
const VERDICT_HEADERS = [
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers',
  'Access-Control-Max-Age',
  'Access-Control-Allow-Private-Network',
  'Access-Control-Request-Method',
  'Access-Control-Request-Headers',
  'Access-Control-Request-Private-Network',
  'Origin',
  'Vary',
  'Location',
  'Referer',
  'Content-Type',
  'Accept',
  'Accept-Language',
  'Content-Language',
  'Range',
  'Sec-Fetch-Mode',
  'Sec-Fetch-Site',
  'Cross-Origin-Resource-Policy',
  'Timing-Allow-Origin',
  'X-HTTP-Method-Override',
  ':status',
];

describe('secret names', () => {
  it('never counts a header the verdict reads as secret', () => {
    expect(VERDICT_HEADERS.filter(isSecretHeaderName)).toEqual([]);
  });

  it('counts credential headers and custom tokens, keys and sessions as secret, in any case', () => {
    const secret = [
      'Cookie',
      'Set-Cookie',
      'Authorization',
      'Proxy-Authorization',
      'DPoP',
      'X-Api-Key',
      'x_api_key',
      'X-Auth-Token',
      'X-CSRF-Token',
      'X-XSRF-TOKEN',
      'X-CSRFToken',
      'X-Session-Id',
      'X-Amz-Security-Token',
      'Ocp-Apim-Subscription-Key',
      'Private-Token',
      'X-Hub-Signature-256',
      'X-Client-Secret',
    ];
    expect(secret.filter((name) => !isSecretHeaderName(name))).toEqual([]);
    expect(['Accept-Encoding', 'User-Agent', 'X-Request-Id', 'Cache-Control'].filter(isSecretHeaderName)).toEqual([]);
  });

  it('counts OAuth, API-key, signed-URL and session parameters as secret, and leaves ordinary ones', () => {
    const secret = [
      'token',
      'access_token',
      'refresh_token',
      'id_token',
      'api_key',
      'api-key',
      'apiKey',
      'key',
      'code',
      'secret',
      'client_secret',
      'password',
      'session',
      'jsessionid',
      'PHPSESSID',
      'sig',
      'signature',
      'auth',
      'jwt',
      'X-Amz-Signature',
      'X-Amz-Credential',
      'X-Amz-Security-Token',
    ];
    expect(secret.filter((name) => !isSecretQueryParameter(name))).toEqual([]);
    expect(['page', 'q', 'state', 'author', 'keyword', 'codec', 'redirect_uri'].filter(isSecretQueryParameter)).toEqual(
      [],
    );
  });
});

describe('README "Permissions and privacy"', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Permissions and privacy'), readme.indexOf('## Contributing'));

  it.each(Object.keys(SECRET_NAMES) as (keyof typeof SECRET_NAMES)[])('lists every name and pattern of %s', (list) => {
    expect(SECRET_NAMES[list].filter((pattern) => !section.includes(`\`${pattern}\``))).toEqual([]);
  });
});
