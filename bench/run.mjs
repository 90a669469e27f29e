// `npm run bench`: generates the benchmark years (seeded), then times kipp score, validate and
// export on them against the byte-level baseline and Node's own start-up, and prints a
// Markdown table (median wall time over several runs, peak memory, rows per second).
// `npm run bench -- --write` also writes bench/RESULTS.md. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, closeSync, writeFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/kipp.js');
const RSS = join(ROOT, 'bench/rss.mjs');
const args = process.argv.slice(2);
const write = args.includes('--write');
const quick = args.includes('--quick');
const sizes = quick ? ['national'] : ['national', 'national125k', 'stress'];
const RUNS = Number(process.env.BENCH_RUNS) || (quick ? 3 : 5);

function measure(argv, { runs = RUNS, cwd = ROOT, env = {} } = {}) {
  const times = [];
  let peak = 0;
  let status = 0;
  const out = join(ROOT, 'bench/out');
  mkdirSync(out, { recursive: true });
  for (let i = 0; i < runs; i++) {
    const rssFile = join(out, 'rss.txt');
    const fd = openSync(rssFile, 'w');
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', RSS, ...argv], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe', fd],
      env: { ...process.env, KIPP_BENCH_RSS_FD: '3', NO_COLOR: '1', ...env },
      maxBuffer: 1 << 30,
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    closeSync(fd);
    status = r.status ?? -1;
    const kb = Number(readFileSync(rssFile, 'utf8').trim()) || 0;
    peak = Math.max(peak, kb);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], peakMB: peak / 1024, status };
}

const rows = [];
const row = (what, size, m, scoreRows) =>
  rows.push({ what, size, median: m.median, peakMB: m.peakMB, perSecond: scoreRows && m.median ? scoreRows / m.median : null, status: m.status });

// Start-up.
const node = measure(['-e', '0'], { runs: 10 });
const version = measure([BIN, '--version'], { runs: 10 });
row('node -e 0', '—', node);
row('kipp --version', '—', version);

for (const size of sizes) {
  const dir = join(ROOT, 'bench/data', size);
  if (!existsSync(join(dir, 'scores.csv'))) {
    process.stderr.write(`generating ${size}…\n`);
    await generate(size, dir);
  }
  const lines = readFileSync(join(dir, 'scores.csv'), 'latin1').split('\n').length - 2;
  const inputs = [join(dir, 'entries.csv'), '--scores', join(dir, 'scores.csv'), '--judges', join(dir, 'judges.csv'), '--as-of', '2026-01-01'];
  const runs = size === 'stress' ? Math.min(RUNS, 3) : RUNS;
  process.stderr.write(`${size}: ${lines} score rows, ${runs} runs each\n`);
  row('baseline (byte loop)', size, measure([join(ROOT, 'bench/baseline.mjs'), join(dir, 'scores.csv')], { runs }), lines);
  row('load only (bench/load.mjs)', size, measure([join(ROOT, 'bench/load.mjs'), dir], { runs }), lines);
  row('kipp score --top 10 (load + score)', size, measure([BIN, 'score', ...inputs, '--format', 'json', '--top', '10'], { runs }), lines);
  row('kipp score --format json', size, measure([BIN, 'score', ...inputs, '--format', 'json'], { runs }), lines);
  if (size === 'stress') {
    // The same on one thread: score sheets of 16 MiB and more are otherwise read by two worker threads.
    row('kipp score --format json, one thread (KIPP_WORKER_MIN_BYTES=off)', size, measure([BIN, 'score', ...inputs, '--format', 'json'], { runs, env: { KIPP_WORKER_MIN_BYTES: 'off' } }), lines);
  }
  row('kipp validate --format json', size, measure([BIN, 'validate', ...inputs, '--format', 'json'], { runs }), lines);
  const exportOut = join(ROOT, 'bench/out', `${size}.csv`);
  row('kipp export (csv)', size, measure([BIN, 'export', ...inputs, '--output', exportOut, '--force'], { runs }), lines);
  rmSync(exportOut, { force: true });
  if (size !== 'stress') {
    // exceljs builds the whole workbook in memory: a national year, not the 5-million-row stress.
    const xlsxOut = join(ROOT, 'bench/out', `${size}.xlsx`);
    row('kipp export (xlsx)', size, measure([BIN, 'export', ...inputs, '--output', xlsxOut, '--force'], { runs }), lines);
    rmSync(xlsxOut, { force: true });
  }
}

const table = [
  '| what | year | median wall (s) | peak memory (MB) | score rows/s | exit |',
  '|---|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.what} | ${r.size} | ${r.median.toFixed(3)} | ${r.peakMB.toFixed(0)} | ${r.perSecond ? Math.round(r.perSecond).toLocaleString('en-US') : '—'} | ${r.status} |`),
].join('\n');
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const report = `# kipp benchmarks\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}.\nMedian of ${RUNS} runs (stress: up to 3), whole process, wall time; peak memory is the process's maximum resident set.\nYears from \`bench/generate.mjs\` (seeded): national = 3,500 entries × 5 judges × 5 criteria (87,500 rows); national125k = 5,000 entries (125,000 rows); stress = 200,000 entries (5,000,000 rows).\n\n${table}\n`;
process.stdout.write(report);
// The hand-written part below the marker (history, one-off measurements) survives a rewrite.
const MARKER = '\n<!-- Everything above this line is written by `npm run bench -- --write`; everything below is kept. -->\n';
const resultsPath = join(ROOT, 'bench/RESULTS.md');
const kept = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8').split(MARKER)[1] : undefined;
if (write) writeFileSync(resultsPath, kept === undefined ? report : report + MARKER + kept);
