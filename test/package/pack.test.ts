/**
 * The npm package as a user gets it: `npm pack` (its prepack builds the CLI and the library), then
 * `npm install --offline` of the tarball into an empty directory with an empty npm cache — so it
 * installs with no network and no dependency — then the `cors-lens` bin on a HAR, the library's
 * API from a Node script, and its types from a TypeScript project that resolves as Node does.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../package.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '../..');
const HAR = join(ROOT, 'test/fixtures/har/chrome-devtools.har');
/** What the package may hold besides the declarations: the CLI bin, the library, the Playwright helper, the documents npm always adds. */
const PACKED_FILES = [
  'CHANGELOG.md',
  'README.md',
  'dist-cli/cors-lens.mjs',
  'dist-lib/index.js',
  'dist-lib/playwright/index.js',
  'package.json',
];
// The target of issue #16; the CLI is minified to stay under it with the Playwright helper (168 kB then).
const MAX_TARBALL_BYTES = 200_000;

const run = promisify(execFile);

/** Runs a command; a non-zero exit is an answer here (the CLI exits 1 when something was blocked). */
async function exec(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? String(error),
    };
  }
}

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

let scratch = '';
let packed: PackResult;
let project = '';
/** npm with a cache of its own that holds nothing, and no way to the registry. */
let offline: NodeJS.ProcessEnv;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'cors-lens-pack-'));
  const packing = await exec('npm', ['pack', '--json', '--pack-destination', scratch], ROOT);
  expect(packing.code, `npm pack failed: ${packing.stderr}`).toBe(0);
  // npm prints the prepack script's output before its JSON.
  const json = packing.stdout.slice(packing.stdout.indexOf('[\n'));
  const [result] = JSON.parse(json) as PackResult[];
  if (result === undefined) throw new Error(`npm pack reported no tarball: ${packing.stdout}`);
  packed = result;
  project = join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "uses-cors-lens", "private": true, "type": "module" }\n');
  offline = {
    npm_config_cache: join(scratch, 'empty-cache'),
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const install = await exec('npm', ['install', '--offline', join(scratch, packed.filename)], project, offline);
  expect(install.code, `npm install --offline failed: ${install.stderr}`).toBe(0);
  // The user's own test runner for `cors-lens/playwright`: this repository's, linked in (the install is offline).
  for (const name of ['@playwright/test', 'playwright', 'playwright-core']) {
    mkdirSync(dirname(join(project, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(project, 'node_modules', name));
  }
}, 300_000);

afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds only the CLI, the library with its declarations and the documents, within 200 kB', () => {
    const paths = packed.files.map((file) => file.path);
    const declarations = paths.filter((path) => /^dist-lib\/(playwright\/)?types\/.+\.d\.ts$/.test(path));
    expect(declarations).toContain('dist-lib/types/index.d.ts');
    expect(declarations).toContain('dist-lib/playwright/types/index.d.ts');
    expect(paths.filter((path) => !declarations.includes(path)).sort()).toEqual(PACKED_FILES);
    const bytes = statSync(join(scratch, packed.filename)).size;
    console.log(`${packed.filename}: ${bytes} bytes packed, ${packed.unpackedSize} unpacked`);
    expect(bytes).toBeLessThanOrEqual(MAX_TARBALL_BYTES);
  });

  it('installs with no runtime dependency; @playwright/test is an optional peer', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/cors-lens/package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    expect(installed.dependencies ?? {}).toEqual({});
    expect(installed.peerDependenciesMeta?.['@playwright/test']?.optional).toBe(true);
  });

  it("loads `cors-lens/playwright` beside the user's @playwright/test, its engine the package's own", async () => {
    const script = `
      import { corsLens, corsMatchers, expect, test } from 'cors-lens/playwright';
      const quiet = { settled: async () => {}, exchanges: () => [], blocked: () => [], disagreements: () => [] };
      const result = await corsMatchers.toHaveNoCorsErrors(quiet);
      console.log(JSON.stringify({ corsLens: typeof corsLens, test: typeof test.extend, expect: typeof expect, pass: result.pass }));
    `;
    writeFileSync(join(project, 'helper.mjs'), script);
    const loaded = await exec(process.execPath, ['helper.mjs'], project);
    expect(loaded.stderr).toBe('');
    expect(JSON.parse(loaded.stdout)).toEqual({
      corsLens: 'function',
      test: 'function',
      expect: 'function',
      pass: true,
    });
    const bundle = readFileSync(join(project, 'node_modules/cors-lens/dist-lib/playwright/index.js'), 'utf8');
    expect(bundle, 'the helper imports the engine from the package, not a second copy').toMatch(/from"cors-lens"/);
  });

  it('runs `npx cors-lens analyze --json` on a HAR, and --version says the package version', async () => {
    const analyzed = await exec('npx', ['--offline', 'cors-lens', 'analyze', HAR, '--json'], project, offline);
    expect(analyzed.stderr).toBe('');
    expect(analyzed.code, 'exit 1: something in the HAR was blocked').toBe(1);
    const report = JSON.parse(analyzed.stdout) as { entries: { blocked: boolean; code: string | null }[] };
    expect(report.entries.filter((entry) => entry.blocked).map((entry) => entry.code)).toHaveLength(3);
    const shown = await exec('npx', ['--offline', 'cors-lens', '--version'], project, offline);
    expect(shown.stdout.trim()).toBe(`cors-lens ${version}`);
  });

  it("judges an exchange from a Node script: import { evaluate, explain, fixRecipe } from 'cors-lens'", async () => {
    const script = `
      import { evaluate, explain, fixRecipe } from 'cors-lens';
      const exchange = {
        initiatorOrigin: 'http://localhost:3000',
        request: { url: 'http://127.0.0.1:8080/items', method: 'GET', headers: [['Origin', 'http://localhost:3000']] },
        resourceType: 'fetch', credentialsMode: 'omit', mode: 'cors',
        preflight: { kind: 'none' }, redirects: [],
        response: { status: 200, headers: [['Content-Type', 'application/json']] },
        networkError: 'net::ERR_FAILED', outcome: 'blocked',
      };
      const verdict = evaluate(exchange);
      const recipe = fixRecipe('express', exchange, verdict);
      console.log(JSON.stringify({ code: verdict.code, summary: explain(verdict, exchange).summary, snippet: recipe.snippet }));
    `;
    writeFileSync(join(project, 'judge.mjs'), script);
    const judged = await exec(process.execPath, ['judge.mjs'], project);
    expect(judged.stderr).toBe('');
    const said = JSON.parse(judged.stdout) as { code: string; summary: string; snippet: string };
    expect(said.code).toBe('MissingAllowOriginHeader');
    expect(said.summary).toMatch(/Access-Control-Allow-Origin/);
    expect(said.snippet).toContain("require('cors')");
  });

  it('gives TypeScript types that resolve under moduleResolution nodenext', async () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: [] },
        files: ['typed.ts', 'mistyped.ts'],
      }),
    );
    writeFileSync(
      join(project, 'typed.ts'),
      "import { evaluate, type Exchange, type Verdict } from 'cors-lens';\n" +
        "export const judge = (exchange: Exchange): Verdict['code'] => evaluate(exchange).code;\n",
    );
    // A wrong use must be a type error: proof the types are there, not `any`.
    writeFileSync(join(project, 'mistyped.ts'), "import { evaluate } from 'cors-lens';\nevaluate(42);\n");
    const checked = await exec(join(ROOT, 'node_modules/.bin/tsc'), ['-p', '.'], project);
    const errors = checked.stdout.split('\n').filter((line) => line.includes('error TS'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^mistyped\.ts\(2,10\): error TS2345/);
  });

  it('gives `cors-lens/playwright` types that check with @playwright/test under nodenext', async () => {
    // A Playwright project: Node's types (Playwright's own need them) and a modern lib.
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules/@types/node'), join(project, 'node_modules/@types/node'));
    writeFileSync(
      join(project, 'tsconfig.playwright.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['ESNext', 'DOM'],
          types: ['node'],
          strict: true,
          noEmit: true,
        },
        files: ['playwright-typed.ts', 'playwright-mistyped.ts'],
      }),
    );
    writeFileSync(
      join(project, 'playwright-typed.ts'),
      "import { evaluate } from 'cors-lens';\n" +
        "import { corsLens, expect, test, type JudgedExchange } from 'cors-lens/playwright';\n" +
        "test('no CORS errors', async ({ page, cors }) => {\n" +
        '  const again = await corsLens(page, { judge: (exchange) => evaluate(exchange) });\n' +
        '  const blocked: JudgedExchange[] = again.blocked();\n' +
        "  await expect(cors).toHaveNoCorsErrors({ stack: 'express' });\n" +
        '  return blocked;\n' +
        '});\n',
    );
    writeFileSync(
      join(project, 'playwright-mistyped.ts'),
      "import { expect, test } from 'cors-lens/playwright';\n" +
        "test('x', async ({ cors }) => { await expect(cors).toHaveNoCorsErrors({ stack: 'cobol' }); });\n",
    );
    const checked = await exec(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.playwright.json'], project);
    const errors = checked.stdout.split('\n').filter((line) => line.includes('error TS'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^playwright-mistyped\.ts\(2,\d+\): error TS2322/);
  });
});
