import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { extensionManifest as manifest } from './src/build/extension-manifest.ts';
import { firefoxManifest } from './src/build/firefox-manifest.ts';
import { STORE_FILES } from './src/build/store-files.ts';
import { zipDirectory } from './src/build/zip-directory.ts';

const isVitest = process.env.VITEST !== undefined;

/**
 * The engine is pure (no top-level effects: `npm run check:engine` builds it without browser
 * types), so what an entry does not use of it can go. Without this the bundler keeps every module
 * src/engine/index.ts names, and the service worker, which needs only `evaluate`, loads and keeps
 * the explanations and the fix recipes of every server stack too.
 */
const engineIsPure = { moduleSideEffects: (id: string) => !id.includes('/src/engine/') };

/**
 * `vite build --mode zip` also packs dist/ into a store-ready archive under release/, and says
 * where it is and where the store listing is (`this.info` shows at Vite's default log level).
 */
function zipAfterBuild(): Plugin {
  return {
    name: 'cors-lens:zip',
    apply: 'build',
    closeBundle() {
      const archive = zipDirectory('dist', `release/cors-lens-${manifest.version}-chrome.zip`);
      this.info(
        `wrote ${archive.path} (${archive.files} files, ${archive.bytes} bytes) from dist/, for the Chrome Web Store; ` +
          `listing and images: ${STORE_FILES.chrome.dir}, privacy policy: ${STORE_FILES.privacyPolicy}`,
      );
    },
  };
}

/**
 * The Firefox build's manifest.json, generated from manifest.json. With `zip`, also packs
 * dist-firefox/ into release/ for about:addons or AMO (checked by `web-ext lint`).
 */
function firefoxPackage(zip: boolean): Plugin {
  return {
    name: 'cors-lens:firefox-package',
    apply: 'build',
    generateBundle() {
      const source = firefoxManifest(manifest, { backgroundScript: 'background.js' });
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(source, null, 2)}\n` });
    },
    closeBundle() {
      if (!zip) return;
      const archive = zipDirectory('dist-firefox', `release/cors-lens-${manifest.version}-firefox.zip`);
      this.info(
        `wrote ${archive.path} (${archive.files} files, ${archive.bytes} bytes) from dist-firefox/, for addons.mozilla.org; ` +
          `source-code notes AMO asks for: ${STORE_FILES.firefox.sourceCodeNotes}, listing and images: ${STORE_FILES.firefox.dir}`,
      );
    },
  };
}

/**
 * `vite build --mode firefox` (and `zip-firefox`): the same pages and background from the same
 * sources into dist-firefox/, without crxjs, which emits a Chrome-only manifest and loader. The
 * background is one module at a fixed path that the generated manifest names.
 */
function firefoxConfig(zip: boolean): UserConfig {
  return {
    plugins: [preact(), firefoxPackage(zip)],
    build: {
      outDir: 'dist-firefox',
      emptyOutDir: true,
      target: 'firefox140',
      minify: true,
      sourcemap: false,
      rollupOptions: {
        input: {
          background: 'src/background/index.ts',
          devtools: 'src/devtools/devtools.html',
          panel: 'src/panel/panel.html',
        },
        treeshake: engineIsPure,
        output: {
          entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  };
}

/** Makes the built CLI executable, so `dist-cli/cors-lens.mjs` runs as a program (and as the package's bin). */
function executable(file: string): Plugin {
  return {
    name: 'cors-lens:executable',
    apply: 'build',
    writeBundle() {
      chmodSync(file, 0o755);
    },
  };
}

/**
 * `vite build --mode cli`: the Node command line, one self-contained ES module with a shebang in
 * dist-cli/ (never dist/, which is the extension and gets zipped).
 */
const cliConfig: UserConfig = {
  plugins: [executable('dist-cli/cors-lens.mjs')],
  publicDir: false,
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    // Minified: the npm tarball stays under 200 kB (test/package/pack.test.ts). The CLI prints no
    // stack traces, so nothing a user sees names a minified function.
    minify: true,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'cors-lens.mjs', banner: '#!/usr/bin/env node' } },
  },
};

/**
 * `vite build --mode demo-page`: the demo's app page (plain DOM, no extension plugins) into
 * dist-demo/page/, which the demo server serves on its page origin.
 */
const demoPageConfig: UserConfig = {
  root: fileURLToPath(new URL('./src/demo/page', import.meta.url)),
  base: './',
  plugins: [],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist-demo/page', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome116',
    minify: false,
    rollupOptions: { input: fileURLToPath(new URL('./src/demo/page/index.html', import.meta.url)) },
  },
};

/**
 * `vite build --mode demo`: the `npm run demo` program (Node) as dist-demo/demo.mjs; its
 * dependencies (playwright-core) stay in node_modules. Runs after demo-page, whose output it keeps.
 */
const demoConfig: UserConfig = {
  plugins: [],
  publicDir: false,
  ssr: { target: 'node' },
  build: {
    ssr: 'src/demo/main.ts',
    outDir: 'dist-demo',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'demo.mjs' } },
  },
};

const modeConfigs: Readonly<Record<string, UserConfig>> = {
  cli: cliConfig,
  'demo-page': demoPageConfig,
  demo: demoConfig,
  firefox: firefoxConfig(false),
  'zip-firefox': firefoxConfig(true),
};

export default defineConfig(({ mode }) => ({
  // crx() rewrites the build around manifest.json; unit tests need none of that.
  plugins: isVitest ? [preact()] : [preact(), crx({ manifest }), ...(mode === 'zip' ? [zipAfterBuild()] : [])],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    minify: mode !== 'development',
    sourcemap: mode === 'development',
    // Vite's modulepreload polyfill fetch()es <link rel=modulepreload> targets; every browser the
    // extension supports preloads natively, and dist/ must hold no fetch call site (capture-flood.spec.ts).
    modulePreload: { polyfill: false },
    rollupOptions: {
      // crxjs bundles only the pages the manifest names; the panel page is opened by the devtools page.
      input: { panel: 'src/panel/panel.html' },
      treeshake: engineIsPure,
    },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/security/**/*.test.{ts,tsx}', 'test/package/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of cases; on a shared 2-core machine that can take many
    // seconds. Speed is checked by `npm run bench`, not by test timeouts.
    testTimeout: 120_000,
  },
  // The command line and the demo replace the extension's plugins and build wholesale.
  ...(modeConfigs[mode] ?? {}),
}));
