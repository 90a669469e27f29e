/**
 * Rubric files from strangers: whatever the YAML holds, `parseRubric` answers with a rubric or
 * with problems at their lines, never an exception (which `kipp` shows as an internal error,
 * exit 70). YAML 1.1's tags for bytes, sets, ordered maps and dates (`!!binary`, `!!set`,
 * `!!omap`, `!!pairs`, `!!timestamp`) made values the checks could not take apart: `!!binary`
 * anywhere in a rubric was an internal error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRubric } from '../../src/io/rubric.js';

const problems = (text: string) => parseRubric(text, 'rubric.yaml').diagnostics.map((d) => [d.code, d.line, d.message]);

describe('rubric: YAML tags that make no JSON value', () => {
  it.each([
    ['!!binary aGVsbG8=\n', 1, '!!binary'],
    ['name: T\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: !!binary aGVsbG8=\n', 4, '!!binary'],
    ['name: T\nscale: !!binary aGVsbG8=\n', 2, '!!binary'],
    ['name: !!timestamp 2001-12-14\nscale: { min: 1, max: 10 }\n', 1, '!!timestamp'],
    ['name: T\nscale: { min: 1, max: 10 }\ncategories: !!set\n  ? a\n', 4, '!!set'],
    ['name: T\nscale: { min: 1, max: 10 }\nshortlists: !!omap\n  - a: 1\n', 4, '!!omap'],
    ['name: T\nscale: { min: 1, max: 10 }\nshortlists: !!pairs\n  - a: 1\n', 4, '!!pairs'],
  ])('%j is refused at line %i, naming %s', (text, line, tag) => {
    expect(problems(text)).toEqual([
      [
        'invalid-rubric',
        line,
        `the tag ${tag} makes a value that is no text, number, list or mapping, which is all a rubric holds: write the value without it`,
      ],
    ]);
  });

  it('reads the tags of plain values as before (!!str, !!int)', () => {
    const { rubric, diagnostics } = parseRubric(
      'name: !!str 2026\nversion: !!int 3\nscale: { min: 1, max: 10 }\n',
      'rubric.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(rubric!.name).toBe('2026');
    expect(rubric!.version).toBe(3);
    expect(rubric!.scale).toEqual({ min: 1, max: 10 });
  });
});

describe('rubric: hostile files', () => {
  // Lines a broken or hostile rubric is made of: wrong values, duplicates, aliases naming nothing,
  // YAML 1.1 tags, several documents, tabs, cut quotes, complex keys.
  const fragment = fc.constantFrom(
    'name: T',
    'name: &n T',
    'version: 2026.10',
    'scale: { min: 1, max: 10 }',
    'scale: { min: 10, max: 1 }',
    'scale: *n',
    'criteria:',
    '  novelty: { weight: 50 }',
    '  novelty: { weight: 60 }',
    '  benefit: { weight: 50, label: Kebaruan }',
    '  benefit: { weight: -5 }',
    '  benefit: !!binary aGVsbG8=',
    '  x: *nobody',
    'shortlists:',
    '  - { name: top-10, size: 10 }',
    '  - { name: top-10, size: 0 }',
    '  - !!omap [ a: 1 ]',
    'tie_break: [benefit, nope]',
    'normalization: z-score',
    'aggregation: median',
    'min_judges: 0',
    'categories:',
    '  a: { label: A }',
    '  01: { label: !!timestamp 2001-12-14 }',
    'stages: [ { name: 1st } ]',
    '!!binary aGVsbG8=',
    '!!set { a, b }',
    '---',
    '"unclosed',
    '\t- tab',
    '? complex',
    '',
  );

  it('never throws: a rubric, or problems with a line in the file (an empty file has none to give)', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 20 }), (lines) => {
        const text = `${lines.join('\n')}\n`;
        const { rubric, diagnostics } = parseRubric(text, 'rubric.yaml');
        expect(rubric === null).toBe(diagnostics.length > 0);
        for (const d of diagnostics) {
          expect(d.code).toBe('invalid-rubric');
          if (d.line === undefined) {
            expect(text.trim()).toBe('');
            continue;
          }
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines.length + 1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
