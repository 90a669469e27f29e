/**
 * The judge rules and the `expertise` field: items named as entries name categories (id,
 * number, label, alias), in a list (YAML/JSON) or one cell; unknown items and repeated judge
 * ids are errors at the judge's line.
 */
import { describe, expect, it } from 'vitest';
import { expertiseItems, resolveExpertise } from '../../src/model/expertise.js';
import type { Judge } from '../../src/model/records.js';
import { vocabulary } from '../../src/model/vocabulary.js';
import { checkJudges } from '../../src/validate/judges.js';
import { rubricFrom } from '../helpers.js';

const rubric = rubricFrom('name: t\nscale: { min: 1, max: 10 }\n');
const vocab = vocabulary(rubric);

function judge(id: string, expertise: string | undefined, line: number): Judge {
  const fields = new Map([['id', id]]);
  if (expertise !== undefined) fields.set('expertise', expertise);
  return { id, name: '', agency: 'Universitas Indonesia', region: '', fields, source: { file: 'juri.csv', line } };
}

describe('expertise items', () => {
  it('splits a cell on ; | and newlines, and reads a YAML/JSON list', () => {
    expect(expertiseItems(' governance ; inklusif|kolaborasi\n4 ')).toEqual([
      'governance',
      'inklusif',
      'kolaborasi',
      '4',
    ]);
    expect(expertiseItems('["tata kelola", 2]')).toEqual(['tata kelola', '2']);
    expect(expertiseItems('')).toEqual([]);
    expect(expertiseItems(' ; ;')).toEqual([]);
  });

  it('resolves ids, numbers, labels and aliases to category ids, each once', () => {
    expect(resolveExpertise('tata kelola; 2; Kolaborasi; inclusive; governance', vocab)).toEqual({
      categories: ['governance', 'transparency', 'collaboration', 'inclusive'],
      unknown: [],
    });
  });

  it('splits on commas only when the piece is not a category label as a whole', () => {
    // The default label of transparency holds commas (SPEC section 1).
    const label = rubric.categories.find((c) => c.id === 'transparency')!.label.id;
    expect(label).toContain(',');
    expect(resolveExpertise(label, vocab).categories).toEqual(['transparency']);
    expect(resolveExpertise('collaboration, inklusif', vocab).categories).toEqual(['collaboration', 'inclusive']);
  });

  it('keeps unknown items as written', () => {
    expect(resolveExpertise('governance; transparancy, 7', vocab)).toEqual({
      categories: ['governance'],
      unknown: ['transparancy', '7'],
    });
  });
});

describe('checkJudges', () => {
  it("reports unknown expertise items and repeated ids at the judge's line", () => {
    const judges = [
      judge('TPI-01', 'governance; kesehatan', 2),
      judge('TPI-02', undefined, 3),
      judge('TPI-01', '["inklusif"]', 4),
    ];
    const { checked, diagnostics } = checkJudges(judges, rubric);
    expect(checked.map((c) => c.expertise)).toEqual([['governance'], [], ['inclusive']]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.field])).toEqual([
      ['duplicate-id', 'error', 'juri.csv', 2, 'id'],
      ['duplicate-id', 'error', 'juri.csv', 4, 'id'],
      ['unknown-category', 'error', 'juri.csv', 2, 'expertise'],
    ]);
  });

  it('a clean panel has no diagnostics', () => {
    expect(checkJudges([judge('J1', 'tata kelola', 2), judge('J2', '', 3)], rubric).diagnostics).toEqual([]);
  });
});
