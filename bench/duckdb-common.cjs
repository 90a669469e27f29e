'use strict';
// What the two DuckDB statements of the bench share (bench/duckdb.cjs, the issue's; and
// bench/duckdb-report.cjs, kipp's whole report): an in-memory DuckDB run with a given number of
// threads, and the score sheet averaged per entry and criterion.
const { DuckDBInstance } = require('@duckdb/node-api');

/** A path as an SQL string literal. */
const q = (s) => "'" + s.replace(/'/g, "''") + "'";

/** The score sheet at `scores` averaged per entry (n, e, b, r, s: the five criteria), as a query; `extra` adds columns. */
const averages = (scores, extra = '') => `
      SELECT entry_id,
        avg(score) FILTER (WHERE criterion = 'novelty')        AS n,
        avg(score) FILTER (WHERE criterion = 'effectiveness')  AS e,
        avg(score) FILTER (WHERE criterion = 'benefit')        AS b,
        avg(score) FILTER (WHERE criterion = 'replicability')  AS r,
        avg(score) FILTER (WHERE criterion = 'sustainability') AS s${extra}
      FROM read_csv(${q(scores)}, header = true,
        columns = {'entry_id':'VARCHAR','judge_id':'VARCHAR','criterion':'VARCHAR','score':'INTEGER'})
      GROUP BY entry_id`;

/** Runs one statement on an in-memory DuckDB with `threads` threads (DuckDB's default when absent). */
async function run(sql, threads) {
  const inst = await DuckDBInstance.create(':memory:', threads ? { threads } : {});
  const con = await inst.connect();
  await con.run(sql);
  con.closeSync?.();
  inst.closeSync?.();
}

module.exports = { q, averages, run };
