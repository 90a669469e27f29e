/**
 * The terminal table and the Markdown report: bars, colour (only when allowed), tie markers,
 * cut lines and width-aware layout, on a small competition stated in the test.
 */
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/score/markdown.js';
import type { ReportOptions } from '../../src/report/score/options.js';
import { formatTable, totalBar } from '../../src/report/score/table.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { competition, entry, rubricFrom, scoreRows } from '../helpers.js';

const rubric = rubricFrom(`
name: Uji
scale: { min: 1, max: 10 }
criteria: { novelty: { weight: 50 }, benefit: { weight: 50 } }
thresholds: { total: 50 }
shortlists:
  - { name: top-2, size: 2, label: { id: Dua Terbaik, en: Best two } }
`);
// Totals 100·(mean−1)/9: P 88.89; Q, R 66.67 (tied); S 44.44 (below 50); U has no scores.
const result = scoreCompetition(
  competition(
    rubric,
    [
      entry({ id: 'P', title: 'Sistem Informasi Pelayanan Terpadu Satu Pintu Kabupaten Banyuwangi' }),
      entry({ id: 'Q', title: 'Jemput Bola' }),
      entry({ id: 'R', title: 'Sapa Warga' }),
      entry({ id: 'S', title: 'Lorong Wisata' }),
      entry({ id: 'U', title: 'Smart Kampung' }),
    ],
    scoreRows({ P: { J1: [9, 9] }, Q: { J1: [7, 7] }, R: { J1: [7, 7] }, S: { J1: [5, 5] } }, ['novelty', 'benefit']),
  ),
  { asOf: '2026-11-22' },
);
const opts = (over: Partial<ReportOptions> = {}): ReportOptions => ({
  lang: 'en',
  color: false,
  width: 160,
  version: '9.9.9',
  ...over,
});
const ESC = '\u001b[';
const rowOf = (table: string, id: string) => table.split('\n').find((l) => l.includes(`│ ${id} `))!;

describe('totalBar', () => {
  it('draws eighths of a 10-character bar', () => {
    expect(totalBar(100)).toBe('██████████');
    expect(totalBar(0)).toBe('          ');
    expect(totalBar(55)).toBe('█████▌    '); // 5.5 cells = 5 full + 4/8
    expect(totalBar(null)).toBe('          ');
  });
});

