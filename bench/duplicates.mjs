// `node bench/duplicates.mjs [N]` (after `npm run build`): N entries (default 200,000) that all
// share one placeholder title, a realistic mistake in a big file. Every entry is then a
// `duplicate-title` error; each message names one other place and a count, so the report grows
// linearly (it used to list every other place: 2,000 entries gave 100 MB of JSON, 8,000 ran out
// of memory). Prints wall time and peak memory of `kipp validate` per format; issue 16 asks for
// 200,000 under 20 s and 1 GB. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/kipp.js');
const n = Number(process.argv[2]) || 200_000;
const dir = join(ROOT, 'bench/data/duplicates');
mkdirSync(dir, { recursive: true });
const entries = join(dir, `entries-${n}.csv`);
const lines = ['id,title,agency,category,implemented_since'];
for (let i = 1; i <= n; i++)
  lines.push(`KIPP-${String(i).padStart(6, '0')},Judul Inovasi,Dinas ${i},governance,2015-01-01`);
writeFileSync(entries, lines.join('\n') + '\n');

// Like bench/rss.mjs, plus the CPU time: on a shared machine the wall time also counts waiting for a core.
const USAGE = `data:text/javascript,${encodeURIComponent("import{writeSync}from'node:fs';import{isMainThread}from'node:worker_threads';if(isMainThread)process.on('exit',()=>{const u=process.resourceUsage();writeSync(3,u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)/1e6+'\\n')})")}`;
const rssFile = join(dir, 'rss.txt');
for (const format of ['json', 'pretty', 'sarif']) {
  const fd = openSync(rssFile, 'w');
  const start = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['--import', USAGE, BIN, 'validate', entries, '--as-of', '2026-01-01', '--format', format],
    {
      stdio: ['ignore', 'pipe', 'ignore', fd],
      env: { ...process.env, KIPP_BENCH_RSS_FD: '3', NO_COLOR: '1' },
      maxBuffer: 1 << 30,
    },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(fd);
  const [kb, cpu] = readFileSync(rssFile, 'utf8').trim().split(' ').map(Number);
  const peakMB = (kb || 0) / 1024;
  const outMB = (r.stdout?.length ?? 0) / 2 ** 20;
  process.stdout.write(
    `kipp validate --format ${format}, ${n.toLocaleString('en-US')} entries sharing one title: ${seconds.toFixed(2)} s wall, ${(cpu ?? 0).toFixed(2)} s CPU, peak ${peakMB.toFixed(0)} MB, report ${outMB.toFixed(1)} MB, exit ${r.status}\n`,
  );
}
