/**
 * checkScores puts the valid records in canonical order (entry id, judge id, criterion in rubric
 * order, then row) whatever the order of the sheet: grouped by entry and sorted (nothing moves),
 * grouped but unsorted inside an entry, or shuffled; judges first met in any order. The
 * expected records are sorted here from the rows themselves; duplicates and conflicts are left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/model/names.js';
import type { ScoreRow } from '../../src/model/records.js';
import { checkEntries } from '../../src/validate/entries.js';
import { checkScores } from '../../src/validate/scores.js';
import { competition, entry, judge, rubricFrom } from '../helpers.js';

const rubric = rubricFrom('name: T\nscale: { min: 1, max: 10 }\n');
const CRITERIA = rubric.criteria.map((c) => c.id);
const ENTRIES = ['E1', 'E2', 'E3', 'E4'];
const JUDGES = ['J3', 'J1', 'J2', 'Jb', 'Ja'];

describe('checkScores: canonical order', () => {
  it('gives the same records, in id order, for any order of the rows', () => {
    const triple = fc.tuple(
      fc.constantFrom(...ENTRIES),
      fc.constantFrom(...JUDGES),
      fc.constantFrom(...CRITERIA),
      fc.integer({ min: 1, max: 10 }),
    );
    const layout = fc.constantFrom('grouped-sorted', 'grouped', 'shuffled');
    fc.assert(
      fc.property(
        fc.uniqueArray(triple, { selector: ([e, j, c]) => `${e}|${j}|${c}`, maxLength: 40 }),
        layout,
        (triples, how) => {
          let rows = triples.map(([e, j, c, v]) => ({ e, j, c, v }));
          const canonical = (a: (typeof rows)[0], b: (typeof rows)[0]) =>
            compareCodePoints(a.e, b.e) || compareCodePoints(a.j, b.j) || CRITERIA.indexOf(a.c) - CRITERIA.indexOf(b.c);
          if (how === 'grouped-sorted') rows = [...rows].sort(canonical);
          else if (how === 'grouped') rows = [...rows].sort((a, b) => compareCodePoints(a.e, b.e));
          // else: as generated (judges and entries met in any order)
          const sheet: ScoreRow[] = rows.map((r, i) => ({
            entryId: r.e,
            judgeId: r.j,
            criterionRaw: r.c,
            text: String(r.v),
            decimalComma: false,
            source: { file: 's.csv', line: i + 2 },
          }));
          const c = competition(
            rubric,
            ENTRIES.map((id, i) => entry({ id }, i + 2)),
            sheet,
            JUDGES.map((id) => judge(id, `Dinas ${id}`)),
          );
          const { checked } = checkEntries(c.entries, rubric, '2026-01-01');
          const got = checkScores(c, checked)
            .records()
            .map((r) => [checked[r.entry]!.entry.id, r.judge, r.criterion, r.value, r.source.line]);
          const lineOf = new Map(rows.map((r, i) => [r, i + 2]));
          const expected = [...rows].sort(canonical).map((r) => [r.e, r.j, r.c, r.v, lineOf.get(r)]);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('orders large blocks (an entry scored by many judges) and repeated scores exactly as well', () => {
    // Two entries and nine judges: an entry's block runs to 45 records (sorted natively past 16);
    // a score given twice is used for neither, and each copy names the others in line order.
    const judges = ['J9', 'J1', 'J5', 'J2', 'J8', 'J3', 'J7', 'J4', 'J6'];
    const triple = fc.tuple(
      fc.constantFrom('E1', 'E2'),
      fc.constantFrom(...judges),
      fc.constantFrom(...CRITERIA),
      fc.integer({ min: 1, max: 10 }),
    );
    fc.assert(
      fc.property(fc.array(triple, { minLength: 20, maxLength: 110 }), (triples) => {
        const rows = triples.map(([e, j, c, v], i) => ({ e, j, c, v, line: i + 2 }));
        const key = (r: (typeof rows)[0]) => `${r.e}|${r.j}|${r.c}`;
        const copies = new Map<string, number[]>();
        for (const r of rows) copies.set(key(r), [...(copies.get(key(r)) ?? []), r.line]);
        const sheet: ScoreRow[] = rows.map((r) => ({
          entryId: r.e,
          judgeId: r.j,
          criterionRaw: r.c,
          text: String(r.v),
          decimalComma: false,
          source: { file: 's.csv', line: r.line },
        }));
        const c = competition(
          rubric,
          ['E1', 'E2'].map((id, i) => entry({ id }, i + 2)),
          sheet,
          judges.map((id) => judge(id, `Dinas ${id}`)),
        );
        const { checked } = checkEntries(c.entries, rubric, '2026-01-01');
        const result = checkScores(c, checked);
        const got = result
          .records()
          .map((r) => [checked[r.entry]!.entry.id, r.judge, r.criterion, r.value, r.source.line]);
        const expected = rows
          .filter((r) => copies.get(key(r))!.length === 1)
          .sort(
            (a, b) =>
              compareCodePoints(a.e, b.e) ||
              compareCodePoints(a.j, b.j) ||
              CRITERIA.indexOf(a.c) - CRITERIA.indexOf(b.c),
          )
          .map((r) => [r.e, r.j, r.c, r.v, r.line]);
        expect(got).toEqual(expected);
        const repeated = result.diagnostics
          .filter((d) => d.code === 'duplicate-score')
          .map((d) => [d.line, d.message])
          .sort((a, b) => (a[0] as number) - (b[0] as number));
        const wanted = rows
          .filter((r) => copies.get(key(r))!.length > 1)
          .map((r) => [r.line, copies.get(key(r))!.filter((l) => l !== r.line)]);
        expect(repeated.map(([line]) => line)).toEqual(wanted.map(([line]) => line));
        // The first of the others in line order, and how many copies in all, as the message says.
        for (const [k, [, others]] of wanted.entries()) {
          const text = String(repeated[k]![1]);
          expect(Number(/also at s\.csv:(\d+)/.exec(text)?.[1])).toBe((others as number[])[0]);
          const all = (others as number[]).length + 1;
          expect(/\((\d+) in all\)/.exec(text)?.[1]).toBe(all > 2 ? String(all) : undefined);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reports a conflict of interest at the judge's first row for the entry in the sheet, whatever the criteria's order", () => {
    // J1 and J2 belong to the entries' agency; J3 does not. Rows in any order, repeated or not.
    const triple = fc.tuple(
      fc.constantFrom('E1', 'E2'),
      fc.constantFrom('J1', 'J2', 'J3'),
      fc.constantFrom(...CRITERIA),
    );
    fc.assert(
      fc.property(fc.array(triple, { minLength: 1, maxLength: 60 }), (triples) => {
        const rows = triples.map(([e, j, c], i) => ({ e, j, c, line: i + 2 }));
        const sheet: ScoreRow[] = rows.map((r) => ({
          entryId: r.e,
          judgeId: r.j,
          criterionRaw: r.c,
          text: '7',
          decimalComma: false,
          source: { file: 's.csv', line: r.line },
        }));
        const c = competition(
          rubric,
          ['E1', 'E2'].map((id, i) => entry({ id, agency: 'Dinas Kesehatan' }, i + 2)),
          sheet,
          [judge('J1', 'Dinas Kesehatan'), judge('J2', 'dinas  kesehatan'), judge('J3', 'Dinas Pendidikan')],
        );
        const { checked } = checkEntries(c.entries, rubric, '2026-01-01');
        const got = checkScores(c, checked)
          .diagnostics.filter((d) => d.code === 'conflict-of-interest')
          .map((d) => [d.entry_id, d.line])
          .sort((a, b) => (a[1] as number) - (b[1] as number));
        // Per entry and conflicted judge, the first line of their rows; a pair whose every
        // criterion is scored more than once has no score left to exclude and no report.
        const first = new Map<string, number>();
        const counts = new Map<string, number>();
        for (const r of rows) {
          if (r.j === 'J3') continue;
          const pair = `${r.e}|${r.j}`;
          if (!first.has(pair)) first.set(pair, r.line);
          counts.set(`${pair}|${r.c}`, (counts.get(`${pair}|${r.c}`) ?? 0) + 1);
        }
        const expected = [...first]
          .filter(([pair]) => CRITERIA.some((k) => counts.get(`${pair}|${k}`) === 1))
          .map(([pair, line]) => [pair.split('|')[0], line])
          .sort((a, b) => (a[1] as number) - (b[1] as number));
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
