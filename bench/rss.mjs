// Loaded with `node --import ./bench/rss.mjs …`: reports the process's peak memory on exit, so
// the bench can measure any command without a platform tool such as /usr/bin/time. Node loads
// `--import` modules in worker threads too (kipp reads large score sheets in two): only the
// main thread reports, when the process exits (maxRSS is the whole process's).
// On Linux the figure is VmHWM from /proc/self/status, the peak of this program's own memory:
// getrusage's maxRSS (process.resourceUsage) survives exec, so a child of a bench that itself
// held 160 MB reported at least 160 MB (`node -e 0` did, in one run of 2026-12-03).
import { readFileSync, writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/** The peak resident set in KiB. */
function peakKiB() {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // not Linux: getrusage's figure
  }
  return process.resourceUsage().maxRSS;
}

if (isMainThread) {
  process.on('exit', () => {
    const file = process.env.KIPP_BENCH_RSS_FD;
    if (file) writeSync(Number(file), `${peakKiB()}\n`);
  });
}
