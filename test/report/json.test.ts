/**
 * The JSON report written in pieces (stdout of `kipp score --format json`): joined, the pieces
 * are the one-string report byte for byte, whatever the piece size, with and without groups,
 * and whatever odd text and numbers the entries hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withEntries, type EntryResult, type ScoreResult } from '../../src/model/result.js';
import { formatJson, formatJsonChunks } from '../../src/report/score/json.js';
import type { ReportOptions } from '../../src/report/score/options.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { competition, entry, rubricFrom, scoreRows } from '../helpers.js';

const opts: ReportOptions = { lang: 'en', color: false, width: 160, version: '9.9.9' };

const plain = rubricFrom(`
name: Uji
scale: { min: 1, max: 10 }
criteria: { novelty: { weight: 50 }, benefit: { weight: 50 } }
thresholds: { total: 50 }
shortlists:
  - { name: top-2, size: 2 }
`);
const grouped = rubricFrom(`
name: Uji kelompok
scale: { min: 1, max: 10 }
criteria: { novelty: { weight: 50 }, benefit: { weight: 50 } }
groups: { umum: {}, khusus: {} }
`);

const entries = [
  entry({ id: 'P', title: 'Sistem Informasi Pelayanan Terpadu Satu Pintu Kabupaten Banyuwangi', group: 'umum' }),
  entry({ id: 'Q', title: 'Jemput Bola "Keliling" — Dukcapil', group: 'khusus' }),
  entry({ id: 'R', title: 'Sapa Warga', group: 'umum' }),
  entry({ id: 'S', title: 'Lorong Wisata', group: 'khusus' }),
  entry({ id: 'U', title: 'Smart Kampung', group: 'umum' }),
];
/** The pieces (UTF-8 bytes) joined and read back as text. */
function joined(pieces: Iterable<Uint8Array>): string {
  return Buffer.concat([...pieces]).toString('utf8');
}

const rows = scoreRows({ P: { J1: [9, 9] }, Q: { J1: [7, 7] }, R: { J1: [7, 7] }, S: { J1: [5, 5] } }, [
  'novelty',
  'benefit',
]);

describe('formatJsonChunks', () => {
  for (const [name, rubric] of [
    ['without groups', plain],
    ['with groups', grouped],
  ] as const) {
    const result = scoreCompetition(competition(rubric, entries, rows), { asOf: '2026-11-22' });
    it(`${name}: the pieces joined are formatJson's text, at any number of entries a piece`, () => {
      const whole = formatJson(result, opts);
      for (const size of [1, 2, 3, 256, 1 << 20])
        expect(joined(formatJsonChunks(result, opts, { pieceSize: size }))).toBe(whole);
    });
    it(`${name}: a piece size of one byte makes a piece per entry, each entry whole in one`, () => {
      const pieces = [...formatJsonChunks(result, opts, { pieceSize: 1 })].map((p) => Buffer.from(p).toString('utf8'));
      // the frame up to the entries with the first entry, one piece per further entry, then the rest of the frame
      expect(pieces).toHaveLength(entries.length + 1);
      expect(pieces[1]).toContain('"id": "Q"');
      expect(JSON.parse(pieces.join('')).entries.map((e: { id: string }) => e.id)).toEqual(['P', 'Q', 'R', 'S', 'U']);
    });
  }

  it(`with reuse, pieces share a buffer; each read before the next is asked for, they are formatJson's text`, () => {
    const result = scoreCompetition(competition(plain, entries, rows), { asOf: '2026-11-22' });
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for (const piece of formatJsonChunks(result, opts, { pieceSize: 1, reuse: true })) {
      copies.push(Buffer.from(piece)); // a copy, made before the next piece overwrites it
      buffers.add(piece.buffer);
    }
    expect(copies).toHaveLength(entries.length + 1);
    expect(buffers.size).toBeLessThan(copies.length); // one buffer, replaced only when an entry outgrows it
    expect(Buffer.concat(copies).toString('utf8')).toBe(formatJson(result, opts));
  });

  it('a report with no entries is one piece', () => {
    const result = scoreCompetition(competition(plain, [], []), { asOf: '2026-11-22' });
    const pieces = [...formatJsonChunks(result, opts, { pieceSize: 1 })];
    expect(pieces).toHaveLength(1);
    expect(joined(pieces)).toBe(formatJson(result, opts));
  });
});

