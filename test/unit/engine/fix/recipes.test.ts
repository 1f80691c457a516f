import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixRecipe, fixRecipes, RECIPE_PLACEHOLDERS, STACKS } from '../../../../src/engine/fix/fix-recipes';
import type { FixRecipe } from '../../../../src/engine/fix/fix-types';
import { PLACEHOLDER_ORIGIN } from '../../../../src/engine/fix/recipes/recipe-context';
import { requestChain } from '../../../../src/engine/fix/required-policy';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import type { Exchange } from '../../../../src/engine/verdict/exchange';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../../fixtures/exchange-builder';
import {
  API_OTHER_HOST,
  BOTH_ORIGINS_MARKERS,
  CREDENTIALS_MARKER,
  HOSTILE_NAMES,
  HOSTILE_ORIGINS,
  RECIPE_ROWS,
  redirectToOtherHost,
  UPPERCASING_STACKS,
  VARY_IN_SNIPPET,
  verdict,
} from '../../../fixtures/recipes';

const S3_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);
const CELLS = RECIPE_ROWS.flatMap((row) => fixRecipes(row.exchange, row.verdict).map((recipe) => ({ row, recipe })));

describe('fixRecipes: every stack for every main code', () => {
  it('covers 15 stacks x 9 codes', () => {
    expect(STACKS).toHaveLength(15);
    expect(new Set(STACKS.map((stack) => stack.id)).size).toBe(15);
    expect(CELLS).toHaveLength(135);
  });

  it('returns the stacks in STACKS order, with their labels', () => {
    const [row] = RECIPE_ROWS;
    if (row === undefined) throw new Error('no rows');
    const recipes = fixRecipes(row.exchange, row.verdict);
    expect(recipes.map((recipe) => [recipe.stack, recipe.label])).toEqual(
      STACKS.map((stack) => [stack.id, stack.label]),
    );
  });

  it.each(CELLS.map(({ row, recipe }) => [`${recipe.stack} / ${row.name}`, row, recipe] as const))(
    '%s',
    (_, row, recipe) => {
      const { snippet } = recipe;
      expect(snippet).toContain(row.expect.origin);
      for (const method of row.expect.methods) {
        if (recipe.stack === 'aws-s3' && !S3_METHODS.has(method.toUpperCase())) {
          expect(recipe.notes).toContain(`S3 cannot allow ${method.toUpperCase()}`);
        } else {
          // rack-cors takes methods lowercase; some libraries uppercase them.
          const spelled = recipe.stack === 'rails' ? method.toLowerCase() : method;
          expect(snippet).toContain(UPPERCASING_STACKS.has(recipe.stack) ? method.toUpperCase() : spelled);
        }
      }
      for (const header of row.expect.headers) expect(snippet).toContain(header);
      const marker = CREDENTIALS_MARKER[recipe.stack];
      if (marker !== null) expect(marker.test(snippet)).toBe(row.expect.credentials);
      if (VARY_IN_SNIPPET.has(recipe.stack)) expect(snippet).toMatch(/Vary/);
      expect(recipe.pitfall.length).toBeGreaterThan(20);
      expect(recipe.notes.length).toBeGreaterThan(20);
    },
  );

  it.each(STACKS)('$id: the pitfall is specific to the code', ({ id }) => {
    const pitfalls = CELLS.filter(({ recipe }) => recipe.stack === id).map(({ recipe }) => recipe.pitfall);
    expect(new Set(pitfalls).size).toBeGreaterThanOrEqual(6);
  });

  it('names the classic mistake of each stack', () => {
    const pitfall = (stack: string, code: string, index = 0): string =>
      CELLS.filter(({ row, recipe }) => recipe.stack === stack && row.code === code)[index]?.recipe.pitfall ?? '';
    expect(pitfall('express', 'WildcardOriginNotAllowed')).toContain("defaults to origin '*'");
    expect(pitfall('nginx', 'MissingAllowOriginHeader')).toContain('`always`');
    expect(pitfall('django', 'MissingAllowOriginHeader')).toContain('above CommonMiddleware');
    expect(pitfall('spring', 'PreflightInvalidStatus')).toContain('Spring Security rejects the preflight');
    expect(pitfall('fastapi', 'MethodDisallowedByPreflightResponse')).toContain('defaults to GET only');
    expect(pitfall('go', 'PreflightMissingAllowOriginHeader')).toContain('204 and no CORS headers');
    expect(pitfall('aspnet', 'PreflightInvalidStatus')).toContain('before UseAuthentication');
    expect(pitfall('cloudflare', 'PreflightMissingAllowOriginHeader')).toContain('cannot answer OPTIONS');
  });

  // Each of these failed on the real server in test/fixes before the recipe changed.
  describe('what the real servers taught (test/fixes)', () => {
    const snippets = (stack: string): string[] =>
      CELLS.filter(({ recipe }) => recipe.stack === stack).map(({ recipe }) => recipe.snippet);

    it('django: pastes into settings that already list corsheaders (no duplicate app, CorsMiddleware moved first)', () => {
      for (const snippet of snippets('django')) {
        expect(snippet).not.toContain('INSTALLED_APPS +=');
        expect(snippet).not.toContain('MIDDLEWARE.insert');
        expect(snippet).toContain(
          'INSTALLED_APPS = [*(app for app in INSTALLED_APPS if app != "corsheaders"), "corsheaders"]',
        );
        expect(snippet).toMatch(
          /MIDDLEWARE = \[\n {4}"corsheaders\.middleware\.CorsMiddleware",\n {4}\*\(name for name in MIDDLEWARE if name != "corsheaders\.middleware\.CorsMiddleware"\),\n\]/,
        );
      }
    });

    it("flask: answers preflights in a before_request hook ahead of the app's own (a login check answered 401)", () => {
      for (const snippet of snippets('flask')) {
        const hook = snippet.indexOf('def answer_preflight():');
        expect(hook).toBeGreaterThan(snippet.indexOf('CORS('));
        expect(hook).toBeLessThan(snippet.indexOf('# ... your routes'));
        expect(snippet).toContain('return app.make_default_options_response()');
      }
    });

    it("fastapi: the place for the app's other middleware comes before CORSMiddleware, which must stay outermost", () => {
      for (const snippet of snippets('fastapi')) {
        expect(snippet.indexOf('# ... your other app.add_middleware')).toBeLessThan(
          snippet.indexOf('app.add_middleware('),
        );
      }
    });
  });

  it('lists both spellings of a lowercase method where the stack passes it through', () => {
    const patch = CELLS.filter(({ row, recipe }) => row.expect.methods.includes('patch') && recipe.stack === 'express');
    expect(patch[0]?.recipe.snippet).toContain("'PATCH', 'patch'");
    expect(patch[0]?.recipe.notes).toContain('crbug.com/1228178');
  });
});

