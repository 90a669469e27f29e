/**
 * The decisions file is YAML from the jury's secretariat, read by the same parser as every other
 * YAML input (io/yaml.ts): an alias stands for the value it names, and aliases that would expand
 * the file past its bound stop it at the alias's line. Before, each decision was converted on its
 * own, where an alias reads as nothing: `by: *chair` was refused as "required: add it".
 *
 * And an entry id is the text written, as in an entries file: YAML's core schema reads
 * `disqualify: 0810` as the number 810, and the decision went to entry "810".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecisions } from '../../src/io/decisions.js';

const codesAndLines = (text: string) =>
  parseDecisions(text, 'decisions.yaml').diagnostics.map((d) => [d.code, d.line, d.message]);

describe('decisions: YAML aliases', () => {
  it('reads an alias as the value its anchor names (who decided, and when)', () => {
    const text = [
      'decisions:',
      '  - disqualify: P-050',
      '    by: &chair Jury plenary (chair Prof. Bambang Wibowo)',
      '    date: &day 2026-11-18',
      '    reason: Field verification',
      '  - withdraw: P-051',
      '    by: *chair',
      '    date: *day',
      '    reason: The agency withdrew it in writing',
      '',
    ].join('\n');
    const { decisions, diagnostics } = parseDecisions(text, 'decisions.yaml');
    expect(diagnostics).toEqual([]);
    expect(decisions).toEqual([
      {
        action: 'disqualify',
        entry: 'P-050',
        by: 'Jury plenary (chair Prof. Bambang Wibowo)',
        date: '2026-11-18',
        reason: 'Field verification',
        file: 'decisions.yaml',
        line: 2,
      },
      {
        action: 'withdraw',
        entry: 'P-051',
        by: 'Jury plenary (chair Prof. Bambang Wibowo)',
        date: '2026-11-18',
        reason: 'The agency withdrew it in writing',
        file: 'decisions.yaml',
        line: 6,
      },
    ]);
  });

  it('reads an item that is an alias of an earlier one, and a list given by an alias', () => {
    const tie = {
      action: 'resolve_tie',
      shortlist: 'top-45',
      take: ['P-046'],
      by: 'Jury',
      date: '2026-11-20',
      reason: 'vote 3-1',
      file: 'decisions.yaml',
    };
    const item =
      '&first { resolve_tie: { shortlist: top-45, take: [P-046] }, by: Jury, date: 2026-11-20, reason: vote 3-1 }';
    const alone = parseDecisions(`decisions:\n  - ${item}\n  - *first\n`, 'decisions.yaml');
    expect(alone.diagnostics).toEqual([]);
    expect(alone.decisions).toEqual([
      { ...tie, line: 2 },
      { ...tie, line: 3 },
    ]);
    // The list anchored under another key: that key is an error (a decisions file holds
    // competition and decisions), and the list is read where the anchor is.
    const aliased = parseDecisions(`kept: &list\n  - ${item}\n  - *first\ndecisions: *list\n`, 'decisions.yaml');
    expect(aliased.diagnostics.map((d) => [d.code, d.line, d.field])).toEqual([['invalid-decision', 1, 'kept']]);
    expect(aliased.decisions).toEqual([
      { ...tie, line: 2 },
      { ...tie, line: 3 },
    ]);
  });

  it('stops an alias bomb at the alias that crosses the bound, and reads no decision', () => {
    const lines = [
      'competition: KIPP',
      `x0: &a0 [${Array(10)
        .fill(`"${'A'.repeat(100)}"`)
        .join(', ')}]`,
    ];
    for (let i = 1; i <= 8; i++)
      lines.push(
        `x${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('decisions:', '  - disqualify: P-050', '    by: *a8', '    date: 2026-11-18', '    reason: x', '');
    const { decisions, diagnostics } = parseDecisions(lines.join('\n'), 'decisions.yaml');
    expect(decisions).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d!.code).toBe('invalid-decision');
    // 10 × 100 characters per x0; x1 is 10 of them (10,000), x2 100 (100,000), x3 1,000: the
    // 1,048,576-character floor is crossed inside x3's list, on line 5.
    expect(d!.line).toBe(5);
    expect(d!.message).toContain('expand the document to more than 1,048,576 characters');
  });

  it('refuses an alias that names no anchor, at its line', () => {
    expect(
      codesAndLines('decisions:\n  - disqualify: P-050\n    by: *nobody\n    date: 2026-11-18\n    reason: x\n'),
    ).toEqual([['invalid-decision', 3, expect.stringContaining('the alias *nobody names no anchor before it')]]);
  });
});

describe('decisions: entry ids as written', () => {
  it('keeps ids that YAML would read as numbers as they are written', () => {
    const text = [
      'decisions:',
      '  - disqualify: 0810',
      '    by: Jury',
      '    date: 2026-11-18',
      '    reason: field verification',
      '  - resolve_tie: { shortlist: top-45, take: [007, 1e3, 0x1F, 12.50, "08"] }',
      '    by: 2026',
      '    date: 2026-11-20',
      '    reason: vote',
      '  - include: { shortlist: top-99, entry: 0042 }',
      '    by: Jury',
      '    date: 2026-11-20',
      '    reason: vote',
      '',
    ].join('\n');
    const { decisions, diagnostics } = parseDecisions(text, 'decisions.yaml');
    expect(diagnostics).toEqual([]);
    expect(decisions.map((d) => ('entry' in d ? d.entry : 'take' in d ? d.take : null))).toEqual([
      '0810',
      ['007', '1e3', '0x1F', '12.50', '08'],
      '0042',
    ]);
    // Who decided, written as a number, is that text too.
    expect(decisions[1]!.by).toBe('2026');
  });

  it('trims ids as the entries are trimmed, and says what YAML made of null (found by an independent check)', () => {
    const one = (value: string) =>
      parseDecisions(`decisions:\n  - withdraw: ${value}\n    by: J\n    date: 2026-11-20\n    reason: r\n`, 'd.yaml');
    expect(one("' A '").decisions.map((d) => ('entry' in d ? d.entry : null))).toEqual(['A']);
    for (const empty of ['null', '~', '']) {
      const { decisions, diagnostics } = one(empty);
      expect(decisions).toEqual([]);
      expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['invalid-decision', 2]]);
      expect(diagnostics[0]!.message).toMatch(
        /no entry id \(YAML reads null, ~ and an empty value as none\).*in quotes if it is "null"/,
      );
    }
    expect(one('"null"').decisions.map((d) => ('entry' in d ? d.entry : null))).toEqual(['null']);
    expect(one("'  '").diagnostics[0]!.message).toMatch(/the entry id is empty/);
  });

  // Ids a secretariat types: digits with leading zeros, numbers in any notation YAML knows, codes.
  const idText = fc.oneof(
    fc.stringMatching(/^[0-9][0-9._eE+x-]{0,8}$/),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}$/).filter((t) => !/^(null|Null|NULL)$/.test(t)),
  );
  const decision = fc.record({
    action: fc.constantFrom('disqualify', 'withdraw', 'resolve_tie', 'include'),
    ids: fc.array(idText, { minLength: 1, maxLength: 4 }),
    flow: fc.boolean(),
  });

  it('reads every generated id exactly as written, each decision at its line', () => {
    fc.assert(
      fc.property(fc.array(decision, { minLength: 1, maxLength: 8 }), (list) => {
        const lines = ['decisions:'];
        const write = (text: string) => lines.push(...text.split('\n'));
        const expected: { line: number; ids: string | string[] }[] = [];
        for (const d of list) {
          const line = lines.length + 1;
          const id = d.ids[0]!;
          if (d.action === 'resolve_tie') {
            write(
              d.flow
                ? `  - resolve_tie: { shortlist: top-45, take: [${d.ids.join(', ')}] }`
                : `  - resolve_tie:\n      shortlist: top-45\n      take:\n${d.ids.map((t) => `        - ${t}`).join('\n')}`,
            );
            expected.push({ line, ids: d.ids });
          } else if (d.action === 'include') {
            write(
              d.flow
                ? `  - include: { shortlist: top-99, entry: ${id} }`
                : `  - include:\n      shortlist: top-99\n      entry: ${id}`,
            );
            expected.push({ line, ids: id });
          } else {
            write(`  - ${d.action}: ${id}`);
            expected.push({ line, ids: id });
          }
          lines.push('    by: Jury', '    date: 2026-11-20', '    reason: vote');
        }
        const text = `${lines.join('\n')}\n`;
        const { decisions, diagnostics } = parseDecisions(text, 'decisions.yaml');
        expect(diagnostics).toEqual([]);
        expect(
          decisions.map((d) => ({ line: d.line, ids: 'entry' in d ? d.entry : 'take' in d ? d.take : null })),
        ).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decisions: hostile files', () => {
  // Fragments a broken or hostile decisions file is made of: anchors, aliases (some naming
  // nothing), tags, flow collections cut short, tabs, duplicate keys, documents, odd scalars.
  const fragment = fc.constantFrom(
    'decisions:',
    '  - disqualify: P-050',
    '  - withdraw: 0810',
    '    by: &who Jury',
    '    by: *who',
    '    by: *nobody',
    '    date: 2026-11-18',
    '    date: 2026-02-30',
    '    reason: x',
    '    reason:',
    '  - resolve_tie: { shortlist: top-45, take: [P-046',
    '  - include: { shortlist: top-99, entry: 1e3 }',
    '  - !!binary aGVsbG8=',
    '  - &big [a, a, a, a, a, a, a, a, a, a]',
    '  - [*big, *big, *big, *big, *big, *big, *big, *big, *big, *big]',
    '\t- tab',
    '---',
    '...',
    'competition: KIPP',
    'competition: again',
    '"unclosed',
    '? complex key',
    '- top level item',
    '',
  );

  it('never throws: every file gives decisions or problems, and every problem has a line', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 25 }), (lines) => {
        const { decisions, diagnostics } = parseDecisions(`${lines.join('\n')}\n`, 'decisions.yaml');
        for (const d of diagnostics) {
          expect(d.code).toBe('invalid-decision');
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines.length + 1);
        }
        // Each decision read names the line its item starts on, inside the file.
        for (const d of decisions) expect(lines[d.line - 1]).toMatch(/^ {2}- /);
        // An alias that names no anchor (none is named `nobody`) stops the whole file: no
        // decision of it is read, and there is something to say.
        if (lines.includes('    by: *nobody')) {
          expect(decisions).toEqual([]);
          expect(diagnostics.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
