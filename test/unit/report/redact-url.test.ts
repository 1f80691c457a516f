import { describe, expect, it } from 'vitest';
import { originOf } from '../../../src/engine/index';
import { redactUrl } from '../../../src/report/index';
import { redactUrlsInText } from '../../../src/report/redact-url';

describe('redactUrl', () => {
  it('replaces secret query values and userinfo, keeping the origin, the other parameters and the fragment', () => {
    const url = 'https://user:pw@api.example:8443/v1/items?token=abc&page=2&api_key=k#top';
    const redacted = redactUrl(url);
    expect(redacted).toBe('https://redacted@api.example:8443/v1/items?token=redacted&page=2&api_key=redacted#top');
    expect(originOf(redacted)).toBe(originOf(url));
    expect(redactUrl(redacted)).toBe(redacted);
  });

  it('finds parameters in fragments, `;` path parameters, encoded names and URLs nested in a parameter', () => {
    expect(redactUrl('https://app/cb#access_token=abc&state=s')).toBe('https://app/cb#access_token=redacted&state=s');
    expect(redactUrl('http://h/cart;jsessionid=ABC?x=1')).toBe('http://h/cart;jsessionid=redacted?x=1');
    expect(redactUrl('http://h/?access%5Ftoken=abc')).toBe('http://h/?access%5Ftoken=redacted');
    expect(redactUrl('http://h/login?next=http://i/?code=abc')).toBe('http://h/login?next=http://i/?code=redacted');
  });

  it('leaves a URL without secrets as it is, odd ones included', () => {
    for (const url of ['http://h/?q=1&author=me', 'http://h/?=x&&token', 'not a url', '', 'http://h/?%E0%A4%A=1'])
      expect(redactUrl(url)).toBe(url);
  });

  it('redacts URLs quoted in text', () => {
    expect(redactUrlsInText('went to "http://u:p@h/next?code=abc" then')).toBe(
      'went to "http://redacted@h/next?code=redacted" then',
    );
  });
});
