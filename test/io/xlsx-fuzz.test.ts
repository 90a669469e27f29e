/**
 * Issue 18, item 8: generated workbooks read exactly like their CSV twins, or are reported at
 * their cell. A workbook here is a score sheet (wide form) with title and blank rows above the
 * header, and score cells that are numbers, text holding a number in either notation (or not a
 * number), blanks, error values, and numbers with more decimals than anyone types. Its twin is
 * the `;`-separated CSV an Indonesian-locale Excel saves (numbers with a decimal comma).
 *
 * The oracle is the generator's own record of what each cell means: a number cell is its
 * value; a text cell is what the strict CSV rules make of it, written out by hand below; an
 * error cell or a hidden-decimals number is a diagnostic at that cell, and its row gives no
 * score. KIPP_FUZZ_RUNS raises the number of runs.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCompetition, loadCompetitionAsync } from '../../src/io/competition.js';
import { parseScore } from '../../src/io/number.js';
import type { Competition } from '../../src/model/records.js';
import { tempFolder } from '../tmp.js';

const RUNS = Number(process.env.KIPP_FUZZ_RUNS ?? 40);
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
const ENTRIES = ['KIPP-001', 'KIPP-002', '08123'];
const JUDGES = ['J01', 'J02', 'J03'];

type Cell =
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'blank' }
  | { kind: 'error'; text: string };

/** Text cells and what the strict rules of a `;` file make of them (undefined: not a number). */
const TEXTS: [string, number | undefined][] = [
  ['8,5', 8.5],
  ['8.5', 8.5],
  ['7', 7],
  [' 6,25 ', 6.25],
  ['1.250', undefined], // 1250 or 1.25? refused
  ['delapan', undefined],
];
const MEANING = new Map(TEXTS);

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((n) => ({ kind: 'number' as const, value: n / 4 })),
  fc
    .constantFrom(1.125, 9.875, 0.30000000000000004, 8.333333333333334)
    .map((value) => ({ kind: 'number' as const, value })),
  fc.constantFrom(...TEXTS.map(([t]) => t)).map((text) => ({ kind: 'text' as const, text })),
  fc.constant({ kind: 'blank' as const }),
  fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#VALUE!').map((text) => ({ kind: 'error' as const, text })),
);

const sheet = fc.record({
  /** Rows above the header: a title (one cell) or blank. */
  above: fc.array(fc.constantFrom('Lembar Penilaian KIPP', 'Juri: J01', 'entry_id', ''), { maxLength: 3 }),
  rows: fc.array(
    fc.record({
      entry: fc.constantFrom(...ENTRIES),
      judge: fc.constantFrom(...JUDGES),
      cells: fc.array(cell, { minLength: 5, maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

const hidden = (v: number) => {
  const s = String(v);
  return s.includes('.') && s.length - s.indexOf('.') - 1 > 6;
};

let dir: string;
let entries: string;
beforeAll(() => {
  dir = tempFolder('kipp-xlsx-fuzz-');
  entries = join(dir, 'entries.csv');
  writeFileSync(
    entries,
    `id,title,agency,category,implemented_since\n${ENTRIES.map((id, i) => `${id},Judul ${i},Dinas ${i},1,2015-01-01`).join('\n')}\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scores = (c: Competition) =>
  [...c.scores].map((r) => [r.entryId, r.judgeId, r.criterionRaw, parseScore(r.text, r.decimalComma) ?? null]);

describe('#18.8: generated workbooks read like their CSV twins, or are reported at their cell', () => {
  it('#18.8: scores, and the cells no rule reads, for generated sheets', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(sheet, async ({ above, rows }) => {
        n++;
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Nilai');
        let r = 0;
        for (const title of above) {
          r++;
          if (title !== '') ws.getCell(r, 1).value = title;
        }
        const headerRow = ++r;
        ['entry_id', 'judge_id', ...CRITERIA].forEach((h, k) => (ws.getCell(headerRow, k + 1).value = h));
        const csvLines = [['entry_id', 'judge_id', ...CRITERIA].join(';')];
        const expectedScores: unknown[][] = [];
        const expectedProblems: [string, number, number][] = [];
        for (const row of rows) {
          const line = ++r;
          ws.getCell(line, 1).value = row.entry;
          ws.getCell(line, 2).value = row.judge;
          const twin: string[] = [row.entry, row.judge];
          const problems: [string, number, number][] = [];
          const read: unknown[][] = [];
          row.cells.forEach((c, k) => {
            const target = ws.getCell(line, k + 3);
            const criterion = CRITERIA[k]!;
            if (c.kind === 'number') {
              target.value = c.value;
              twin.push(String(c.value).replace('.', ','));
              if (hidden(c.value)) problems.push(['hidden-decimals', line, k + 3]);
              else read.push([row.entry, row.judge, criterion, c.value]);
            } else if (c.kind === 'text') {
              target.numFmt = '@';
              target.value = c.text;
              twin.push(c.text);
              read.push([row.entry, row.judge, criterion, MEANING.get(c.text) ?? null]);
            } else if (c.kind === 'error') {
              target.value = { error: c.text } as ExcelJS.CellErrorValue;
              twin.push(c.text);
              problems.push(['cell-error', line, k + 3]);
            } else twin.push('');
          });
          csvLines.push(twin.join(';'));
          // A row with a cell no rule reads gives no score at all.
          if (problems.length > 0) expectedProblems.push(...problems);
          else expectedScores.push(...read);
        }
        const book = join(dir, `fuzz-${n}.xlsx`);
        writeFileSync(book, new Uint8Array(await wb.xlsx.writeBuffer()));
        const fromXlsx = await loadCompetitionAsync({ entries: [entries], scores: [book] });
        const sheetProblems = fromXlsx.diagnostics.filter((d) => d.file === book && d.code !== 'empty-file');
        expect(sheetProblems.map((d) => [d.code, d.line, d.column])).toEqual(expectedProblems);
        expect(sheetProblems.every((d) => d.sheet === 'Nilai')).toBe(true);
        expect(scores(fromXlsx)).toEqual(expectedScores);
        // The CSV twin, without the rows the workbook reports: the same scores.
        const csv = join(dir, `fuzz-${n}.csv`);
        const kept = csvLines.filter(
          (_, i) =>
            i === 0 || !rows[i - 1]!.cells.some((c) => c.kind === 'error' || (c.kind === 'number' && hidden(c.value))),
        );
        writeFileSync(csv, `${kept.join('\n')}\n`);
        const fromCsv = loadCompetition({ entries: [entries], scores: [csv] });
        expect(scores(fromCsv)).toEqual(scores(fromXlsx));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
