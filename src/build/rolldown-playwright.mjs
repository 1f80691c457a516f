/**
 * `npm run build:package`: bundles `cors-lens/playwright` (src/playwright) for Node. The engine is
 * not bundled a second time: every import of src/engine becomes an import of the package's own main
 * entry, `cors-lens` (a package may import itself by name through its "exports"), and
 * `@playwright/test` stays the user's, an optional peer dependency.
 */
import { dirname, resolve } from 'node:path';

const ENGINE = resolve(import.meta.dirname, '../engine');
const ENGINE_ENTRY = [ENGINE, `${ENGINE}/index`, `${ENGINE}/index.ts`];

/** @type {import('rolldown').RolldownOptions} */
export default {
  input: resolve(import.meta.dirname, '../playwright/index.ts'),
  platform: 'node',
  external: ['@playwright/test'],
  plugins: [
    {
      name: 'engine-from-package',
      resolveId(source, importer) {
        if (importer === undefined || !source.startsWith('.')) return null;
        return ENGINE_ENTRY.includes(resolve(dirname(importer), source)) ? { id: 'cors-lens', external: true } : null;
      },
    },
  ],
  output: { file: 'dist-lib/playwright/index.js', format: 'esm', minify: true },
  logLevel: 'warn',
};
