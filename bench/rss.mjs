// Loaded with `node --import ./bench/rss.mjs …`: reports the process's peak memory on exit, so
// the bench can measure any command without a platform tool such as /usr/bin/time.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.KIPP_BENCH_RSS_FD;
  if (file) writeSync(Number(file), `${process.resourceUsage().maxRSS}\n`);
});
