/**
 * A score sheet keeps its judges' comments as runs of rows sharing one (CommentRuns), not an
 * entry per row. Whatever the comments (none, one per row, one per wide row's scores, repeated
 * texts on neighbouring rows), appended in parts and sent as parts, every row must give back its
 * own comment, and a row without one nothing: checked against a plain map, asked in any order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommentRuns } from '../../src/model/comment-runs.js';
import { ScoreSheet } from '../../src/model/scoresheet.js';

/** Rows 0..n-1, each with a comment from a small set (so neighbours often share one) or none. */
const commented = fc.array(
  fc.option(fc.constantFrom('ok', 'perlu data', 'ok ', '', 'catatan\nbaris dua'), { nil: undefined }),
  {
    maxLength: 200,
  },
);

function runsOf(rows: (string | undefined)[]): CommentRuns {
  const runs = new CommentRuns();
  rows.forEach((text, i) => {
    if (text) runs.add(i, text); // as ScoreSheet.addScore: an empty comment is none
  });
  return runs;
}

const expected = (rows: (string | undefined)[]) => rows.map((text) => text || undefined);

function expectComments(runs: CommentRuns, rows: (string | undefined)[]): void {
  const want = expected(rows);
  const n = rows.length;
  const orders = [
    Array.from({ length: n }, (_, i) => i),
    Array.from({ length: n }, (_, i) => n - 1 - i),
    Array.from({ length: n }, (_, i) => (i * 7919) % Math.max(n, 1)).filter((i) => i < n),
  ];
  for (const order of orders) for (const i of order) expect(runs.get(i), `row ${i}`).toBe(want[i]);
  // Past the last row: none.
  expect(runs.get(n)).toBeUndefined();
}

describe('CommentRuns', () => {
  it('gives every row its own comment and a row without one nothing, in any order of asking', () => {
    fc.assert(
      fc.property(commented, (rows) => expectComments(runsOf(rows), rows)),
      { numRuns: 500 },
    );
  });

  it('keeps a wide row’s comment once for its scores, and a different comment after it apart', () => {
    const rows = ['a', 'a', 'a', 'b', 'b', undefined, 'a', 'a'];
    const runs = runsOf(rows);
    expect(runs.toParts().count).toBe(3);
    expectComments(runs, rows);
  });

  it('appends and survives being sent as parts as a plain map would', () => {
    fc.assert(
      fc.property(commented, commented, (head, tail) => {
        const runs = runsOf(head);
        runs.append(CommentRuns.fromParts(structuredClone(runsOf(tail).toParts())), head.length);
        expectComments(runs, [...head, ...tail]);
      }),
      { numRuns: 300 },
    );
  });

  it("gives a joined sheet's rows their comments, through the sheet", () => {
    const sheet = new ScoreSheet();
    const other = new ScoreSheet();
    sheet.add('E1', 'J1', 'novelty', '7', false, 0, 2, 4, 1, 2, 3, 'bagus');
    sheet.add('E1', 'J1', 'benefit', '8', false, 0, 3, 4, 1, 2, 3);
    other.add('E2', 'J1', 'novelty', '6', false, 0, 4, 4, 1, 2, 3, 'bagus');
    sheet.appendSheet(other);
    expect([0, 1, 2].map((i) => sheet.at(i).comment)).toEqual(['bagus', undefined, 'bagus']);
    expect(ScoreSheet.fromParts(structuredClone(sheet.toParts())).comment(2)).toBe('bagus');
  });
});
