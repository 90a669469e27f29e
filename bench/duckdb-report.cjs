'use strict';
// DuckDB writing the report kipp writes, as one statement: the score sheet averaged per entry and
// criterion, joined with the entries file (title, agency, category), weighted and mapped onto
// 0–100 as kipp maps the 1–10 scale ((x − 1) / 9 × 100), ranked overall and per category (ties
// broken by benefit; entries still tied share a rank and are listed by id, as kipp ranks them),
// with each entry's criterion means and its number of judges.
// bench/duckdb.cjs is the statement of issue 22 (the score sheet alone, id, rank and total); this
// one reads the entries file too, as `kipp score` must, so the two are timed on the same output.
//
// `node bench/duckdb-report.cjs ENTRIES SCORES OUT [THREADS]`; bench/agree.mjs checks it against
// kipp's CSV column by column (reportAgreement).
const { q, averages, run } = require('./duckdb-common.cjs');

const [entries, scores, out, threads] = process.argv.slice(2);
run(
  `COPY (
    WITH agg AS (${averages(scores, ',\n        count(DISTINCT judge_id) AS judges')}),
    ent AS (SELECT * FROM read_csv(${q(entries)}, header = true, all_varchar = true)),
    t AS (SELECT agg.*, ent.title, ent.agency, ent.category,
            round(((0.25*n + 0.20*e + 0.25*b + 0.15*r + 0.15*s) - 1) / 9 * 100, 6) AS total,
            round(b, 6) AS bm
          FROM agg JOIN ent ON ent.id = agg.entry_id)
    SELECT rank() OVER (ORDER BY total DESC, bm DESC) AS rank,
           rank() OVER (PARTITION BY category ORDER BY total DESC, bm DESC) AS category_rank,
           entry_id AS id, title, agency, category,
           printf('%.2f', total) AS total,
           printf('%.2f', n) AS novelty, printf('%.2f', e) AS effectiveness, printf('%.2f', b) AS benefit,
           printf('%.2f', r) AS replicability, printf('%.2f', s) AS sustainability,
           judges
    FROM t ORDER BY rank, id
  ) TO ${q(out)} (HEADER, DELIMITER ',')`,
  threads,
);
