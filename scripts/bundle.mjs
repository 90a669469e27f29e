// Bundles the CLI (dist/cli.js, built by tsc) with its dependencies into dist/bundle/, one chunk
// per lazily loaded command: Node then reads a handful of files instead of several hundred ES
// modules, which roughly halves the start-up of `kipp validate` on a small file (bench/).
// exceljs and playwright-core stay outside: exceljs is imported only when an XLSX is written.
// The library API (dist/index.js) is not bundled: consumers import tsc's output with its types.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: new URL('../dist/cli.js', import.meta.url).pathname },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs', 'playwright-core'],
  // CommonJS dependencies (cli-table3, …) call require(): give the ES module bundle one.
  banner: { js: "import { createRequire as __kippRequire } from 'node:module'; const require = __kippRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'linked',
});
