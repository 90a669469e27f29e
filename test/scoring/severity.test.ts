import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, severityColumns, type NormalizeInput } from '../../src/scoring/normalize.js';

/** Records of one criterion, in canonical order (entry, then judge). */
function records(rows: [entry: string, judge: string, value: number][], criterion = 'novelty'): NormalizeInput[] {
  return rows.map(([entry, judge, value]) => ({ entry, judge, criterion, value }));
}

/**
 * An independent fit of the same model: alternating least squares (backfitting) run to
 * convergence, then the sum-to-zero constraint applied per connected piece. Slow and iterative;
 * the code under test solves the normal equations directly.
 */
function backfit(rows: NormalizeInput[]): Map<string, number> {
  const byEntry = new Map<string, NormalizeInput[]>();
  const byJudge = new Map<string, NormalizeInput[]>();
  for (const r of rows) {
    byEntry.set(r.entry!, [...(byEntry.get(r.entry!) ?? []), r]);
    byJudge.set(r.judge, [...(byJudge.get(r.judge) ?? []), r]);
  }
  const a = new Map<string, number>();
  const s = new Map<string, number>([...byJudge.keys()].map((j) => [j, 0]));
  for (let it = 0; it < 20000; it++) {
    for (const [e, rs] of byEntry) a.set(e, rs.reduce((t, r) => t + r.value - s.get(r.judge)!, 0) / rs.length);
    let change = 0;
    for (const [j, rs] of byJudge) {
      const next = rs.reduce((t, r) => t + r.value - a.get(r.entry!)!, 0) / rs.length;
      change = Math.max(change, Math.abs(next - s.get(j)!));
      s.set(j, next);
    }
    if (change < 1e-15) break;
  }
  // Pieces by flood fill; centre each piece's severities (each judge once).
  const seen = new Set<string>();
  for (const start of byJudge.keys()) {
    if (seen.has(start)) continue;
    const piece: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const j = stack.pop()!;
      piece.push(j);
      for (const r of byJudge.get(j)!)
        for (const o of byEntry.get(r.entry!)!)
          if (!seen.has(o.judge)) {
            seen.add(o.judge);
            stack.push(o.judge);
          }
    }
    const centre = piece.reduce((t, j) => t + s.get(j)!, 0) / piece.length;
    for (const j of piece) s.set(j, s.get(j)! - centre);
  }
  return s;
}

/** Equal to 12 decimals: the solve is exact up to the rounding of double arithmetic. */
function close(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
}

/** The judges joined to `judge` through shared entries. */
function pieceOf(rows: NormalizeInput[], judge: string): Set<string> {
  const piece = new Set([judge]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows)
      if (piece.has(r.judge))
        for (const o of rows)
          if (o.entry === r.entry && !piece.has(o.judge)) {
            piece.add(o.judge);
            grew = true;
          }
  }
  return piece;
}

