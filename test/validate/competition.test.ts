/**
 * validateCompetition on in-memory competitions: one pass over loading, entry, score and panel
 * rules, sorted; submissions without any score are not "too few judges".
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { titleKey } from '../../src/model/names.js';
import { validateCompetition } from '../../src/validate/competition.js';
import { checkEntries, prepareEntryChecks } from '../../src/validate/entries.js';
import { competition, entry, judge, rubricFrom, scoreRows } from '../helpers.js';
import { diagnostic } from '../../src/model/diagnostic.js';

const rubric = rubricFrom('name: t\nscale: { min: 1, max: 10 }\nmin_judges: 1\n');
const C = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

describe('validateCompetition', () => {
  test('entries submitted before judging: no too-few-judges', () => {
    const c = { ...competition(rubric, [entry({ id: 'A' }, 2), entry({ id: 'B' }, 3)], []), hasScoreSheets: false };
    expect(validateCompetition(c, { asOf: '2026-01-01' })).toEqual([]);
  });

  test('with score sheets, an unscored entry is too-few-judges', () => {
    const rows = scoreRows({ A: { J1: [5, 5, 5, 5, 5] } }, C);
    const ds = validateCompetition(competition(rubric, [entry({ id: 'A' }, 2), entry({ id: 'B' }, 3)], rows), {
      asOf: '2026-01-01',
    });
    expect(ds.map((d) => [d.code, d.entry_id, d.line])).toEqual([['too-few-judges', 'B', 3]]);
  });

  test('loading, entry, score and panel problems come out together, sorted by place', () => {
    const rows = scoreRows({ A: { J1: [5, 5, 5, 5, 5] }, B: { J2: [5, 5, 11, 5, 5] } }, C);
    // zscore: the normalization that needs a connected panel (#17.5).
    const zscore = rubricFrom('name: t\nscale: { min: 1, max: 10 }\nmin_judges: 1\nnormalization: zscore\n');
    const c = competition(zscore, [entry({ id: 'A', category: 'nope' }, 2), entry({ id: 'B' }, 3)], rows, [
      judge('J1', 'X'),
      judge('J2', 'Y'),
    ]);
    c.diagnostics.push(diagnostic('unknown-field', 'u', { file: 'entries.csv', line: 1, column: 9, field: 'x' }));
    const ds = validateCompetition(c, { asOf: '2026-01-01' });
    // Panel: J1 scored only A, J2 only B → disconnected. B's benefit (11) is out of range,
    // which leaves B without a benefit score.
    expect(codes(ds)).toEqual([
      'disconnected-panel',
      'unknown-field',
      'unknown-category',
      'too-few-judges',
      'score-out-of-range',
    ]);
    expect(ds.map((d) => d.file ?? null)).toEqual([null, 'entries.csv', 'entries.csv', 'entries.csv', 'scores.csv']);
  });

  test('titles are one title whatever their case and spaces: Tiga Empat, TigaEmpat, tiga  EMPAT (found by test/oracle)', () => {
    const titles = ['Tiga Empat', 'TigaEmpat', ' tiga \u00A0EMPAT ', 'Tiga Lima', 'Ti ga Em pat'];
    const entries = titles.map((title, i) => entry({ id: `K-${i + 1}`, title }, i + 2));
    const c = { ...competition(rubric, entries, []), hasScoreSheets: false };
    const found = validateCompetition(c, { asOf: '2026-01-01' });
    expect(found.map((d) => [d.code, d.entry_id])).toEqual([
      ['duplicate-title', 'K-1'],
      ['duplicate-title', 'K-2'],
      ['duplicate-title', 'K-3'],
      ['duplicate-title', 'K-5'],
    ]);
    // Letters still count: "Tiga Lima" is another title.
    expect(found.some((d) => d.entry_id === 'K-4')).toBe(false);
  });

  test('duplicate titles are exactly the titles whose titleKey is shared, whatever the hashing shortcut (generated titles)', () => {
    // Titles from a few words in any case, with ASCII and other spaces, tabs, invisible and
    // non-ASCII letters: the groups found must be those of grouping by titleKey itself.
    const piece = fc.constantFrom(
      'Sapa',
      'sapa',
      'SAPA',
      'Warga',
      'warga',
      ' ',
      '  ',
      '\t',
      '\u00A0',
      '\u200B',
      'İ',
      'é',
      'É',
      '👩🏽‍⚕️',
      '-',
      'a',
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 5 }).map((p) => p.join('')),
          { minLength: 2, maxLength: 30 },
        ),
        (titles) => {
          const entries = titles.map((title, i) => entry({ id: `K-${i}`, title }, i + 2));
          const flagged = checkEntries(entries, rubric, '2026-01-01')
            .diagnostics.filter((d) => d.code === 'duplicate-title')
            .map((d) => d.entry_id);
          const count = new Map<string, number>();
          for (const t of titles) if (titleKey(t) !== '') count.set(titleKey(t), (count.get(titleKey(t)) ?? 0) + 1);
          const expected = titles.flatMap((t, i) => ((count.get(titleKey(t)) ?? 0) > 1 ? [`K-${i}`] : []));
          expect([...flagged].sort()).toEqual([...expected].sort());
        },
      ),
    );
  });

  test("the rubric's reference date applies when --as-of is not given", () => {
    const r = rubricFrom(
      'name: t\nscale: { min: 1, max: 10 }\neligibility: { min_implementation_months: 12, reference_date: 2018-03-10 }\n',
    );
    const entries = [
      entry({ id: 'A', implemented_since: '2017-03-10' }, 2),
      entry({ id: 'B', implemented_since: '2017-03-11' }, 3),
    ];
    const c = { ...competition(r, entries, []), hasScoreSheets: false };
    expect(validateCompetition(c).map((d) => [d.code, d.entry_id])).toEqual([['implementation-too-recent', 'B']]);
    expect(validateCompetition(c, { asOf: '2018-03-11' })).toEqual([]);
  });
});

describe('entry checks prepared ahead (prepareEntryChecks)', () => {
  const entries = () => [entry({ id: 'A' }, 2), entry({ id: 'A' }, 3)];

  test('are taken once, by a checkEntries on the same entries, rubric and date', () => {
    const list = entries();
    prepareEntryChecks(list, rubric, '2026-01-01');
    const first = checkEntries(list, rubric, '2026-01-01');
    // Two entries share id A: both are duplicate-id, as a check of another copy finds.
    expect(first.diagnostics.filter((d) => d.code === 'duplicate-id').map((d) => d.line)).toEqual([2, 3]);
    expect(first.diagnostics).toEqual(checkEntries(entries(), rubric, '2026-01-01').diagnostics);
    // Taken: the next call checks again (new objects, same findings).
    const second = checkEntries(list, rubric, '2026-01-01');
    expect(second.checked).not.toBe(first.checked);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });

  test('are the result computed when prepared (the entries must not change in between)', () => {
    const list = entries();
    prepareEntryChecks(list, rubric, '2026-01-01');
    list[1] = entry({ id: 'B' }, 3); // after preparing: the prepared checks still see two A's
    expect(codes(checkEntries(list, rubric, '2026-01-01').diagnostics)).toContain('duplicate-id');
    expect(codes(checkEntries(list, rubric, '2026-01-01').diagnostics)).not.toContain('duplicate-id');
  });

  test('are not used for another date or rubric', () => {
    const list = [{ ...entry({ id: 'A' }, 2), implementedSinceRaw: '2025-06-01' }];
    const strict = rubricFrom(
      'name: t\nscale: { min: 1, max: 10 }\nmin_judges: 1\neligibility: { min_implementation_months: 12 }\n',
    );
    prepareEntryChecks(list, strict, '2030-01-01'); // long enough ago then
    expect(codes(checkEntries(list, strict, '2026-01-01').diagnostics)).toEqual(['implementation-too-recent']);
    prepareEntryChecks(list, strict, '2030-01-01');
    expect(codes(checkEntries(list, rubric, '2030-01-01').diagnostics)).toEqual([]);
  });
});
