// Loading alone: `node bench/load.mjs DIR` reads DIR's entries, score sheet and judges with
// kipp's loader (decoding, CSV, header matching, the columnar score sheet) and prints the time.
// Run by bench/run.mjs under bench/rss.mjs, which records the peak memory. The rubric is opened
// as the command line opens it (the embedded default, taken as checked at build time).
import { readCompetition } from '../dist/io/load.js';
import { openRubric } from '../dist/io/rubric-source.js';

const dir = process.argv[2] ?? 'bench/data/national';
const start = process.hrtime.bigint();
const c = readCompetition(
  { entries: [`${dir}/entries.csv`], scores: [`${dir}/scores.csv`], judges: `${dir}/judges.csv` },
  await openRubric(null),
);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stderr.write(
  `${c.entries.length} entries, ${c.scores.length} scores, ${c.diagnostics.length} diagnostics loaded in ${ms.toFixed(0)} ms\n`,
);