function hostileExchange(origin: string, names: readonly string[] = []): Exchange {
  return exchange({
    initiatorOrigin: origin,
    request: { url: 'http://127.0.0.1:8080/x', method: 'PUT', headers: [['Origin', origin]] },
    preflight: preflight('PUT', names, response(204), 'http://127.0.0.1:8080/x', origin),
    response: null,
    outcome: 'blocked',
  });
}

describe('fixRecipes: hostile input never reaches a snippet raw', () => {
  const blocked = verdict({ code: 'PreflightMissingAllowOriginHeader', stage: 'preflight', status: 204 });

  it.each(HOSTILE_ORIGINS)('origin %j becomes the placeholder', (origin) => {
    const recipes = fixRecipes(hostileExchange(origin), blocked);
    expect(recipes).toHaveLength(15);
    for (const recipe of recipes) {
      if (origin !== '*') expect(recipe.snippet).not.toContain(origin);
      expect(recipe.snippet).toContain(PLACEHOLDER_ORIGIN);
      expect(recipe.notes).toContain('placeholder');
    }
  });

  it.each(HOSTILE_NAMES)('header name %j is left out and reported', (name) => {
    for (const recipe of fixRecipes(hostileExchange(PAGE_ORIGIN, [name, 'x-ok']), blocked)) {
      expect(recipe.snippet).not.toContain(name);
      expect(recipe.snippet).toContain('x-ok');
      expect(recipe.notes).toContain('not plain names');
    }
  });

  it('allows the literal null origin after a cross-origin redirect', () => {
    const ex = exchange({
      redirects: [
        {
          request: { url: 'http://127.0.0.1:8080/a', method: 'GET', headers: [] },
          response: response(302, [['Location', 'https://cdn.example/b']]),
        },
      ],
      response: response(200, [['Access-Control-Allow-Origin', PAGE_ORIGIN]]),
    });
    for (const recipe of fixRecipes(ex, verdict({ code: 'AllowOriginMismatch', failedParameter: PAGE_ORIGIN }))) {
      expect(recipe.snippet).toMatch(/null/);
      expect(recipe.notes).toContain('Origin: null');
    }
  });
});

