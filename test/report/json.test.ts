/**
 * The JSON report written in pieces (stdout of `kipp score --format json`): joined, the pieces
 * are the one-string report byte for byte, whatever the piece size, with and without groups.
 */
import { describe, expect, it } from 'vitest';
import { formatJson, formatJsonChunks } from '../../src/report/json.js';
import type { ReportOptions } from '../../src/report/options.js';
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
const rows = scoreRows({ P: { J1: [9, 9] }, Q: { J1: [7, 7] }, R: { J1: [7, 7] }, S: { J1: [5, 5] } }, ['novelty', 'benefit']);

describe('formatJsonChunks', () => {
  for (const [name, rubric] of [['without groups', plain], ['with groups', grouped]] as const) {
    const result = scoreCompetition(competition(rubric, entries, rows), { asOf: '2026-11-22' });
    it(`${name}: the pieces joined are formatJson's text, at any number of entries a piece`, () => {
      const whole = formatJson(result, opts);
      for (const size of [1, 2, 3, 256]) expect([...formatJsonChunks(result, opts, size)].join('')).toBe(whole);
    });
    it(`${name}: one entry a piece makes a piece per entry, each entry whole in one`, () => {
      const pieces = [...formatJsonChunks(result, opts, 1)];
      // the frame up to the entries with the first entry, one piece per further entry, then the rest of the frame
      expect(pieces).toHaveLength(entries.length + 1);
      expect(pieces[1]).toContain('"id": "Q"');
      expect(JSON.parse(pieces.join('')).entries.map((e: { id: string }) => e.id)).toEqual(['P', 'Q', 'R', 'S', 'U']);
    });
  }

  it('a report with no entries is one piece', () => {
    const result = scoreCompetition(competition(plain, [], []), { asOf: '2026-11-22' });
    expect([...formatJsonChunks(result, opts, 1)]).toEqual([formatJson(result, opts)]);
  });
});
