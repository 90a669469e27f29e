// Loading alone: `node bench/load.mjs DIR` reads DIR's entries, score sheet and judges with
// kipp's loader (decoding, CSV, header matching, the columnar score sheet) and prints the time.
// Run by bench/run.mjs under bench/rss.mjs, which records the peak memory.
import { loadCompetition } from '../dist/io/load.js';

const dir = process.argv[2] ?? 'bench/data/national';
const start = process.hrtime.bigint();
const c = loadCompetition({ entries: [`${dir}/entries.csv`], scores: [`${dir}/scores.csv`], judges: `${dir}/judges.csv` });
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stderr.write(`${c.entries.length} entries, ${c.scores.length} scores, ${c.diagnostics.length} diagnostics loaded in ${ms.toFixed(0)} ms\n`);