describe('placeholders: the only texts a user (and test/fixes) replaces', () => {
  // Origins that look like the placeholders' own addresses must not be taken for them.
  const lookalikes = ['http://localhost:8080', 'http://127.0.0.1:8081'].map((origin) => hostileExchange(origin));
  const blocked = verdict({ code: 'PreflightMissingAllowOriginHeader', stage: 'preflight', status: 204 });

  it.each(STACKS)('$id: each placeholder occurs exactly once in every snippet', ({ id }) => {
    const snippets = [
      ...RECIPE_ROWS.map((row) => fixRecipe(id, row.exchange, row.verdict).snippet),
      ...lookalikes.map((ex) => fixRecipe(id, ex, blocked).snippet),
    ];
    for (const snippet of snippets) {
      for (const placeholder of RECIPE_PLACEHOLDERS[id]) {
        expect(snippet.split(placeholder.text).length - 1, placeholder.text).toBe(1);
      }
    }
  });
});

describe('fixRecipes: an error status without CORS headers', () => {
  // As the fix-proof suite saw on the real servers: an auth layer ahead of the CORS layer answered 401.
  const ex = exchange({ credentialsMode: 'include', response: response(401, [['Content-Type', 'text/plain']]) });
  const blocked = evaluate(ex);

  it.each([
    ['fastify', 'register @fastify/cors first'],
    ['fastapi', 'add CORSMiddleware last'],
    ['express', 'register app.use(cors(...)) first'],
    ['go', 'middleware wrapped around the CORS handler'],
  ])('%s: the pitfall names the layer in front of the CORS layer', (stack, cause) => {
    expect(blocked.code).toBe('MissingAllowOriginHeader');
    expect(fixRecipe(stack as Parameters<typeof fixRecipe>[0], ex, blocked).pitfall).toContain(cause);
  });
});

describe('fixRecipes: verdicts other than blocked', () => {
  it('addresses advisories of a passed exchange: exposes the unreadable header by its name', () => {
    const ex = exchange({
      response: response(200, [
        ['Access-Control-Allow-Origin', PAGE_ORIGIN],
        ['X-Total-Count', '3'],
      ]),
    });
    const passed = evaluate(ex);
    expect(passed.advisories.map((a) => a.code)).toContain('unexposed-response-headers');
    const recipes = fixRecipes(ex, passed);
    expect(recipes).toHaveLength(15);
    for (const recipe of recipes) {
      expect(recipe.snippet).toContain('x-total-count');
      expect(recipe.snippet).not.toMatch(/expose[^\n]*access-control-expose-headers/i);
      expect(recipe.pitfall).toContain('x-total-count');
    }
  });

  it.each([
    ['a clean pass', verdict({ kind: 'passed', code: null })],
    ['not CORS', verdict({ kind: 'not-cors', code: null })],
    ['a network error', verdict({ kind: 'network-error', code: null, networkError: 'net::ERR_CONNECTION_REFUSED' })],
    ['unknown', verdict({ kind: 'unknown', code: null })],
    ['a Local Network Access denial', verdict({ code: 'LocalNetworkAccessPermissionDenied' })],
    ['a disallowed mode', verdict({ code: 'DisallowedByMode' })],
  ])('is empty for %s, while fixRecipe still answers', (_, v) => {
    expect(fixRecipes(exchange(), v)).toEqual([]);
    expect(fixRecipe('nginx', exchange(), v).snippet).toContain(PAGE_ORIGIN);
  });
});

