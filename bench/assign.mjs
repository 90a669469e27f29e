// `npm run bench:assign`: how long the assignment engine takes on panels of realistic sizes
// (median of several runs, in-process, from dist/), and `kipp assign` end to end on the largest
// (load, assign, write every sheet; each file is fsync'd, so the disk shows). Not part of
// `npm test`. Seeded: the same panels every run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { assignJudges } = await import(new URL('../dist/assign/policy.js', import.meta.url).href);
const RUNS = Number(process.env.BENCH_RUNS) || 5;

const PROVINCES = Array.from({ length: 38 }, (_, p) => `Provinsi ${p + 1}`);
const CATEGORIES = ['governance', 'transparency', 'collaboration', 'inclusive'];

function panel(n, m) {
  const entries = Array.from({ length: n }, (_, i) => ({
    id: `KIPP-${String(i + 1).padStart(5, '0')}`,
    title: `Inovasi ${i + 1}`,
    agency: `Pemerintah Kabupaten ${(i * 7) % Math.max(1, Math.floor(n / 8))}`,
    region: PROVINCES[(i * 13) % PROVINCES.length],
    category: CATEGORIES[(i * 5) % CATEGORIES.length],
  }));
  const judges = Array.from({ length: m }, (_, j) => ({
    id: `TPI-${String(j + 1).padStart(3, '0')}`,
    agency: j % 4 === 0 ? `Pemerintah Kabupaten ${j}` : `Universitas ${j}`,
    region: PROVINCES[j % PROVINCES.length],
    expertise: [CATEGORIES[j % 4], CATEGORIES[(j + 1) % 4]],
  }));
  return { entries, judges };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cases = [
  { name: 'regional round', n: 250, m: 15, k: 3 },
  { name: 'national (Top 99 intake)', n: 3500, m: 60, k: 5 },
  { name: 'national, every entry to 7', n: 3500, m: 100, k: 7 },
];
console.log(`kipp assign benchmark · Node ${process.version} · ${cpus()[0]?.model ?? 'cpu'} · median of ${RUNS}\n`);
console.log('| panel | entries × judges × K | --avoid region --by category | plain |');
console.log('|---|---|---|---|');
for (const c of cases) {
  const { entries, judges } = panel(c.n, c.m);
  const time = (options) => {
    const times = [];
    for (let r = 0; r < RUNS; r++) {
      const start = process.hrtime.bigint();
      assignJudges(entries, judges, { perEntry: c.k, seed: r, ...options });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return `${median(times).toFixed(0)} ms`;
  };
  const full = time({ avoid: ['agency', 'region'], byCategory: true });
  const plain = time({ avoid: ['agency'], byCategory: false });
  console.log(`| ${c.name} | ${c.n} × ${c.m} × ${c.k} | ${full} | ${plain} |`);
}

// End to end: files in, files out.
const dir = mkdtempSync(join(tmpdir(), 'kipp-bench-assign-'));
const { entries, judges } = panel(3500, 60);
const csv = (header, rows) => `${[header.join(','), ...rows.map((r) => r.join(','))].join('\n')}\n`;
writeFileSync(
  join(dir, 'entries.csv'),
  csv(
    ['id', 'title', 'agency', 'region', 'category'],
    entries.map((e) => [e.id, e.title, e.agency, e.region, e.category]),
  ),
);
writeFileSync(
  join(dir, 'judges.csv'),
  csv(
    ['id', 'name', 'agency', 'region', 'expertise'],
    judges.map((j) => [j.id, j.id, j.agency, j.region, j.expertise.join('; ')]),
  ),
);
console.log('\n| kipp assign, 3500 entries × 60 judges × 5 | wall time (median) |');
console.log('|---|---|');
for (const format of ['csv', 'xlsx']) {
  const times = [];
  for (let r = 0; r < Math.min(RUNS, 3); r++) {
    const out = join(dir, `out-${format}-${r}`);
    const start = process.hrtime.bigint();
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/kipp.js'),
        'assign',
        join(dir, 'entries.csv'),
        '--judges',
        join(dir, 'judges.csv'),
        '--per-entry',
        '5',
        '--avoid',
        'region',
        '--by',
        'category',
        '--sheet-format',
        format,
        '--output-dir',
        out,
      ],
      { encoding: 'utf8' },
    );
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (run.status !== 0) throw new Error(`kipp assign failed: ${run.stderr}`);
  }
  console.log(`| --sheet-format ${format} (61 files) | ${median(times).toFixed(2)} s |`);
}
rmSync(dir, { recursive: true, force: true });
