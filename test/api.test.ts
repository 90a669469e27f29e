/**
 * The library API as a user gets it: a project that depends on kipp imports the built package by
 * name (node_modules/kipp → this package), in JavaScript and in TypeScript.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli/run.js';
import { tempFolder } from './tmp.js';

const FIX = join(ROOT, 'fixtures/audit/corrected-sheet');

function consumer(): string {
  const dir = tempFolder('kipp-consumer-');
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'kipp'), 'dir');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'secretariat-scripts', type: 'module', private: true }),
  );
  return dir;
}

const SCRIPT = `
import { loadCompetition, validate, score, explain, jsonReport, diffReports, parseReport, KippError, version } from 'kipp';
const fix = ${JSON.stringify(FIX)};
const load = (sheet) => loadCompetition({ entries: [fix + '/entries.csv'], scores: [fix + '/' + sheet], judges: fix + '/judges.csv', rubric: fix + '/rubric.yaml' });
const before = load('scores-v1.csv');
const after = load('scores-v2.csv');
const result = score(after);
const report = (c) => parseReport(JSON.stringify(jsonReport(score(c), { version: version() })), 'memory');
let thrown = null;
try { loadCompetition({ entries: ['no-such-file.csv'] }); } catch (err) { thrown = err instanceof KippError ? err.kind : 'other'; }
console.log(JSON.stringify({
  problems: validate(after).length,
  ranking: result.entries.map((e) => [e.id, e.rank, e.total]),
  top3: result.shortlists,
  moved: diffReports(report(before), report(after)).entries.map((e) => e.id),
  thrown,
  explained: [explain(result, 'AUD-04')?.total, explain(result, 'NO-SUCH-ID')],
}));
`;

describe("import { loadCompetition, validate, score } from 'kipp'", () => {
  it('works from a project that installed kipp', () => {
    const dir = consumer();
    writeFileSync(join(dir, 'rank.mjs'), SCRIPT);
    const run = spawnSync(process.execPath, ['rank.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      problems: 0,
      // the corrected sheet of fixtures/audit/corrected-sheet (totals by hand: 10 × mean of 15 scores)
      ranking: [
        ['AUD-01', 1, 90],
        ['AUD-02', 2, 80],
        ['AUD-04', 3, 71.333333],
        ['AUD-03', 4, 70],
        ['AUD-05', 5, 60],
        ['AUD-06', 6, 50],
      ],
      top3: [{ name: 'top-3', size: 3, taken: 3, cutoff_tie: false }],
      moved: ['AUD-04', 'AUD-03'],
      thrown: 'usage',
      // explain agrees with score on the corrected entry, and knows no unknown id
      explained: [71.333333, null],
    });
  });

  it('ships types a TypeScript project compiles against', () => {
    const dir = consumer();
    writeFileSync(
      join(dir, 'rank.ts'),
      `import { loadCompetition, score, validate, type Competition, type Diagnostic, type ScoreResult, type EntryResult } from 'kipp';
const competition: Competition = loadCompetition({ entries: ['entries.csv'], scores: ['scores.csv'] });
const problems: Diagnostic[] = validate(competition, { asOf: '2026-03-10' });
const result: ScoreResult = score(competition, { asOf: '2026-03-10' });
const first: EntryResult | undefined = result.entries[0];
const total: number | null = first?.total ?? null;
// @ts-expect-error — a rank is a number or null, never text
const wrong: string = first!.rank;
export { problems, total, wrong };
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['rank.ts'],
      }),
    );
    const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
