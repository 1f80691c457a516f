import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { zipDirectory } from './src/build/zip-directory.ts';

const isVitest = process.env.VITEST !== undefined;

/** `vite build --mode zip` also packs dist/ into a store-ready archive under release/. */
function zipAfterBuild(): Plugin {
  return {
    name: 'cors-lens:zip',
    apply: 'build',
    closeBundle() {
      const archive = zipDirectory('dist', `release/cors-lens-${manifest.version}-chrome.zip`);
      this.info(`wrote ${archive.path} (${archive.files} files, ${archive.bytes} bytes)`);
    },
  };
}

export default defineConfig(({ mode }) => ({
  // crx() rewrites the build around manifest.json; unit tests need none of that.
  plugins: isVitest ? [preact()] : [preact(), crx({ manifest }), ...(mode === 'zip' ? [zipAfterBuild()] : [])],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    minify: mode !== 'development',
    sourcemap: mode === 'development',
    rollupOptions: {
      // crxjs bundles only the pages the manifest names; the panel page is opened by the devtools page.
      input: { panel: 'src/panel/panel.html' },
    },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
}));
