// `npm run bench`: generates the benchmark years (seeded), then times kipp score, validate and
// export on them and Node's own start-up, and prints Markdown tables (median wall time over
// several runs, peak memory, rows per second). First the peers (issue 22): on the years of
// bench/gen.cjs, kipp score --format csv --output beside the same job as one DuckDB statement
// (bench/duckdb.cjs, 2 threads: the issue's, the score sheet alone), DuckDB writing kipp's whole
// report (bench/duckdb-report.cjs: the entries file joined) and the tightest single-thread loop
// (bench/tight-loop.cjs),
// whole processes, the runs alternating, ratios of medians. DuckDB is a devDependency; without
// it its line is skipped with a note.
// `npm run bench -- --write` writes the tables into bench/RESULTS.md. `--quick`: the national
// years only; `--peers`: the peer table only. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, closeSync, writeFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { agreement, reportAgreement } from './agree.mjs';
import { generate } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LOAD = loadavg()
  .map((x) => x.toFixed(2))
  .join(', ');
const BIN = join(ROOT, 'bin/kipp.js');
const RSS = join(ROOT, 'bench/rss.mjs');
const args = process.argv.slice(2);
const write = args.includes('--write');
const quick = args.includes('--quick');
const peersOnly = args.includes('--peers');
const sizes = quick ? ['national'] : ['national', 'national125k', 'stress'];
const RUNS = Number(process.env.BENCH_RUNS) || (quick ? 3 : 5);

/** Score rows in a sheet: its lines less the header (counted in bytes: no 5,000,000 strings held by the bench). */
function rowsOf(path) {
  const bytes = readFileSync(path);
  let lines = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines++;
  return lines - 1;
}

/** One whole process: its wall time, peak resident memory (KB) and exit status. */
function runOnce(argv, { cwd = ROOT, env = {} } = {}) {
  const out = join(ROOT, 'bench/out');
  mkdirSync(out, { recursive: true });
  const rssFile = join(out, 'rss.txt');
  const fd = openSync(rssFile, 'w');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS, ...argv], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe', fd],
    env: { ...process.env, KIPP_BENCH_RSS_FD: '3', NO_COLOR: '1', ...env },
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(fd);
  return { seconds, kb: Number(readFileSync(rssFile, 'utf8').trim()) || 0, status: r.status ?? -1 };
}

function summary(samples) {
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    peakMB: Math.max(...samples.map((s) => s.kb)) / 1024,
    status: samples.at(-1)?.status ?? -1,
  };
}

function measure(argv, { runs = RUNS, cwd = ROOT, env = {} } = {}) {
  return summary(Array.from({ length: runs }, () => runOnce(argv, { cwd, env })));
}

/** Several commands measured in turns (a, b, c, a, b, c, …): a shared machine's load falls on all of them alike. */
function alternate(commands, runs) {
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((argv, k) => samples[k].push(runOnce(argv)));
  return samples.map(summary);
}

// DuckDB (a devDependency of the bench only): present, or its line is skipped with a note.
let duckdb = true;
try {
  createRequire(import.meta.url).resolve('@duckdb/node-api');
} catch {
  duckdb = false;
}

/**
 * The peer table (issue 22): per gen.cjs year, kipp score --format csv --output with the bench
 * rubric (the DuckDB statement's weights and tie-break), DuckDB's statement, DuckDB's whole report
 * and the tight loop, alternating; time and memory as ratios to the statement, and time
 * as a ratio to DuckDB's whole report.
 */