describe('normalization: severity (SPEC 3.3, third method)', () => {
  it('two judges, three entries, linked by one shared entry: solved by hand', () => {
    // e2 is read by both: 7 = a2 + sA, 5 = a2 + sB, sA + sB = 0 → sA = 1, sB = −1.
    // e1 and e3 have one judge each and carry no information about severity.
    const out = normalize(
      records([
        ['e1', 'A', 6],
        ['e2', 'A', 7],
        ['e2', 'B', 5],
        ['e3', 'B', 4],
      ]),
      'severity',
    );
    close(out, [5, 6, 6, 5]);
  });

  it('a complete panel: each severity is the judge mean minus the grand mean', () => {
    // A: 5 6 7 (mean 6); B: 7 8 9 (mean 8); C: 6 7 5 (mean 6); grand mean 20/3.
    const rows = records([
      ['e1', 'A', 5],
      ['e1', 'B', 7],
      ['e1', 'C', 6],
      ['e2', 'A', 6],
      ['e2', 'B', 8],
      ['e2', 'C', 7],
      ['e3', 'A', 7],
      ['e3', 'B', 9],
      ['e3', 'C', 5],
    ]);
    const s = { A: 6 - 20 / 3, B: 8 - 20 / 3, C: 6 - 20 / 3 };
    const out = normalize(rows, 'severity');
    rows.forEach((r, i) => expect(out[i]).toBeCloseTo(r.value - s[r.judge as 'A' | 'B' | 'C'], 12));
  });

  it('a disconnected panel: each piece sums to zero on its own; a lone judge has severity 0', () => {
    // Piece 1: A, B on e1, e2 (A is 1 above B) → sA = 0.5, sB = −0.5.
    // Piece 2: C, D on e3 (C is 3 below D) → sC = −1.5, sD = 1.5. Piece 3: E alone on e4 → 0.
    const rows = records([
      ['e1', 'A', 8],
      ['e1', 'B', 7],
      ['e2', 'A', 6],
      ['e2', 'B', 5],
      ['e3', 'C', 4],
      ['e3', 'D', 7],
      ['e4', 'E', 9],
    ]);
    close(normalize(rows, 'severity'), [7.5, 7.5, 5.5, 5.5, 5.5, 5.5, 9]);
  });

  it('a judge with one record is estimated from it (and a one-judge entry carries nothing)', () => {
    // B has one record, on e1, beside A and C; A and C agree exactly on e1 and e2.
    // Judges' equations: e1 holds A 6, B 9, C 6 → residual pattern gives sB − mean(sA, sC) = 3.
    // With sA = sC (symmetric) and sA + sB + sC = 0: sB = 2, sA = sC = −1.
    const rows = records([
      ['e1', 'A', 6],
      ['e1', 'B', 9],
      ['e1', 'C', 6],
      ['e2', 'A', 7],
      ['e2', 'C', 7],
      ['e3', 'A', 3],
    ]);
    close(normalize(rows, 'severity'), [7, 7, 7, 8, 8, 4]);
  });

  it('criteria are fitted separately', () => {
    const rows: NormalizeInput[] = [
      { entry: 'e1', judge: 'A', criterion: 'x', value: 8 },
      { entry: 'e1', judge: 'A', criterion: 'y', value: 2 },
      { entry: 'e1', judge: 'B', criterion: 'x', value: 6 },
      { entry: 'e1', judge: 'B', criterion: 'y', value: 6 },
    ];
    // x: A is 2 above B → ±1; y: A is 4 below B → ∓2.
    close(normalize(rows, 'severity'), [7, 4, 7, 4]);
  });

  it('severityColumns returns s_jc per judge and criterion', () => {
    const s = severityColumns(
      4,
      Int32Array.of(0, 1, 1, 2),
      Int32Array.of(0, 0, 1, 1),
      Int32Array.of(0, 0, 0, 0),
      Float64Array.of(6, 7, 5, 4),
      2,
      1,
    );
    close([...s], [1, -1]);
  });

  /** A random panel in canonical order: entries e0.., each read by a few of J judges. */
  const panel = fc
    .record({
      judges: fc.integer({ min: 2, max: 7 }),
      entries: fc.array(
        fc.record({
          judges: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }),
          values: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 4, maxLength: 4 }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    })
    .map(({ judges, entries }) =>
      entries.flatMap((e, i) =>
        [...new Set(e.judges.map((j) => j % judges))].sort().map((j, k) => ({
          entry: `e${String(i).padStart(2, '0')}`,
          judge: `J${j}`,
          criterion: 'c',
          value: e.values[k]! / 4 + 1,
        })),
      ),
    );

  it('property: agrees with an independent iterative fit of the same model', () => {
    fc.assert(
      fc.property(panel, (rows) => {
        const s = backfit(rows);
        const out = normalize(rows, 'severity');
        rows.forEach((r, i) => expect(out[i]).toBeCloseTo(r.value - s.get(r.judge)!, 8));
      }),
      { numRuns: 150 },
    );
  });

  it("property: adding δ to every score of one judge moves every x' of its piece by the same δ/J (ranks within the piece unchanged)", () => {
    // With Σ s = 0 over the piece's J judges, the judge's severity takes δ − δ/J and every other
    // judge's −δ/J: x' = x − s then moves by δ/J for every record of the piece, and not at all
    // elsewhere. (The issue's wording "unchanged" holds for every difference between x' values.)
    fc.assert(
      fc.property(panel, fc.integer({ min: 0, max: 50 }), fc.integer({ min: -20, max: 20 }), (rows, pick, quarter) => {
        const shift = quarter / 4;
        const judge = rows[pick % rows.length]!.judge;
        const piece = pieceOf(rows, judge);
        const before = normalize(rows, 'severity');
        const after = normalize(
          rows.map((r) => (r.judge === judge ? { ...r, value: r.value + shift } : r)),
          'severity',
        );
        after.forEach((v, i) =>
          expect(v).toBeCloseTo(before[i]! + (piece.has(rows[i]!.judge) ? shift / piece.size : 0), 9),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('severity standard errors', () => {
  it('equal ordinary least squares covariance on the fixture panel (numpy, fixtures/severity/make.py)', () => {
    const text = readFileSync(new URL('../../fixtures/severity/scores-long.csv', import.meta.url), 'utf8');
    const expected = JSON.parse(
      readFileSync(new URL('../../fixtures/severity/expected.json', import.meta.url), 'utf8'),
    ) as {
      severities: Record<string, Record<string, number>>;
      severity_se: Record<string, Record<string, number>>;
    };
    const rows = text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    rows.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
    const slot = (m: Map<string, number>, k: string) => m.get(k) ?? (m.set(k, m.size), m.size - 1);
    const [entries, judges, criteria] = [
      new Map<string, number>(),
      new Map<string, number>(),
      new Map<string, number>(),
    ];
    const e = Int32Array.from(rows, (r) => slot(entries, r[0]!));
    const j = Int32Array.from(rows, (r) => slot(judges, r[1]!));
    const c = Int32Array.from(rows, (r) => slot(criteria, r[2]!));
    const v = Float64Array.from(rows, (r) => Number(r[3]));
    const errors = new Float64Array(judges.size * criteria.size);
    const s = severityColumns(rows.length, e, j, c, v, judges.size, criteria.size, errors);
    for (const [cid, k] of criteria)
      for (const [jid, q] of judges) {
        expect(s[q * criteria.size + k]).toBeCloseTo(expected.severities[cid]![jid]!, 8);
        expect(errors[q * criteria.size + k]).toBeCloseTo(expected.severity_se[cid]![jid]!, 8);
      }
  });

  it('are NaN where no degree of freedom is left (every entry read once by each of two judges)', () => {
    const errors = new Float64Array(2);
    severityColumns(
      2,
      Int32Array.of(0, 0),
      Int32Array.of(0, 1),
      Int32Array.of(0, 0),
      Float64Array.of(6, 8),
      2,
      1,
      errors,
    );
    expect([...errors].every(Number.isNaN)).toBe(true);
  });
});

describe('severity: one factorisation for the criteria that share their judge–entry graph', () => {
  it('gives every criterion, bit for bit, what fitting it alone gives, whether the graphs agree or not', () => {
    // Entries read by random judges; each criterion scored on every pair (the graphs agree, the
    // factors are reused) unless a pair skips it (that criterion's graph differs: factored anew).
    const pair = fc.record({
      entry: fc.integer({ min: 0, max: 11 }),
      judge: fc.integer({ min: 0, max: 7 }),
      values: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 3, maxLength: 3 }),
      skips: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined, freq: 4 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(pair, { selector: (p) => `${p.entry}|${p.judge}`, minLength: 2, maxLength: 50 }),
        (pairs) => {
          const C = 3;
          const J = 8;
          // Canonical order: entry, judge, criterion.
          const sorted = [...pairs].sort((a, b) => a.entry - b.entry || a.judge - b.judge);
          const rows: [number, number, number, number][] = [];
          for (const p of sorted)
            for (let c = 0; c < C; c++) if (p.skips !== c) rows.push([p.entry, p.judge, c, p.values[c]! / 2]);
          const column = (k: number) => Int32Array.from(rows, (r) => r[k]!);
          const allErrors = new Float64Array(J * C);
          const all = severityColumns(
            rows.length,
            column(0),
            column(1),
            column(2),
            Float64Array.from(rows, (r) => r[3]),
            J,
            C,
            allErrors,
          );
          for (let c = 0; c < C; c++) {
            const mine = rows.filter((r) => r[2] === c);
            const errors = new Float64Array(J);
            const alone = severityColumns(
              mine.length,
              Int32Array.from(mine, (r) => r[0]),
              Int32Array.from(mine, (r) => r[1]),
              new Int32Array(mine.length),
              Float64Array.from(mine, (r) => r[3]),
              J,
              1,
              errors,
            );
            for (let j = 0; j < J; j++) {
              expect(Object.is(all[j * C + c], alone[j]), `judge ${j}, criterion ${c}`).toBe(true);
              expect(Object.is(allErrors[j * C + c], errors[j]), `error of judge ${j}, criterion ${c}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
