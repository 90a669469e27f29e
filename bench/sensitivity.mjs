// `node bench/sensitivity.mjs` (after `npm run build`): times `kipp sensitivity` with 1,000 runs
// over the national year (3,500 entries × 5 judges × 5 criteria), weights only and with the judge
// bootstrap, whole process and the runs alone (in process, from dist/). Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/kipp.js');
const dir = join(ROOT, 'bench/data/national');
if (!existsSync(join(dir, 'scores.csv'))) await generate('national', dir);
const inputs = [
  join(dir, 'entries.csv'),
  '--scores',
  join(dir, 'scores.csv'),
  '--judges',
  join(dir, 'judges.csv'),
  '--as-of',
  '2026-01-01',
];
const RUNS = Number(process.env.BENCH_RUNS) || 3;

function wall(args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (r.status !== 0) throw new Error(`exit ${r.status}: kipp ${args.join(' ')}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

// In process: loading and scoring once, then the 1,000 runs alone.
const { loadCompetition } = await import(join(ROOT, 'dist/io/competition.js'));
const { scoreWithDetail } = await import(join(ROOT, 'dist/scoring/score.js'));
const { runSensitivity } = await import(join(ROOT, 'dist/analytics/sensitivity.js'));
const competition = loadCompetition({
  entries: [join(dir, 'entries.csv')],
  scores: [join(dir, 'scores.csv')],
  judges: join(dir, 'judges.csv'),
  rubric: null,
});
const { result, detail } = scoreWithDetail(competition, { asOf: '2026-01-01' });
function inProcess(resampleJudges) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  runSensitivity(result, detail, { runs: 1000, weightSpread: 5, resampleJudges, seed: 'bench' });
  return { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: process.cpuUsage(cpu).user / 1e6 };
}

const rows = [
  ['kipp score --format json (for reference)', wall(['score', ...inputs, '--format', 'json']), null],
  [
    'kipp sensitivity --runs 1000 --weight-spread 5',
    wall(['sensitivity', ...inputs, '--runs', '1000', '--format', 'json']),
    inProcess(false),
  ],
  [
    'kipp sensitivity --runs 1000 --weight-spread 5 --resample-judges',
    wall(['sensitivity', ...inputs, '--runs', '1000', '--resample-judges', '--format', 'json']),
    inProcess(true),
  ],
];
process.stdout.write(
  [
    `national year: ${result.entries.length} entries; median of ${RUNS} whole-process runs; the runs alone measured once in process`,
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs (wall times stretch under load; CPU time much less)`,
    '| what | whole process, wall (s) | 1,000 runs alone, wall (s) | 1,000 runs alone, CPU (s) |',
    '|---|---:|---:|---:|',
    ...rows.map(
      ([what, w, p]) =>
        `| ${what} | ${w.toFixed(2)} | ${p === null ? '—' : p.wall.toFixed(2)} | ${p === null ? '—' : p.cpu.toFixed(2)} |`,
    ),
  ].join('\n') + '\n',
);