describe('formatJsonChunks writes each entry as JSON.stringify would', () => {
  const result = scoreCompetition(competition(grouped, entries, rows), { asOf: '2026-11-22' });
  const base = result.entries[0]!;
  const like = (fields: Partial<EntryResult>): EntryResult => ({ ...base, ...fields });
  /** formatJsonChunks' text and formatJson's for a result showing these entries. */
  const both = (shown: EntryResult[], size = 1 << 20) => {
    const r: ScoreResult = withEntries(result, shown);
    return { pieces: joined(formatJsonChunks(r, opts, { pieceSize: size })), whole: formatJson(r, opts) };
  };

  it('odd text: non-ASCII, emoji, lone surrogates, control characters, quotes, backslashes, empty', () => {
    const texts = [
      'Inovasi 🚀 “Sipandu” — Café',
      'lone \ud800 high',
      'lone \udc00 low',
      'ends high \udbff',
      'tab\tnewline\ncr\rnul\u0000bell\u0007esc\u001bdel\u007f',
      'quote " and slash /',
      'backslash \\ alone',
      // one control character alone in each text, so that none hides another
      ...Array.from({ length: 32 }, (_, c) => `control ${String.fromCharCode(c)} alone`),
      '',
      '＝1+1 full width',
      '\u2028 line and paragraph \u2029 separators',
    ];
    const shown = texts.map((t, i) =>
      like({
        id: `X${i}${t}`,
        title: t,
        agency: t,
        category: t,
        group: t,
        reasons: [t],
        shortlists: [t, ''],
        flags: [],
      }),
    );
    const { pieces, whole } = both(shown);
    expect(pieces).toBe(whole);
    expect(JSON.parse(pieces).entries[0].title).toBe(texts[0]);
  });

  it('odd numbers: -0, tiny, huge, integers, many decimals, not finite, null totals and ranks', () => {
    const numbers = [
      -0,
      0,
      1,
      -1,
      100,
      1e-7,
      1e-6,
      0.000001,
      1.5e-6,
      1e21,
      1e20,
      123456789012,
      2 ** 53,
      -(2 ** 31),
      95.333333,
      0.1 + 0.2,
      66.666667,
      -12.5,
      999999999.999999,
      1e9,
      5e-324,
      Number.MAX_VALUE,
      NaN,
      Infinity,
      -Infinity,
    ];
    const shown = numbers.map((n, i) =>
      like({
        id: `N${i}`,
        total: n,
        rank: i % 2 === 0 ? null : n,
        category_rank: null,
        judges: n,
        criteria: { novelty: n, benefit: -n },
      }),
    );
    shown.push(like({ id: 'N-null', total: null, rank: null, category_rank: null, group: null, criteria: {} }));
    const { pieces, whole } = both(shown);
    expect(pieces).toBe(whole);
  });

  it('stages, empty arrays and objects, criteria named like numbers', () => {
    const shown = [
      like({
        id: 'S1',
        stages: { awal: { total: 12.5, rank: 3 }, akhir: { total: null, rank: null } },
        criteria: { '2': 1.25, a: 2, '1': 3 },
      }),
      like({ id: 'S2', stages: {}, criteria: {}, reasons: [], shortlists: [], flags: [] }),
      like({ id: 'S3', reasons: ['too-few-judges', 'total'], flags: ['incomplete', 'ineligible'] }),
    ];
    const { pieces, whole } = both(shown, 1);
    expect(pieces).toBe(whole);
  });

  it('a field JSON leaves out (undefined) is left out here too', () => {
    const odd = like({ id: 'U1' }) as unknown as Record<string, unknown>;
    odd.title = undefined;
    odd.stages = undefined;
    odd.criteria = { novelty: undefined, benefit: 5 };
    const { pieces, whole } = both([odd as unknown as EntryResult]);
    expect(pieces).toBe(whole);
  });

  it('any number reads as String(n) writes it (random doubles and six-decimal figures)', () => {
    const figure = fc.oneof(
      fc.double(),
      fc.integer({ min: -1e15, max: 1e15 }).map((m) => m / 1e6),
      fc.integer({ min: 0, max: 100_000_000 }).map((m) => Math.round(m) / 1e6),
      fc.integer(),
    );
    fc.assert(
      fc.property(fc.array(figure, { minLength: 1, maxLength: 40 }), (values) => {
        const criteria = Object.fromEntries(values.map((v, i) => [`c${i}`, v]));
        const { pieces, whole } = both([like({ id: 'R', total: values[0]!, criteria })]);
        expect(pieces).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });
});