async function peers() {
  const years = quick
    ? [['national', 5000]]
    : [
        ['national', 5000],
        ['stress', 200000],
      ];
  const lines = [];
  const verdicts = [];
  for (const [year, n] of years) {
    const dir = join(ROOT, 'bench/data', `gen-${year}`);
    if (!existsSync(join(dir, 'scores.csv'))) {
      process.stderr.write(`generating gen-${year}…\n`);
      spawnSync(process.execPath, [join(ROOT, 'bench/gen.cjs'), String(n), dir], { stdio: 'inherit' });
    }
    const scores = join(dir, 'scores.csv');
    const rowCount = rowsOf(scores);
    const out = (name) => join(ROOT, 'bench/out', `${year}.${name}.csv`);
    const commands = [
      [
        BIN,
        'score',
        join(dir, 'entries.csv'),
        '--scores',
        scores,
        '--rubric',
        join(ROOT, 'bench/duckdb-rubric.yaml'),
        '--as-of',
        '2026-01-01',
        '--format',
        'csv',
        '--output',
        out('kipp'),
        '--force',
      ],
      [join(ROOT, 'bench/tight-loop.cjs'), scores, out('tight')],
      ...(duckdb
        ? [
            [join(ROOT, 'bench/duckdb.cjs'), scores, out('duckdb'), '2'],
            [join(ROOT, 'bench/duckdb-report.cjs'), join(dir, 'entries.csv'), scores, out('duckdb-report'), '2'],
          ]
        : []),
    ];
    const runs = year === 'stress' ? Math.min(RUNS, 5) : RUNS;
    process.stderr.write(`peers, gen-${year}: ${rowCount} score rows, ${runs} alternating runs\n`);
    const [kipp, tight, duck, report] = alternate(commands, runs);
    // Each row beside the statement (time and memory), and beside DuckDB's whole report (time).
    const ratio = (m) =>
      duck
        ? `${(m.median / duck.median).toFixed(2)}× | ${(m.peakMB / duck.peakMB).toFixed(2)}× | ${(m.median / report.median).toFixed(2)}×`
        : '— | — | —';
    const line = (what, m, r) =>
      `| ${what} | ${year} (${rowCount.toLocaleString('en-US')} rows) | ${m.median.toFixed(3)} | ${m.peakMB.toFixed(0)} | ${r} | ${m.status} |`;
    lines.push(line('kipp score --format csv --output', kipp, ratio(kipp)));
    if (duck) {
      lines.push(line("DuckDB, the issue's statement (score sheet only; 2 threads)", duck, ratio(duck)));
      lines.push(line("DuckDB, kipp's report (entries joined; 2 threads)", report, ratio(report)));
    } else
      lines.push(
        `| DuckDB | ${year} | — | — | — | — | — | skipped: @duckdb/node-api is not installed (npm ci installs it) |`,
      );
    lines.push(line('tight loop (one thread, score sheet only, no checks)', tight, ratio(tight)));
    // The same job, the same answer: kipp's ranking beside DuckDB's (bench/agree.mjs).
    if (duck) {
      for (const [what, verdict] of [
        ["the issue's statement", agreement(out('kipp'), out('duckdb'))],
        ["kipp's report", reportAgreement(out('kipp'), out('duckdb-report'))],
      ]) {
        verdicts.push(
          `- ${year}, ${what}: ${verdict.ok ? 'kipp and DuckDB agree' : '**kipp and DuckDB disagree**'}: ${verdict.text}.`,
        );
        if (!verdict.ok) process.exitCode = 1;
      }
    }
  }
  return [
    '| what | year | median wall (s) | peak memory (MB) | time ÷ DuckDB | memory ÷ DuckDB | time ÷ DuckDB report | exit |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...lines,
    ...(verdicts.length > 0
      ? ['', "Rankings compared (`bench/agree.mjs`, kipp's CSV against DuckDB's, from the last runs):", '', ...verdicts]
      : []),
  ].join('\n');
}

const peerTable = await peers();
if (peersOnly) {
  process.stdout.write(`${peerTable}\n`);
  process.exit(0);
}