function syntaxErrors(recipes: readonly FixRecipe[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-recipes-'));
  const errors: string[] = [];
  const python: string[] = [];
  const java: string[] = [];
  recipes.forEach((recipe, index) => {
    const base = join(dir, `${index}-${recipe.stack}`);
    if (recipe.language === 'json') {
      try {
        JSON.parse(recipe.snippet);
      } catch (error) {
        errors.push(`${recipe.stack}: ${String(error)}`);
      }
    } else if (recipe.language === 'js') {
      const file = `${base}${recipe.snippet.includes('export default') ? '.mjs' : '.cjs'}`;
      writeFileSync(file, recipe.snippet);
      try {
        execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' });
      } catch (error) {
        errors.push(`${recipe.stack}: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
      }
    } else if (recipe.language === 'python') {
      writeFileSync(`${base}.py`, recipe.snippet);
      python.push(`${base}.py`);
    } else if (recipe.language === 'java') {
      mkdirSync(base);
      writeFileSync(join(base, 'CorsConfig.java'), recipe.snippet);
      java.push(join(base, 'CorsConfig.java'));
    }
  });
  const parsePython = 'import ast, sys\nfor f in sys.argv[1:]:\n    ast.parse(open(f).read(), f)\n';
  try {
    if (python.length > 0) execFileSync('python3', ['-c', parsePython, ...python], { stdio: 'pipe' });
  } catch (error) {
    errors.push(`python: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
  }
  try {
    // Parse only: Spring is not on the classpath, so stop before symbols are resolved.
    if (java.length > 0)
      execFileSync('javac', ['-XDshould-stop.ifNoError=PARSE', '-d', dir, ...java], { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer; code?: string }).stderr;
    if ((error as { code?: string }).code !== 'ENOENT') errors.push(`java: ${String(stderr ?? error)}`);
  }
  rmSync(dir, { recursive: true, force: true });
  return errors;
}

describe('fixRecipes: a second Access-Control-Allow-Origin from another layer', () => {
  it('names, on every stack, the change outside the CORS snippet that removes the other copy', () => {
    const ex = exchange({
      response: response(200, [
        ['Access-Control-Allow-Origin', PAGE_ORIGIN],
        ['Access-Control-Allow-Origin', PAGE_ORIGIN],
      ]),
      outcome: 'blocked',
    });
    const v = evaluate(ex);
    expect(v.code).toBe('MultipleAllowOriginValues');
    const recipes = fixRecipes(ex, v);
    expect(recipes).toHaveLength(15);
    for (const recipe of recipes) expect(recipe.alsoChange, recipe.stack).toMatch(/Access-Control-Allow-Origin/);
  });

  it('adds nothing when the CORS snippet suffices', () => {
    for (const { recipe } of CELLS) expect(recipe.alsoChange, `${recipe.stack}`).toBeNull();
  });
});

/** javac and python start as processes: 5 s alone, over a minute on a loaded 2-core CI machine. */
const PARSER_PROCESSES_TIMEOUT_MS = 240_000;

describe('snippets parse in their language', () => {
  it(
    'JS (node --check), JSON, Python (ast.parse) and Java (javac parse) for every main code',
    () => {
      const recipes = CELLS.map(({ recipe }) => recipe).filter((recipe) =>
        ['js', 'json', 'python', 'java'].includes(recipe.language),
      );
      expect(recipes).toHaveLength(9 * 9);
      expect(syntaxErrors(recipes)).toEqual([]);
    },
    PARSER_PROCESSES_TIMEOUT_MS,
  );

  it(
    'and for a passed exchange with exposed headers and the null origin',
    () => {
      const readable = (initiatorOrigin: string) =>
        exchange({
          initiatorOrigin,
          response: response(200, [
            ['Access-Control-Allow-Origin', '*'],
            ['X-Total-Count', '3'],
          ]),
        });
      const recipes = [PAGE_ORIGIN, 'null'].flatMap((origin) =>
        fixRecipes(readable(origin), evaluate(readable(origin))),
      );
      expect(recipes.filter((recipe) => recipe.snippet.includes('x-total-count'))).toHaveLength(30);
      expect(syntaxErrors(recipes)).toEqual([]);
    },
    PARSER_PROCESSES_TIMEOUT_MS,
  );
});

describe('fixRecipes: a redirect to another host name of the same server (#20 item 1)', () => {
  // The two ways a one-origin fix broke this chain: allowing the page origin fails the request after
  // the redirect (Origin: null); allowing null fails the redirect itself.
  const broken = (['page', 'null'] as const).map((allowed) => {
    const ex = redirectToOtherHost(allowed);
    return { allowed, ex, verdict: evaluate(ex) };
  });
  const compact = (recipe: FixRecipe): string =>
    recipe.language === 'json' ? JSON.stringify(JSON.parse(recipe.snippet)) : recipe.snippet;

  it('is the chain the issue describes: each one-origin fix fails the other hop with AllowOriginMismatch', () => {
    expect(broken.map(({ verdict: v }) => [v.code, v.stage, v.redirectIndex])).toEqual([
      ['AllowOriginMismatch', 'response', null],
      ['AllowOriginMismatch', 'redirect', 0],
    ]);
    expect(evaluate(redirectToOtherHost('echo')).kind).toBe('passed');
  });

  it.each(STACKS)('$id: the snippet allows both origins, whichever hop failed, and the two fixes are one', ({ id }) => {
    const [afterRedirect, onRedirect] = broken.map(({ ex, verdict: v }) => fixRecipe(id, ex, v));
    if (afterRedirect === undefined || onRedirect === undefined) throw new Error('no recipes');
    expect(onRedirect.snippet).toBe(afterRedirect.snippet);
    for (const marker of BOTH_ORIGINS_MARKERS[id]) expect(compact(afterRedirect), marker).toContain(marker);
    if (VARY_IN_SNIPPET.has(id)) expect(afterRedirect.snippet).toMatch(/Vary/);
    for (const placeholder of RECIPE_PLACEHOLDERS[id]) {
      expect(afterRedirect.snippet.split(placeholder.text).length - 1, placeholder.text).toBe(1);
    }
  });

  it('never falls back to * or to one comma-joined value', () => {
    for (const { ex, verdict: v } of broken) {
      for (const recipe of fixRecipes(ex, v)) {
        expect(recipe.snippet, recipe.stack).not.toMatch(/Allow-?Origins?\W+\*/i);
        expect(recipe.snippet, recipe.stack).not.toContain(`${PAGE_ORIGIN}, null`);
        expect(recipe.snippet, recipe.stack).not.toContain(`${PAGE_ORIGIN},null`);
      }
    }
  });

  it('says why null appears, that the page origin is still needed, and to call the final URL instead', () => {
    for (const { ex, verdict: v } of broken) {
      for (const recipe of fixRecipes(ex, v)) {
        expect(recipe.notes).toContain(
          `The redirect from ${API_ORIGIN} to ${API_OTHER_HOST} made the browser send Origin: null on the requests after it`,
        );
        expect(recipe.notes).toContain(`The requests before it still carry Origin: ${PAGE_ORIGIN}`);
        expect(recipe.notes).toContain(`prefer pointing the page at the final URL (on ${API_OTHER_HOST})`);
        expect(recipe.notes).toContain(
          `each needs only the origins its own requests carried: ${API_ORIGIN} gets Origin: ${PAGE_ORIGIN}; ${API_OTHER_HOST} gets Origin: null.`,
        );
      }
    }
    const spring = fixRecipe('spring', broken[0]?.ex ?? exchange(), broken[0]?.verdict ?? verdict());
    expect(spring.notes).toContain(`.allowedOrigins("${PAGE_ORIGIN}", "null")`);
    const gateway = fixRecipe('aws-api-gateway', broken[0]?.ex ?? exchange(), broken[0]?.verdict ?? verdict());
    expect(gateway.notes).toContain(`one of ${PAGE_ORIGIN}, null`);
  });

  it(
    'snippets parse in their language (JS, JSON, Python, Java)',
    () => {
      const recipes = broken
        .flatMap(({ ex, verdict: v }) => fixRecipes(ex, v))
        .filter((recipe) => ['js', 'json', 'python', 'java'].includes(recipe.language));
      expect(recipes).toHaveLength(2 * 9);
      expect(syntaxErrors(recipes)).toEqual([]);
    },
    PARSER_PROCESSES_TIMEOUT_MS,
  );

  it.each(HOSTILE_ORIGINS)(
    'a hostile page origin %j before the redirect becomes the placeholder beside null',
    (origin) => {
      const ex = exchange({
        initiatorOrigin: origin,
        request: { url: `${API_ORIGIN}/data`, method: 'GET', headers: [['Origin', origin]] },
        redirects: [
          {
            request: { url: `${API_ORIGIN}/data`, method: 'GET', headers: [['Origin', origin]] },
            response: response(302, [['Location', `${API_OTHER_HOST}/data`]]),
          },
        ],
        response: response(200, []),
        outcome: 'blocked',
      });
      const recipes = fixRecipes(ex, verdict({ code: 'MissingAllowOriginHeader' }));
      expect(recipes).toHaveLength(15);
      for (const recipe of recipes) {
        if (origin !== '*') expect(recipe.snippet).not.toContain(origin);
        expect(recipe.snippet).toContain(PLACEHOLDER_ORIGIN);
        expect(recipe.snippet).toMatch(/null/);
        expect(recipe.notes).toContain('placeholder');
      }
    },
  );

  it('keeps hostile server names out of the notes', () => {
    // A host name the URL parser accepts, quote and all: the chain's servers are what the redirect
    // check resolves, so only a Location that parses can lead to another server.
    const hostile = 'http://x.example";evil';
    const ex = exchange({
      redirects: [
        {
          request: { url: `${API_ORIGIN}/data`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
          response: response(302, [['Location', `${hostile}/data`]]),
        },
      ],
      response: response(200, []),
      outcome: 'blocked',
    });
    for (const recipe of fixRecipes(ex, verdict({ code: 'MissingAllowOriginHeader' }))) {
      expect(recipe.notes).not.toContain('evil');
      expect(recipe.notes).toContain('A redirect to another origin made the browser send Origin: null');
      expect(recipe.notes).toContain(`The requests before it still carry Origin: ${PAGE_ORIGIN}`);
    }
  });

  it('reads an unparsable Location as the redirect check does: a path on the same server, so no origin changed', () => {
    const ex = exchange({
      redirects: [
        {
          request: { url: `${API_ORIGIN}/data`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
          response: response(302, [['Location', 'http://x.example\u202e"; evil/data']]),
        },
      ],
      response: response(200, []),
      outcome: 'blocked',
    });
    expect(requestChain(ex).requests.map(({ server, tainted }) => ({ server, tainted }))).toEqual([
      { server: API_ORIGIN, tainted: false },
      { server: API_ORIGIN, tainted: false },
    ]);
    for (const recipe of fixRecipes(ex, verdict({ code: 'MissingAllowOriginHeader' }))) {
      expect(recipe.notes).not.toContain('evil');
      expect(recipe.notes).not.toContain('Origin: null');
    }
  });
});
