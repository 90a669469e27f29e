/**
 * A score sheet keeps its rows' lines as runs (LineRuns), not one number per row. Whatever the
 * lines (one per row, a few rows per line, gaps, going back), appended in parts, shifted and
 * posted to another thread as parts, every row must give back the line it was read on, asked
 * in any order: checked against a plain list of the same lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineRuns } from '../../src/model/line-runs.js';
import { ScoreSheet } from '../../src/model/scoresheet.js';

/** Lines as readers make them: mostly +1 or +0 from the row before, sometimes a jump either way. */
const lineSteps = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(1) },
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 40 }) },
  ),
  { maxLength: 300 },
);

function linesOf(first: number, steps: number[]): number[] {
  const lines: number[] = [];
  let line = first;
  for (const step of steps) lines.push((line += step));
  return lines;
}

function runsOf(lines: number[]): LineRuns {
  const runs = new LineRuns();
  for (const line of lines) runs.push(line);
  return runs;
}

/** Every row's line, asked in the given order (row order, reverse, shuffled): each must be exact. */
function expectLines(runs: LineRuns, lines: number[], order: number[]): void {
  expect(runs.length).toBe(lines.length);
  for (const i of order) expect(runs.line(i), `row ${i}`).toBe(lines[i]);
}

const orders = (n: number) => [
  Array.from({ length: n }, (_, i) => i),
  Array.from({ length: n }, (_, i) => n - 1 - i),
  Array.from({ length: n }, (_, i) => (i * 7919) % Math.max(n, 1)).filter((i) => i < n),
];

describe('LineRuns', () => {
  it('gives every row its line, in any order of asking', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), lineSteps, (first, steps) => {
        const lines = linesOf(first, steps);
        const runs = runsOf(lines);
        for (const order of orders(lines.length)) expectLines(runs, lines, order);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a long sheet in one run and a wide sheet in one run per line', () => {
    const long = runsOf(Array.from({ length: 100_000 }, (_, i) => i + 2));
    expect(long.toParts().count).toBe(1);
    expect(long.line(99_999)).toBe(100_001);
    // Five scores per line, lines 2, 3, 4, …
    const wide = runsOf(Array.from({ length: 500 }, (_, i) => 2 + Math.floor(i / 5)));
    expect(wide.toParts().count).toBe(100);
    expect([wide.line(0), wide.line(4), wide.line(5), wide.line(499)]).toEqual([2, 2, 3, 101]);
  });

  it('appends, shifts and survives being sent as parts as a plain list would', () => {
    fc.assert(
      fc.property(lineSteps, lineSteps, fc.integer({ min: -500, max: 500 }), (a, b, shift) => {
        const head = linesOf(1, a);
        const tail = linesOf(1_000_000, b);
        const runs = runsOf(head);
        const rest = LineRuns.fromParts(structuredClone(runsOf(tail).toParts()));
        rest.shift(shift);
        runs.append(rest);
        const all = [...head, ...tail.map((line) => line + shift)];
        expectLines(runs, all, orders(all.length)[2]!);
        // Rows pushed after an append continue the runs as if pushed all along.
        runs.push(all.length === 0 ? 7 : all[all.length - 1]! + 1);
        expect(runs.line(all.length)).toBe(all.length === 0 ? 7 : all[all.length - 1]! + 1);
      }),
      { numRuns: 300 },
    );
  });

  it("gives a joined sheet's rows their lines, through the sheet", () => {
    const sheet = new ScoreSheet();
    const other = new ScoreSheet();
    sheet.add('E1', 'J1', 'novelty', '7', false, 0, 2, 4, 1, 2, 3);
    sheet.add('E1', 'J1', 'benefit', '8', false, 0, 5, 4, 1, 2, 3);
    other.add('E2', 'J1', 'novelty', '6', false, 0, 100, 4, 1, 2, 3);
    other.add('E2', 'J1', 'benefit', '5', false, 0, 101, 4, 1, 2, 3);
    other.shiftLines(-90);
    sheet.appendSheet(other);
    expect(Array.from({ length: sheet.length }, (_, i) => sheet.line(i))).toEqual([2, 5, 10, 11]);
    expect(sheet.at(3).source.line).toBe(11);
  });
});
