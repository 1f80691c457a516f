import { describe, expect, it } from 'vitest';
import {
  isSameOrigin,
  originOf,
  parseUrl,
  resolveLocation,
  withoutCredentials,
} from '../../../../src/engine/verdict/origin';
import { originRows } from '../../../fixtures/cors/origins';

describe('origin of a URL (table)', () => {
  it('keeps all its rows', () => {
    expect(originRows).toHaveLength(25);
  });

  it.each(originRows)('$name', ({ url, expect: expected }) => {
    expect(originOf(url)).toBe(expected.origin);
    const parsed = parseUrl(url);
    expect(parsed !== null && (parsed.username !== '' || parsed.password !== '')).toBe(expected.hasCredentials);
  });
});

describe('origin helpers', () => {
  it('never treat opaque origins as the same origin', () => {
    expect(isSameOrigin('null', 'null')).toBe(false);
    expect(isSameOrigin('data:,a', 'data:,a')).toBe(false);
    expect(isSameOrigin('http://a.test/x', 'http://A.test:80/y')).toBe(true);
  });

  it('resolve Location values against the URL they answered', () => {
    expect(resolveLocation('/b', 'http://a.test:81/x/y')).toBe('http://a.test:81/b');
    expect(resolveLocation('c', 'http://a.test/x/y')).toBe('http://a.test/c');
    expect(resolveLocation('//b.test/z', 'https://a.test/')).toBe('https://b.test/z');
    expect(resolveLocation('http://b.test/', 'garbage')).toBe('http://b.test/');
    expect(resolveLocation('/b', 'garbage')).toBeNull();
  });

  it('strip userinfo for the suggested Location', () => {
    expect(withoutCredentials('https://u:p@b.test/x')).toBe('https://b.test/x');
    expect(withoutCredentials('https://b.test/x@y')).toBe('https://b.test/x@y');
  });
});
