// Bundles the CLI (dist/cli.js, built by tsc) with its dependencies into dist/bundle/, one chunk
// per lazily loaded command: Node then reads a handful of files instead of several hundred ES
// modules, which roughly halves the start-up of `kipp validate` on a small file (bench/).
// exceljs and playwright-core stay outside: exceljs is imported only when an XLSX is written.
// The library API (dist/index.js) is not bundled: consumers import tsc's output with its types.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// zod re-exports every locale's messages (about 370 KB of its 750 KB) through `z.locales`; kipp
// words its own messages and uses zod's English defaults only, so the bundle keeps English alone:
// a third less JavaScript for Node to parse on every command that reads a rubric.
const englishZodOnly = {
  name: 'english-zod-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'kipp' } : undefined,
    );
    b.onLoad({ filter: /^zod-locales$/, namespace: 'kipp' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: new URL('../', import.meta.url).pathname,
      loader: 'js',
    }));
  },
};

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  // The sheet worker is a script of its own, found next to the chunk that starts it.
  entryPoints: {
    cli: new URL('../dist/cli.js', import.meta.url).pathname,
    'sheet-worker': new URL('../dist/io/sheet-worker.js', import.meta.url).pathname,
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs', 'playwright-core'],
  // CommonJS dependencies (cli-table3, …) call require(): give the ES module bundle one.
  banner: {
    js: "import { createRequire as __kippRequire } from 'node:module'; const require = __kippRequire(import.meta.url);",
  },
  plugins: [englishZodOnly],
  logLevel: 'warning',
  legalComments: 'linked',
});
