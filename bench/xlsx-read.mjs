// `npm run build && node bench/xlsx-read.mjs`: reading Excel workbooks (issue 18), end to end
// with the built CLI, wall time and peak memory (bench/rss.mjs). Not part of `npm test`.
//
// 1. A national year returned as workbooks: 3,500 entries × 5 judges × 5 criteria, as 60
//    judges' workbooks (kipp assign's wide form, a title row above the header), read by
//    `kipp validate` and `kipp score`. Goal: under 2 s and under 300 MB.
// 2. One workbook of 5,000,000 cells (1,000,000 long-form rows × 5 columns), written with
//    exceljs's streaming writer here (never committed), read by `kipp score`: memory stays
//    bounded (streamed rows, kept compact), not a DOM of the whole file.
//
// BENCH_XLSX_SKIP_LARGE=1 runs the first part only.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/kipp.js');
const RSS = join(ROOT, 'bench/rss.mjs');
const ExcelJS = createRequire(import.meta.url)('exceljs');
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
const CATEGORIES = ['governance', 'transparency', 'collaboration', 'inclusive'];

const out = mkdtempSync(join(tmpdir(), 'kipp-bench-xlsx-'));

function entriesCsv(n) {
  const lines = ['id,title,agency,category,implemented_since'];
  for (let i = 0; i < n; i++)
    lines.push(
      `KIPP-${String(i + 1).padStart(5, '0')},Inovasi ${i + 1},Pemerintah Kabupaten ${i % 400},${CATEGORIES[i % 4]},2015-01-01`,
    );
  const path = join(out, `entries-${n}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** A score from the entry, judge and criterion numbers: quarters between 5 and 9.75. */
const score = (e, j, k) => 5 + ((e * 7 + j * 3 + k * 5) % 20) / 4;

/** Runs kipp, returns wall seconds, peak RSS (MB) and the exit code. */
function run(args) {
  const rssFile = join(out, 'rss.txt');
  const fd = openSync(rssFile, 'w');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS, BIN, ...args], {
    env: { ...process.env, KIPP_BENCH_RSS_FD: '3' },
    stdio: ['ignore', 'ignore', 'pipe', fd],
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(fd);
  const kb = Number(readFileSync(rssFile, 'utf8').trim()) || 0;
  return { seconds, peakMB: kb / 1024, status: r.status, stderr: String(r.stderr).slice(0, 400) };
}

const line = (what, m) => console.log(`| ${what} | ${m.seconds.toFixed(2)} | ${m.peakMB.toFixed(0)} | ${m.status} |`);

// 1. 60 judges' workbooks of a national year.
{
  const N = 3500;
  const JUDGES = 60;
  const PER_ENTRY = 5;
  const entries = entriesCsv(N);
  const dir = join(out, 'returned');
  mkdirSync(dir);
  const rows = Array.from({ length: JUDGES }, () => []);
  for (let e = 0; e < N; e++) for (let k = 0; k < PER_ENTRY; k++) rows[(e * PER_ENTRY + k * 13) % JUDGES].push(e);
  for (let j = 0; j < JUDGES; j++) {
    const id = `TPI-${String(j + 1).padStart(3, '0')}`;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, `${id}.xlsx`), useSharedStrings: true });
    const ws = wb.addWorksheet(id);
    ws.addRow([`Lembar penilaian juri ${id}`]).commit();
    ws.addRow(['entry_id', 'judge_id', 'title', ...CRITERIA, 'comment']).commit();
    for (const e of rows[j])
      ws.addRow([
        `KIPP-${String(e + 1).padStart(5, '0')}`,
        id,
        `Inovasi ${e + 1}`,
        ...CRITERIA.map((_, k) => score(e, j, k)),
        '',
      ]).commit();
    ws.commit();
    await wb.commit();
  }
  const cells = N * PER_ENTRY * (CRITERIA.length + 3);
  console.log(
    `60 workbooks, ${N.toLocaleString('en-US')} entries × ${PER_ENTRY} judges × ${CRITERIA.length} criteria (${(N * PER_ENTRY * CRITERIA.length).toLocaleString('en-US')} scores, ~${cells.toLocaleString('en-US')} cells)\n`,
  );
  console.log('| what | wall (s) | peak memory (MB) | exit |');
  console.log('|---|---|---|---|');
  line(
    'kipp validate entries.csv --scores returned/ (60 .xlsx)',
    run(['validate', entries, '--scores', dir, '--as-of', '2026-01-01', '--format', 'json']),
  );
  line(
    'kipp score entries.csv --scores returned/ (60 .xlsx)',
    run(['score', entries, '--scores', dir, '--as-of', '2026-01-01', '--format', 'json']),
  );
}

// 2. One 5,000,000-cell workbook.
if (process.env.BENCH_XLSX_SKIP_LARGE !== '1') {
  const N = 1000;
  const JUDGES = 200;
  const entries = entriesCsv(N);
  const path = join(out, 'large.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('Nilai');
  ws.addRow(['entry_id', 'judge_id', 'criterion', 'score', 'comment']).commit();
  let rowsWritten = 0;
  for (let e = 0; e < N; e++) {
    const entry = `KIPP-${String(e + 1).padStart(5, '0')}`;
    for (let j = 0; j < JUDGES; j++) {
      const judge = `TPI-${String(j + 1).padStart(3, '0')}`;
      for (let k = 0; k < CRITERIA.length; k++) {
        ws.addRow([entry, judge, CRITERIA[k], score(e, j, k), k === 0 ? 'baik' : '']).commit();
        rowsWritten++;
      }
    }
  }
  ws.commit();
  await wb.commit();
  const mb = statSync(path).size / 1024 / 1024;
  console.log(
    `\none workbook: ${rowsWritten.toLocaleString('en-US')} rows × 5 columns (${(rowsWritten * 5).toLocaleString('en-US')} cells), ${mb.toFixed(0)} MB on disk\n`,
  );
  console.log('| what | wall (s) | peak memory (MB) | exit |');
  console.log('|---|---|---|---|');
  line(
    'kipp score entries.csv --scores large.xlsx (5,000,000 cells)',
    run(['score', entries, '--scores', path, '--as-of', '2026-01-01', '--format', 'json']),
  );
}

rmSync(out, { recursive: true, force: true });
