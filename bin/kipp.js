#!/usr/bin/env node
// The CLI bundled by scripts/bundle.mjs (npm run build): fewer files to load at start-up.
// `kipp --version` (or -V) alone answers before loading it: the bundle and commander are most
// of its start-up, and a script that checks the version runs it often.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  // Read by a pipe that closes early (`kipp --version | head -c1`): nothing left to say, no stack.
  process.stdout.on('error', () => {});
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const { main } = await import('../dist/bundle/cli.js');
  process.exitCode = await main(process);
}
