// Byte-identical reports, before and after a change to the hot path (issue 22): runs kipp score
// (--format json and csv) and kipp export (csv) on the bench years in DIR, with the bench rubric
// (bench/duckdb-rubric.yaml: every entry ranked) and with the embedded one (every entry of a
// gen.cjs year is ineligible: no implemented_since, the diagnostics path), and compares every
// report with DIR/before/. The JSON report's manifest field `kipp` (the version) is masked;
// nothing else is (the report has no timestamp; input paths are written relative to the report,
// so DIR/before and DIR/after give the same ones).
//
//   node bench/gen.cjs 5000 DIR/national && node bench/gen.cjs 200000 DIR/stress
//   node bench/identical.mjs DIR --save     # with the code before the change: DIR/before/
//   node bench/identical.mjs DIR            # after: DIR/after/, compared; exit 1 on a difference
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// KIPP_BIN: another build's bin/kipp.js (the code before the change, for --save).
const BIN = process.env.KIPP_BIN ?? join(ROOT, 'bin/kipp.js');
const RUBRIC = join(ROOT, 'bench/duckdb-rubric.yaml');
const [dir, flag] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: node bench/identical.mjs DIR [--save]\n');
  process.exit(2);
}
const save = flag === '--save';
const target = join(dir, save ? 'before' : 'after');
const years = ['national', 'stress'].filter((y) => existsSync(join(dir, y, 'scores.csv')));
const variants = [
  { name: '', rubric: ['--rubric', RUBRIC] },
  { name: 'default/', rubric: [] },
];

const masked = (name, bytes) =>
  name.endsWith('.json')
    ? bytes.toString('utf8').replace(/^ {2}"kipp": "[^"]*",$/m, '  "kipp": "*",')
    : bytes.toString('latin1');
let differences = 0;
for (const variant of variants) {
  mkdirSync(join(target, variant.name), { recursive: true });
  for (const year of years) {
    const inputs = [
      join(year, 'entries.csv'),
      '--scores',
      join(year, 'scores.csv'),
      ...variant.rubric,
      '--as-of',
      '2026-01-01',
    ];
    const runs = [
      [`${year}.score.json`, ['score', ...inputs, '--format', 'json']],
      [`${year}.score.csv`, ['score', ...inputs, '--format', 'csv']],
      [`${year}.export.csv`, ['export', ...inputs]],
    ];
    for (const [name, argv] of runs) {
      const file = join(save ? 'before' : 'after', variant.name, name);
      const r = spawnSync(process.execPath, [BIN, ...argv, '--output', file, '--force'], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 30,
      });
      if (r.status !== 0 && r.status !== 1) throw new Error(`kipp ${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
      if (save) continue;
      const before = join(dir, 'before', variant.name, name);
      const same = masked(name, readFileSync(before)) === masked(name, readFileSync(join(dir, file)));
      if (!same) differences++;
      process.stdout.write(`${same ? 'identical' : 'DIFFERENT'}  ${variant.name}${name}\n`);
    }
  }
}
if (differences > 0) process.exitCode = 1;
