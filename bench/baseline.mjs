// The byte-level baseline: the least a scorer must do — read the long score sheet's bytes,
// split fields by hand, mean per entry and criterion (5 equal weights), rank by total. No
// validation, no diagnostics, no report: a floor to compare kipp with, measured in the same run.
//
//   node bench/baseline.mjs bench/data/national/scores.csv
import { readFileSync } from 'node:fs';

export function baseline(path) {
  const buf = readFileSync(path);
  const n = buf.length;
  const entries = new Map(); // entry id → Float64Array(10): sums and counts of 5 criteria
  const criteria = new Map([['novelty', 0], ['effectiveness', 1], ['benefit', 2], ['replicability', 3], ['sustainability', 4]]);
  let i = buf.indexOf(10) + 1; // skip the header
  while (i < n) {
    const c1 = buf.indexOf(44, i);
    const c2 = buf.indexOf(44, c1 + 1);
    const c3 = buf.indexOf(44, c2 + 1);
    let end = buf.indexOf(10, c3 + 1);
    if (end === -1) end = n;
    const id = buf.latin1Slice(i, c1);
    const crit = criteria.get(buf.latin1Slice(c2 + 1, c3));
    // parse a decimal like 7.5 by hand
    let v = 0;
    let scale = 0;
    for (let k = c3 + 1; k < end; k++) {
      const b = buf[k];
      if (b === 46) scale = 1;
      else if (b >= 48 && b <= 57) {
        v = v * 10 + (b - 48);
        if (scale) scale *= 10;
      }
    }
    if (scale) v /= scale;
    let acc = entries.get(id);
    if (!acc) entries.set(id, (acc = new Float64Array(10)));
    acc[crit] += v;
    acc[crit + 5] += 1;
    i = end + 1;
  }
  const totals = [];
  for (const [id, acc] of entries) {
    let s = 0;
    for (let c = 0; c < 5; c++) s += acc[c] / acc[c + 5];
    totals.push([id, (100 * (s / 5 - 1)) / 9]);
  }
  totals.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return totals.length;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const t = process.hrtime.bigint();
  const count = baseline(process.argv[2] ?? 'bench/data/national/scores.csv');
  console.log(`${count} entries ranked in ${Number(process.hrtime.bigint() - t) / 1e6} ms`);
}
