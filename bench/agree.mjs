// Does kipp rank as DuckDB does? The peer bench times both on the same job; this checks that the
// job came out the same, so that the timing compares like with like. kipp's CSV report and the
// DuckDB statement's CSV (bench/duckdb.cjs) must list the same ids in the same order, and the
// totals must agree: DuckDB prints Σ wᵢ·meanᵢ × 10 (the 1–10 scale times ten), kipp maps the
// scale onto 0–100 ((x − 1) / 9 × 100, docs/reference/scoring.md), so kipp's total is
// (DuckDB's / 10 − 1) / 9 × 100. Both are printed to two decimals: DuckDB's rounding moves its
// figure by up to 0.005 (0.0056 once mapped), kipp's by up to 0.005, so they agree within 0.011.
//
// `node bench/agree.mjs kipp.csv duckdb.csv` prints the verdict and exits 1 on a disagreement;
// `node bench/agree.mjs kipp.csv duckdb-report.csv --report` checks DuckDB's whole report
// (bench/duckdb-report.cjs) column by column.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const TOLERANCE = 0.0111;

/**
 * Reads kipp's CSV and DuckDB's and passes each pair of rows to `row`, which returns a sentence
 * when they disagree and otherwise how far apart their totals are. The first disagreement is the
 * verdict; else `ok`, with the rows counted and the largest distance.
 */
function compareRows(kippCsv, duckCsv, row) {
  const read = (path) => parse(readFileSync(path), { columns: true, bom: true });
  const kipp = read(kippCsv);
  const duck = read(duckCsv);
  if (kipp.length !== duck.length)
    return { ok: false, text: `kipp lists ${kipp.length} entries, DuckDB ${duck.length}` };
  let worst = 0;
  for (let i = 0; i < kipp.length; i++) {
    const off = row(kipp[i], duck[i], i);
    if (typeof off === 'string') return { ok: false, text: off };
    worst = Math.max(worst, off);
  }
  return { ok: true, rows: kipp.length.toLocaleString('en-US'), worst };
}

/** The verdict on one year: `ok`, and a sentence for the bench table. */
export function agreement(kippCsv, duckCsv) {
  const verdict = compareRows(kippCsv, duckCsv, (k, d, i) => {
    if (k.id !== d.id) return `place ${i + 1}: kipp ${k.id}, DuckDB ${d.id}`;
    const expected = ((Number(d.total) / 10 - 1) / 9) * 100;
    const off = Math.abs(Number(k.total) - expected);
    return off <= TOLERANCE
      ? off
      : `${k.id}: kipp's total ${k.total}, DuckDB's ${d.total} (mapped ${expected.toFixed(4)})`;
  });
  if (!verdict.ok) return verdict;
  return {
    ok: true,
    text: `the same ${verdict.rows} ids in the same order; totals within ${verdict.worst.toFixed(4)} of DuckDB's (mapped to 0–100)`,
  };
}

/** The columns of bench/duckdb-report.cjs, all of which kipp's CSV report has. */
const REPORT_COLUMNS = [
  'rank',
  'category_rank',
  'id',
  'title',
  'agency',
  'category',
  'judges',
  'novelty',
  'effectiveness',
  'benefit',
  'replicability',
  'sustainability',
];

/**
 * The verdict on DuckDB's whole report (bench/duckdb-report.cjs) against kipp's: row by row, the
 * same rank, category rank, id, title, agency, category and number of judges; the same criterion
 * means as printed; totals on the same 0–100 scale within the two roundings (0.011).
 */
export function reportAgreement(kippCsv, duckCsv) {
  const verdict = compareRows(kippCsv, duckCsv, (k, d, i) => {
    const column = REPORT_COLUMNS.find((c) => k[c] !== d[c]);
    if (column !== undefined)
      return `row ${i + 1}, ${column}: kipp ${JSON.stringify(k[column])}, DuckDB ${JSON.stringify(d[column])}`;
    const off = Math.abs(Number(k.total) - Number(d.total));
    return off <= TOLERANCE ? off : `${k.id}: kipp's total ${k.total}, DuckDB's ${d.total}`;
  });
  if (!verdict.ok) return verdict;
  return {
    ok: true,
    text: `the same ${verdict.rows} rows: ranks, category ranks, ids, titles, agencies, categories, criterion means and judges equal; ${verdict.worst === 0 ? 'totals equal as printed' : `totals within ${verdict.worst.toFixed(2)}`}`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [kippCsv, duckCsv, how] = process.argv.slice(2);
  const verdict = how === '--report' ? reportAgreement(kippCsv, duckCsv) : agreement(kippCsv, duckCsv);
  process.stdout.write(`${verdict.ok ? 'agree' : 'DISAGREE'}: ${verdict.text}\n`);
  process.exit(verdict.ok ? 0 : 1);
}
