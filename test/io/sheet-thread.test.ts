/**
 * Score sheets read by worker threads (src/io/sheet-thread.ts) must be row for row what one
 * reader in this thread makes: same texts, lines, columns, stages, comments, diagnostics and
 * hashes. The workers run from the built files (dist/), so this test loads through dist; each
 * case is loaded twice, once with workers forced on (any size) and once with them off.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';
import { tempFolder } from '../tmp.js';

const { loadCompetition } = (await import(
  join(ROOT, 'dist/io/competition.js')
)) as typeof import('../../src/io/competition.js');
const example = join(ROOT, 'fixtures/example');
const dir = tempFolder('kipp-sheet-thread-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const parallel = availableParallelism() >= 2;

function loadBoth(sheet: string) {
  const options = { entries: [join(example, 'entries.csv')], scores: [sheet], judges: join(example, 'judges.csv') };
  const messages: string[] = [];
  const alone = loadCompetition({ ...options, workerMinBytes: Infinity });
  const threaded = loadCompetition({ ...options, workerMinBytes: 0, progress: (m) => messages.push(m) });
  return { alone, threaded, messages };
}

function rows(c: ReturnType<typeof loadCompetition>) {
  const sheet = c.scores as import('../../src/model/scoresheet.js').ScoreSheet;
  return Array.from({ length: sheet.length }, (_, i) => sheet.at(i));
}

const ENTRIES = ['KIPP-2018-001', 'KIPP-2018-002', 'KIPP-2018-003', 'KIPP-2018-004', 'KIPP-2018-005', 'KIPP-2018-999'];
const JUDGES = ['J01', 'J02', 'J03', 'J04', ''];
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability', 'kebaruan'];
const COMMENTS = [
  '',
  'baik',
  'cukup, perlu data',
  'kata "Sapa" warga',
  'baris satu\nbaris dua',
  'a\r\nb\r\nc',
  '=SUM(A1)',
  'Café résumé',
];

const file = fc.record({
  wide: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  delimiter: fc.constantFrom(',', ';'),
  bom: fc.boolean(),
  sepLine: fc.boolean(),
  rows: fc.array(
    fc.record({
      entry: fc.constantFrom(...ENTRIES),
      judge: fc.constantFrom(...JUDGES),
      criterion: fc.constantFrom(...CRITERIA),
      score: fc.constantFrom('7', '8.5', '10', 'x', '', '11'),
      comment: fc.constantFrom(...COMMENTS),
      blankAfter: fc.boolean(),
      extraCell: fc.boolean(),
    }),
    { minLength: 1, maxLength: 120 },
  ),
});

function quote(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

type FileSpec = typeof file extends fc.Arbitrary<infer T> ? T : never;

function render(f: FileSpec): string {
  const d = f.delimiter;
  const wide = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
  const lines = [
    f.wide
      ? ['entry_id', 'judge_id', ...wide, 'comment'].join(d)
      : `entry_id${d}judge_id${d}criterion${d}score${d}comment`,
  ];
  for (const r of f.rows) {
    const score = d === ';' ? r.score.replace('.', ',') : r.score;
    const scores = f.wide ? wide.map((_, k) => (k === 2 ? '' : score)) : [r.criterion, score];
    const cells = [r.entry, r.judge, ...scores, r.comment].map((c) => quote(c, d));
    if (r.extraCell) cells.push('8');
    lines.push(cells.join(d));
    if (r.blankAfter) lines.push('');
  }
  return `${f.bom ? '\uFEFF' : ''}${f.sepLine ? `sep=${d}${f.eol}` : ''}${lines.join(f.eol)}${f.eol}`;
}

describe('score sheets read in worker threads', () => {
  it('give what one reader gives, long or wide, for any mix of quotes, line ends, blank lines and bad rows', () => {
    let n = 0;
    fc.assert(
      fc.property(file, (f) => {
        const path = join(dir, `sheet-${n++}.csv`);
        writeFileSync(path, render(f));
        const { alone, threaded, messages } = loadBoth(path);
        expect(messages.filter((m) => m.includes('did not read'))).toEqual([]);
        expect(rows(threaded)).toEqual(rows(alone));
        expect(threaded.diagnostics).toEqual(alone.diagnostics);
        expect(threaded.inputs).toEqual(alone.inputs);
      }),
      { numRuns: 20 },
    );
    // 40 loads, 20 of them starting two threads: over 30 s on a shared, busy machine.
  }, 120_000);

  it('read a plain file in two halves, and keep every row once, in order', () => {
    const lines = ['entry_id,judge_id,criterion,score'];
    for (let k = 0; k < 4000; k++) lines.push(`${ENTRIES[k % 5]},J0${1 + (k % 4)},${CRITERIA[k % 5]},${1 + (k % 10)}`);
    const path = join(dir, 'plain.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const { alone, threaded, messages } = loadBoth(path);
    if (parallel) expect(messages.some((m) => m.includes('two worker threads'))).toBe(true);
    expect(messages.filter((m) => m.includes('did not read'))).toEqual([]);
    expect(rows(threaded)).toHaveLength(4000);
    expect(rows(threaded).map((r) => r.source.line)).toEqual(Array.from({ length: 4000 }, (_, k) => k + 2));
    expect(rows(threaded)).toEqual(rows(alone));
  });

  it('fall back to one reader when the middle of the file is inside a quoted cell', () => {
    // One comment of 2,000 lines spans the middle: the cut lands inside quotes.
    const long = Array.from({ length: 2000 }, (_, k) => `baris ${k}`).join('\n');
    const text = `entry_id,judge_id,criterion,score,comment\nKIPP-2018-001,J01,novelty,7,"${long}"\nKIPP-2018-001,J02,novelty,8,ok\n`;
    const path = join(dir, 'quoted-middle.csv');
    writeFileSync(path, text);
    const { alone, threaded } = loadBoth(path);
    expect(rows(threaded).map((r) => r.source.line)).toEqual([2, 2002]);
    expect(rows(threaded)).toEqual(rows(alone));
    expect(threaded.diagnostics).toEqual(alone.diagnostics);
  });

  it('report a damaged letter (U+FFFD) in the second half once, and read a Windows-1252 file whole', () => {
    const lines = ['entry_id,judge_id,criterion,score,comment'];
    for (let k = 0; k < 2000; k++)
      lines.push(
        `${ENTRIES[k % 5]},J0${1 + (k % 4)},${CRITERIA[k % 5]},${1 + (k % 10)},${k === 1800 ? 'rusak \uFFFD' : 'ok'}`,
      );
    const damaged = join(dir, 'damaged.csv');
    writeFileSync(damaged, `${lines.join('\n')}\n`);
    const a = loadBoth(damaged);
    expect(a.threaded.diagnostics.filter((d) => d.code === 'encoding')).toHaveLength(1);
    expect(a.threaded.diagnostics).toEqual(a.alone.diagnostics);
    expect(rows(a.threaded)).toEqual(rows(a.alone));

    const latin = join(dir, 'windows-1252.csv');
    writeFileSync(latin, Buffer.from(`${lines.join('\n').replace('rusak \uFFFD', 'Café')}\n`, 'latin1'));
    const b = loadBoth(latin);
    expect(b.threaded.diagnostics).toEqual(b.alone.diagnostics);
    expect(b.threaded.diagnostics.map((d) => d.code)).toContain('encoding');
    expect(rows(b.threaded)).toEqual(rows(b.alone));
    expect(b.messages.filter((m) => m.includes('did not read'))).toEqual([]);
  });
});