describe('the terminal table', () => {
  it('without colour: no escape codes, ties as "=", the cut line under the last member', () => {
    const table = formatTable(result, opts());
    expect(table).not.toContain(ESC);
    expect(rowOf(table, 'Q')).toMatch(/^│ 2=\s+│ Q /);
    expect(rowOf(table, 'R')).toMatch(/^│ 2=\s+│ R /);
    const lines = table.split('\n');
    const cut = lines.findIndex((l) => l.includes('✂'));
    expect(lines[cut - 1]).toBe(rowOf(table, 'R'));
    expect(lines[cut]).toMatch(/^│ ✂ Best two — cut line: 3\/2 — tie at the cut-off: the jury must decide\s+│$/);
    expect(table).toContain('= shares its rank (tie)');
  });

  it('with colour: green for shortlisted, yellow below a pass mark, dim when not ranked, the tie marker highlighted', () => {
    const table = formatTable(result, opts({ color: true }));
    expect(rowOf(table, 'P')).toContain(`${ESC}32m88.89 `); // green
    expect(rowOf(table, 'S')).toContain(`${ESC}33m44.44 `); // yellow
    expect(rowOf(table, 'S')).toContain(`${ESC}33mbelow threshold: total`);
    expect(rowOf(table, 'U')).toContain(`${ESC}2mincomplete`); // dim
    expect(rowOf(table, 'Q')).toMatch(/^│ 2\u001b\[36m\u001b\[1m=/);
  });

  it('wide: a bar for the total and the criteria; the long title whole', () => {
    const table = formatTable(result, opts({ width: 200 }));
    expect(rowOf(table, 'P')).toContain('88.89 ████████▉ ');
    expect(table.split('\n')[1]).toMatch(/│ Novelty │ Benefit │/);
    expect(rowOf(table, 'P')).toContain(
      'Sistem Informasi Pelayanan Terpadu Satu Pintu Kabupaten Banyuwangi'.slice(0, 50 - 1),
    );
  });

  it('#17.12: narrower: shorter criterion headers, then no bar, then shorter headers and text columns, then no criteria, then a list; never wider than the terminal', () => {
    // Columns here (width + 3 each, + 1 for the last border): rank 4 ("Rank"; 2 as "#"), id 2,
    // category 10, total 5 (16 with the bar), shortlists 10, status 26; criteria 7 each with
    // full headers ("Novelty", "Benefit"), 4 short ("Nov…"). A layout fits when the table with
    // the title at its least (24, or 16 / 12 in the tight layouts) is no wider than the terminal:
    //   full + bar: others 107, needs 134 · short + bar: 101 → 128 · short: 90 → 117
    //   short, "#", tight: 88 → 107 · no criteria: 74 → 101 · tight: 74 → 93 · tightest: 68 → 83
    // The title then gets the rest, up to its longest (50): 200 → 50, 130 → 26, 120 → 27,
    // 110 → 19, 100 → 23 (tight: 100 − 74 − 3); below 83 no table fits: the list.
    const seen = [200, 130, 120, 110, 100, 80, 60, 40].map((width) => {
      const table = formatTable(result, opts({ width }));
      const longest = Math.max(...table.split('\n').map((l) => [...l].length));
      const head = table.split('\n')[1]!;
      const drawn = table.startsWith('┌');
      const title = drawn ? [...rowOf(table, 'P').split('│')[3]!.trim()].length : null;
      const criteria = head.includes('│ Novelty │') ? 'full' : head.includes('│ Nov… │') ? 'short' : 'none';
      return { width, fits: longest <= width, drawn, bar: table.includes('█'), criteria, title };
    });
    expect(seen).toEqual([
      { width: 200, fits: true, drawn: true, bar: true, criteria: 'full', title: 50 },
      { width: 130, fits: true, drawn: true, bar: true, criteria: 'short', title: 26 },
      { width: 120, fits: true, drawn: true, bar: false, criteria: 'short', title: 27 },
      { width: 110, fits: true, drawn: true, bar: false, criteria: 'short', title: 19 },
      { width: 100, fits: true, drawn: true, bar: false, criteria: 'none', title: 23 },
      { width: 80, fits: true, drawn: false, bar: false, criteria: 'none', title: null },
      { width: 60, fits: true, drawn: false, bar: false, criteria: 'none', title: null },
      { width: 40, fits: true, drawn: false, bar: false, criteria: 'none', title: null },
    ]);
    // shortened headers are spelled out under the table; a cut title ends with an ellipsis,
    // never silently; hidden criteria are said so
    expect(formatTable(result, opts({ width: 130 }))).toContain('Nov… Novelty · Ben… Benefit');
    expect(rowOf(formatTable(result, opts({ width: 100 })), 'P')).toContain('│ Sistem Informasi Pelay… │');
    expect(formatTable(result, opts({ width: 100 }))).toContain('criteria hidden to fit the terminal');
    // the list: rank, id, total, then the title and the status, cut to the line
    const list = formatTable(result, opts({ width: 60 })).split('\n');
    expect(list[0]).toBe(' #  ID  Total  Title · Shortlists · Status');
    expect(list).toContain(' 4  S   44.44  Lorong Wisata · below threshold: total');
    expect(list).toContain('2=  R   66.67  Sapa Warga · Best two');
    expect(list[list.indexOf('2=  R   66.67  Sapa Warga · Best two') + 1]).toBe(
      '✂ Best two — cut line: 3/2 — tie at the cut-off: the jury m…',
    );
  });

  it('says it in Indonesian', () => {
    const table = formatTable(result, opts({ lang: 'id' }));
    expect(table).toContain('Peringkat');
    expect(table).toContain('✂ Dua Terbaik — batas: 3/2 — seri di batas: juri harus memutuskan');
    expect(table).toContain('= peringkat sama (seri)');
  });
});

describe('the Markdown report', () => {
  const md = formatMarkdown(result, opts());
  it('is a GitHub table with the cut line as its own row, ▼ on failed marks and a legend', () => {
    const lines = md.split('\n');
    const cut = lines.findIndex((l) => l.startsWith('| ✂ |'));
    expect(lines[cut - 1]).toMatch(/^\| 2= \| R \|/);
    expect(lines[cut]).toBe('| ✂ | | **Best two — cut line: 3/2 — tie at the cut-off: the jury must decide** |');
    expect(lines.find((l) => l.startsWith('| 4 | S |'))).toContain('| 44.44 ▼ |');
    expect(md).toContain('**5** entries · **4** ranked · **3** passed · **1** not ranked');
    expect(md).toContain('- **Best two**: 3/2 — ⚠️ tie at the cut-off: the jury must decide');
    expect(md).toContain('<sub>= shares its rank (tie) · ▼ below threshold · ✂ cut line</sub>');
  });
  it('escapes pipes and angle brackets from the inputs', () => {
    const evil = scoreCompetition(
      competition(
        rubric,
        [entry({ id: 'X', title: 'A | B <script>' })],
        scoreRows({ X: { J1: [5, 5] } }, ['novelty', 'benefit']),
      ),
      { asOf: '2026-11-22' },
    );
    expect(formatMarkdown(evil, opts())).toContain('| A \\| B &lt;script&gt; |');
  });
});
