/**
 * #22.2: `kipp score --format csv` is written by hand (no csv-stringify): its bytes must stay
 * what csv-stringify wrote with the options the report used, for any text a title can hold.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryResult, ScoreResult } from '../../src/model/result.js';
import { neutralizeFormula } from '../../src/report/shared/cells.js';
import { formatCsv, formatCsvPieces } from '../../src/report/score/csv.js';
import { fixed2, writeFixed2 } from '../../src/report/shared/text.js';
import { Utf8Pieces } from '../../src/report/shared/utf8-pieces.js';

/** The formatter as it was before issue 22 (csv-stringify over all rows): the reference. */
function withCsvStringify(result: ScoreResult): string {
  const criteria = result.rubric.criteria.map((k) => k.id);
  const stages = result.rubric.stages.map((s) => s.name);
  const header = [
    'rank',
    'category_rank',
    'id',
    'title',
    'agency',
    'category',
    'group',
    'total',
    ...criteria,
    ...stages.flatMap((s) => [`${s}_total`, `${s}_rank`]),
    'judges',
    'passed',
    'tied',
    'reasons',
    'shortlists',
    'flags',
  ];
  const rows = result.entries.map((e) => [
    e.rank ?? '',
    e.category_rank ?? '',
    neutralizeFormula(e.id),
    neutralizeFormula(e.title),
    neutralizeFormula(e.agency),
    neutralizeFormula(e.category),
    neutralizeFormula(e.group ?? ''),
    fixed2(e.total),
    ...criteria.map((k) => fixed2(e.criteria[k])),
    ...stages.flatMap((s) => [fixed2(e.stages?.[s]?.total ?? null), e.stages?.[s]?.rank ?? '']),
    e.judges,
    e.passed ? 'true' : 'false',
    e.tied ? 'true' : 'false',
    e.reasons.join(' '),
    e.shortlists.join(' '),
    e.flags.join(' '),
  ]);
  return stringify([header, ...rows], { record_delimiter: '\n', quoted_match: /[;\t\r]/ });
}

const text = fc.oneof(
  fc.string(),
  fc.string({
    unit: fc.constantFrom('a', ',', ';', '\t', '\r', '\n', '"', '=', '+', '-', '@', ' ', 'é', '\uFF1D', '😀'),
  }),
);
const figure = fc.option(fc.double({ min: -1000, max: 1000, noNaN: true }), { nil: null });
const entry = fc.record({
  rank: fc.option(fc.nat(), { nil: null }),
  category_rank: fc.option(fc.nat(), { nil: null }),
  id: text,
  title: text,
  agency: text,
  category: text,
  group: fc.option(text, { nil: null }),
  total: figure,
  a: figure,
  b: figure,
  stageTotal: figure,
  stageRank: fc.option(fc.nat(), { nil: null }),
  judges: fc.nat(),
  passed: fc.boolean(),
  tied: fc.boolean(),
  reasons: fc.array(text, { maxLength: 2 }),
  shortlists: fc.array(text, { maxLength: 2 }),
  flags: fc.array(text, { maxLength: 2 }),
});

type Item = typeof entry extends fc.Arbitrary<infer T> ? T : never;

function resultOf(items: Item[], staged: boolean): ScoreResult {
  const entries = items.map((x) => {
    const criteria: Record<string, number> = {};
    if (x.a !== null) criteria['a,1'] = x.a;
    if (x.b !== null) criteria.b = x.b;
    const e = { ...x, criteria } as unknown as EntryResult;
    if (staged) (e as { stages?: unknown }).stages = { desk: { total: x.stageTotal, rank: x.stageRank } };
    return e;
  });
  return {
    rubric: { criteria: [{ id: 'a,1' }, { id: 'b' }], stages: staged ? [{ name: 'desk' }, { name: 'final;2' }] : [] },
    entries,
  } as unknown as ScoreResult;
}

describe('#22.2: the score CSV written by hand', () => {
  it('#22.2: is byte for byte what csv-stringify wrote, for any titles, ids, figures and stages', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.boolean(), (items, staged) => {
        const result = resultOf(items, staged);
        expect(formatCsv(result, {} as never)).toBe(withCsvStringify(result));
      }),
      { numRuns: 500 },
    );
  });

  it('#22: with reuse (as kipp score writes it), pieces share a buffer and, each read before the next, are the csv-stringify bytes', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 300 }), (items, size) => {
        const result = resultOf(items, false);
        const copies: Buffer[] = [];
        const buffers = new Set<ArrayBufferLike>();
        for (const piece of formatCsvPieces(result, {} as never, { pieceSize: size, reuse: true })) {
          copies.push(Buffer.from(piece)); // copied before the next piece may overwrite it
          buffers.add(piece.buffer);
        }
        expect(Buffer.concat(copies).toString('utf8')).toBe(withCsvStringify(result));
        // one buffer, replaced only when a row outgrows it: never one per piece once there are several
        if (copies.length > 2) expect(buffers.size).toBeLessThan(copies.length);
      }),
      { numRuns: 200 },
    );
  });

  it('#22.2: quotes by hand what a spreadsheet would split', () => {
    const [item] = fc.sample(entry, { numRuns: 1, seed: 1 });
    const row = {
      ...item!,
      rank: 1,
      category_rank: 1,
      id: 'E1',
      title: 'Say "hi"; now',
      agency: '=SUM(A1)',
      category: 'gov',
      group: null,
      total: 88.775,
      a: 1.005,
      b: null,
      judges: 5,
      passed: true,
      tied: false,
      reasons: [],
      shortlists: ['top-99', 'top-40'],
      flags: [],
    };
    const csv = formatCsv(resultOf([row], false), {} as never);
    expect(csv.split('\n')[1]).toBe(`1,1,E1,"Say ""hi""; now",'=SUM(A1),gov,,88.78,1.01,,5,true,false,,top-99 top-40,`);
  });
});

describe('figures written digit by digit (writeFixed2)', () => {
  const written = (x: number | null) => {
    const out = new Utf8Pieces();
    writeFixed2(out, x);
    return out.take().toString('latin1');
  };
  it('writes what fixed2 returns: any double, halves and their neighbours, huge figures, NaN, ±0', () => {
    const near = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: -3, max: 3 }))
      .map(([k, ulps]) => {
        let x = (k + 0.5) / 100;
        for (let u = 0; u < Math.abs(ulps); u++)
          x = ulps > 0 ? x + Number.EPSILON * Math.abs(x) : x - Number.EPSILON * Math.abs(x);
        return x;
      });
    const any = fc.oneof(
      fc.double(),
      fc.double({ min: -1e12, max: 1e12 }),
      near,
      fc.constantFrom(0, -0, 0.005, -0.005, 99.995, 1e11, 1e11 - 0.005, 1e13, -1e16, Infinity, -Infinity, NaN),
    );
    fc.assert(
      fc.property(any, (x) => written(x) === fixed2(x)),
      { numRuns: 20_000 },
    );
    expect(written(null)).toBe('');
    expect(written(88.775)).toBe('88.78');
    expect(written(-0.001)).toBe('0.00');
  });
});
