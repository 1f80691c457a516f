/**
 * `npm run build:library`: the verdict engine as the package's library (`import { evaluate } from
 * 'cors-lens'`), one ES module and one bundled declaration file in dist-lib/. The declarations are
 * bundled (rolldown-plugin-dts) because tsc's per-file output imports './advisories' without an
 * extension, which TypeScript's node16/nodenext resolution rejects in a consumer's project.
 */
import { defineConfig } from 'rolldown';
import { dts } from 'rolldown-plugin-dts';

export default defineConfig({
  input: { index: 'src/engine/index.ts' },
  platform: 'neutral',
  plugins: [dts({ tsconfig: 'src/engine/tsconfig.json' })],
  output: { dir: 'dist-lib', format: 'esm', cleanDir: true },
});
