// Loaded with `node --import ./bench/rss.mjs …`: reports the process's peak memory on exit, so
// the bench can measure any command without a platform tool such as /usr/bin/time. Node loads
// `--import` modules in worker threads too (kipp reads large score sheets in two): only the
// main thread reports, when the process exits (maxRSS is the whole process's).
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    const file = process.env.KIPP_BENCH_RSS_FD;
    if (file) writeSync(Number(file), `${process.resourceUsage().maxRSS}\n`);
  });
}
