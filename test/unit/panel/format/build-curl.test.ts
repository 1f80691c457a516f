import { describe, expect, it } from 'vitest';
import { buildCurl, preflightRequest, shellQuote } from '../../../../src/panel/format/build-curl';
import { API_ORIGIN, exchange, PAGE_ORIGIN } from '../../../fixtures/exchange-builder';

describe('shellQuote', () => {
  // test/security/curl-shells.test.ts runs hostile values through bash, zsh, fish and sh.
  it('single-quotes text, writes quotes and backslashes outside the quotes and controls as printf escapes', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('a\\b')).toBe("'a'\\\\'b'");
    expect(shellQuote('a\x1bb\u202e')).toBe(`'a'"$(printf '\\033')"'b'"$(printf '\\342\\200\\256')"`);
    expect(shellQuote('a\nb')).toBe("'ab'");
    expect(shellQuote('')).toBe("''");
  });
});

describe('buildCurl', () => {
  const request = {
    url: `${API_ORIGIN}/items?q=1`,
    method: 'PUT',
    headers: [
      ['Origin', PAGE_ORIGIN],
      ['Content-Type', 'application/json'],
      ['Cookie', 'session=s3cret'],
      ['Authorization', 'Bearer t0ken'],
      ['Proxy-Authorization', 'Basic cHJveHk='],
      ['Accept-Encoding', 'gzip'],
      ['Content-Length', '12'],
    ] as const,
  };

  it('leaves credentials out unless asked, and says which', () => {
    const { command, omitted } = buildCurl(request, { includeSecrets: false });
    expect(command).not.toMatch(/s3cret|t0ken|cHJveHk/);
    expect(omitted).toEqual(['Cookie', 'Authorization', 'Proxy-Authorization']);
    expect(command.split('\n')[0]).toBe(`curl -i '${API_ORIGIN}/items?q=1' -X 'PUT' \\`);
    expect(command).toContain("-H 'Origin: http://localhost:3000'");
    expect(command).toContain('--compressed');
    expect(command).not.toContain('Content-Length');
  });

  it('includes credentials when the user ticks the box', () => {
    const { command, omitted } = buildCurl(request, { includeSecrets: true });
    expect(command).toContain("-H 'Cookie: session=s3cret'");
    expect(command).toContain("-H 'Authorization: Bearer t0ken'");
    expect(omitted).toEqual([]);
  });

  it('strips user:password from the URL unless secrets are included', () => {
    const withUser = { url: 'https://user:pw@api.example/x', method: 'GET', headers: [] };
    expect(buildCurl(withUser, { includeSecrets: false })).toEqual({
      command: "curl -i 'https://api.example/x'",
      omitted: ['URL credentials'],
    });
    expect(buildCurl(withUser, { includeSecrets: true }).command).toContain('user:pw@');
  });

  it('leaves out User-Agent and sec-ch-* hints, and puts --compressed after the headers', () => {
    const noisy = {
      url: `${API_ORIGIN}/x`,
      method: 'GET',
      headers: [
        ['Accept-Encoding', 'gzip'],
        ['User-Agent', 'Mozilla/5.0'],
        ['sec-ch-ua', '"Chromium";v="156"'],
        ['Origin', PAGE_ORIGIN],
      ] as const,
    };
    const { command, omitted } = buildCurl(noisy, { includeSecrets: false });
    expect(command.split(' \\\n  ')).toEqual([
      `curl -i '${API_ORIGIN}/x'`,
      `-H 'Origin: ${PAGE_ORIGIN}'`,
      '--compressed',
    ]);
    expect(omitted).toEqual(['User-Agent and sec-ch-* hints']);
  });

  it('asks for a HEAD with --head, since -X HEAD would wait for a body', () => {
    expect(buildCurl({ url: `${API_ORIGIN}/x`, method: 'HEAD', headers: [] }, { includeSecrets: false }).command).toBe(
      `curl -i '${API_ORIGIN}/x' --head`,
    );
  });

  it('passes a URL that looks like an option through --url', () => {
    expect(buildCurl({ url: '-o/tmp/x', method: 'GET', headers: [] }, { includeSecrets: false }).command).toContain(
      "--url '-o/tmp/x'",
    );
  });
});

describe('preflightRequest', () => {
  it('is the observed OPTIONS request, or the one the browser would send when none was seen', () => {
    const ex = exchange({
      request: {
        url: `${API_ORIGIN}/data`,
        method: 'DELETE',
        headers: [
          ['Origin', PAGE_ORIGIN],
          ['X-Token', 'a'],
        ],
      },
      preflight: { kind: 'maybe-cached' },
    });
    expect(preflightRequest(ex)).toEqual({
      url: `${API_ORIGIN}/data`,
      method: 'OPTIONS',
      headers: [
        ['Origin', PAGE_ORIGIN],
        ['Access-Control-Request-Method', 'DELETE'],
        ['Access-Control-Request-Headers', 'x-token'],
      ],
    });
    expect(preflightRequest(exchange())).toBeNull();
  });
});