const rows = [];
const row = (what, size, m, scoreRows) =>
  rows.push({
    what,
    size,
    median: m.median,
    peakMB: m.peakMB,
    perSecond: scoreRows && m.median ? scoreRows / m.median : null,
    status: m.status,
  });

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
  const lines = rowsOf(join(dir, 'scores.csv'));
  const inputs = [
    join(dir, 'entries.csv'),
    '--scores',
    join(dir, 'scores.csv'),
    '--judges',
    join(dir, 'judges.csv'),
    '--as-of',
    '2026-01-01',
  ];
  const runs = size === 'stress' ? Math.min(RUNS, 3) : RUNS;
  process.stderr.write(`${size}: ${lines} score rows, ${runs} runs each\n`);
  row('load only (bench/load.mjs)', size, measure([join(ROOT, 'bench/load.mjs'), dir], { runs }), lines);
  row(
    'kipp score --top 10 (load + score)',
    size,
    measure([BIN, 'score', ...inputs, '--format', 'json', '--top', '10'], { runs }),
    lines,
  );
  row('kipp score --format json', size, measure([BIN, 'score', ...inputs, '--format', 'json'], { runs }), lines);
  if (size === 'stress') {
    // The same on one thread: score sheets of 16 MiB and more are otherwise read by two worker threads.
    row(
      'kipp score --format json, one thread (KIPP_WORKER_MIN_BYTES=off)',
      size,
      measure([BIN, 'score', ...inputs, '--format', 'json'], { runs, env: { KIPP_WORKER_MIN_BYTES: 'off' } }),
      lines,
    );
  }
  row('kipp validate --format json', size, measure([BIN, 'validate', ...inputs, '--format', 'json'], { runs }), lines);
  // The panel profile (issue 22 names it) and the HTML report, which carries it.
  row('kipp judges --format json', size, measure([BIN, 'judges', ...inputs, '--format', 'json'], { runs }), lines);
  const htmlOut = join(ROOT, 'bench/out', `${size}.html`);
  row(
    'kipp score --format html',
    size,
    measure([BIN, 'score', ...inputs, '--format', 'html', '--output', htmlOut, '--force'], { runs }),
    lines,
  );
  rmSync(htmlOut, { force: true });
  const exportOut = join(ROOT, 'bench/out', `${size}.csv`);
  row(
    'kipp export (csv)',
    size,
    measure([BIN, 'export', ...inputs, '--output', exportOut, '--force'], { runs }),
    lines,
  );
  rmSync(exportOut, { force: true });
  // The XLSX export streams its sheets (exceljs's WorkbookWriter): the stress year too.
  const xlsxOut = join(ROOT, 'bench/out', `${size}.xlsx`);
  row('kipp export (xlsx)', size, measure([BIN, 'export', ...inputs, '--output', xlsxOut, '--force'], { runs }), lines);
  rmSync(xlsxOut, { force: true });
}

const table = [
  '| what | year | median wall (s) | peak memory (MB) | score rows/s | exit |',
  '|---|---|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.what} | ${r.size} | ${r.median.toFixed(3)} | ${r.peakMB.toFixed(0)} | ${r.perSecond ? Math.round(r.perSecond).toLocaleString('en-US') : '—'} | ${r.status} |`,
  ),
].join('\n');
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const report = `# kipp benchmarks\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}; load average before the run: ${LOAD}.\n\n## kipp beside DuckDB and the tight loop\n\nYears from \`bench/gen.cjs\` (seeded): national = 5,000 entries (125,000 score rows), stress = 200,000 entries (5,000,000 rows); kipp with \`bench/duckdb-rubric.yaml\` (the statement's weights and tie-break). "DuckDB, the issue's statement" is issue 22's yardstick (\`bench/duckdb.cjs\`: the score sheet alone, id, rank and total); "DuckDB, kipp's report" writes the report \`kipp score\` writes (\`bench/duckdb-report.cjs\`: the entries file joined, ranks overall and per category, titles, agencies, criterion means, judges). Whole processes, the four run in turns, median of ${RUNS} (stress: up to 5); ratios of medians.\n\n${peerTable}\n\n## Every command\n\nMedian of ${RUNS} runs (stress: up to 3), whole process, wall time; peak memory is the process's maximum resident set.\nYears from \`bench/generate.mjs\` (seeded): national = 3,500 entries × 5 judges × 5 criteria (87,500 rows); national125k = 5,000 entries (125,000 rows); stress = 200,000 entries (5,000,000 rows).\n\n${table}\n`;
process.stdout.write(report);
// The hand-written part below the marker (history, one-off measurements) survives a rewrite.
const MARKER =
  '\n<!-- Everything above this line is written by `npm run bench -- --write`; everything below is kept. -->\n';
const resultsPath = join(ROOT, 'bench/RESULTS.md');
const kept = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8').split(MARKER)[1] : undefined;
if (write) writeFileSync(resultsPath, kept === undefined ? report : report + MARKER + kept);
