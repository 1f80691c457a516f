import { describe, expect, it } from 'vitest';
import { demoCases, GROUP_TITLES } from '../../../src/demo/cases';

const origins = { page: 'http://localhost:4100', api: 'http://127.0.0.1:4200', other: 'http://localhost:4200' };
const cases = demoCases(origins);

describe('the demo cases', () => {
  it('cover the failures of the issue and some passes, each at its own API path', () => {
    expect(cases.map((demoCase) => demoCase.expect)).toEqual(
      expect.arrayContaining([
        'MissingAllowOriginHeader',
        'WildcardOriginNotAllowed',
        'AllowOriginMismatch',
        'MultipleAllowOriginValues',
        'HeaderDisallowedByPreflightResponse',
        'MethodDisallowedByPreflightResponse',
        'PreflightInvalidStatus',
        'PreflightDisallowedRedirect',
        'passed',
      ]),
    );
    const paths = cases.flatMap((demoCase) => demoCase.routes.map((route) => route.path));
    expect(new Set(paths).size).toBe(paths.length);
    for (const demoCase of cases) {
      expect(demoCase.url).toBe(`${origins.api}/demo/${demoCase.id}`);
      expect(demoCase.routes[0]?.path).toBe(`/demo/${demoCase.id}`);
      expect(GROUP_TITLES[demoCase.group]).toBeDefined();
    }
  });

  it('allow a port other than the page’s in the wrong-port case, even when the page is on 3000', () => {
    const acao = (page: string) =>
      demoCases({ ...origins, page })
        .find((demoCase) => demoCase.id === 'wrong-port')
        ?.routes[0]?.spec.response?.headers?.find(([name]) => name === 'Access-Control-Allow-Origin')?.[1];
    expect(acao('http://localhost:4100')).toBe('http://localhost:3000');
    expect(acao('http://localhost:3000')).toBe('http://localhost:3001');
  });
});
