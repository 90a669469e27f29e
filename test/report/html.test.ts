/**
 * The HTML report as text: escaping, the no-network guarantees, both languages, ties, failed
 * pass marks, cut lines and the heatmap, on small competitions stated in the test.
 * (The page's behaviour in a browser: html.browser.test.ts.)
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutLines, linesForList } from '../../src/report/score/cuts.js';
import { formatHtml, heatColour, luminance, renderHtml, type PanelView } from '../../src/report/score/html.js';
import type { ReportOptions } from '../../src/report/score/options.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { kippIn } from '../cli/run.js';
import { competition, entry, rubricFrom, scoreRows } from '../helpers.js';
import { tempFolder } from '../tmp.js';

const C = ['a', 'b'];
const rubric = rubricFrom(`
name: Uji <Laporan>
scale: { min: 1, max: 10 }
criteria: { a: { weight: 50, label: { id: Kebaruan, en: Novelty } }, b: { weight: 50 } }
thresholds: { total: 50, criteria: { a: 5 } }
tie_break: [a]
shortlists:
  - { name: top-2, size: 2, label: { id: Dua Terbaik, en: Best two } }
  - { name: best-1, size: 1, per_category: true }
`);
// Totals (100·(mean−1)/9): P 88.89, Q and R 66.67 (tied on total and on a), S 44.44 (below 50),
// T has a = 4 < 5 with total 55.56 (fails the criterion mark).
const result = scoreCompetition(
  competition(
    rubric,
    [
      entry({
        id: 'P',
        title: '<img src=x onerror=alert(1)>',
        agency: 'Dinas "Kominfo" & Statistik',
        category: 'inclusive',
      }),
      entry({ id: 'Q', title: 'Jemput Bola', category: 'governance' }),
      entry({ id: 'R', title: 'Sapa Warga', category: 'inclusive' }),
      entry({ id: 'S', title: 'Lorong Wisata', category: 'governance' }),
      entry({ id: 'T', title: 'Smart Kampung', category: 'collaboration' }),
    ],
    scoreRows({ P: { J1: [9, 9] }, Q: { J1: [7, 7] }, R: { J1: [7, 7] }, S: { J1: [5, 5] }, T: { J1: [4, 8] } }, C),
  ),
  { asOf: '2026-11-22' },
);
const options = (lang: 'en' | 'id'): ReportOptions => ({ lang, color: false, width: 120, version: '9.9.9' });

describe('the scored example the tests use', () => {
  it('ranks as computed by hand', () => {
    expect(result.entries.map((e) => [e.id, e.rank, e.tied, e.passed])).toEqual([
      ['P', 1, false, true],
      ['Q', 2, true, true],
      ['R', 2, true, true],
      ['T', 4, false, false],
      ['S', 5, false, false],
    ]);
    expect(result.shortlists.find((s) => s.name === 'top-2')).toEqual({
      name: 'top-2',
      size: 2,
      taken: 3,
      cutoff_tie: true,
    });
  });
});

describe('cut lines', () => {
  const lines = cutLines(result);
  it('fall under the last member of each shortlist; per category, one per category', () => {
    expect(lines).toEqual([
      { shortlist: 'top-2', afterId: 'R', taken: 3, size: 2, cutoffTie: true },
      { shortlist: 'best-1', afterId: 'P', taken: 1, size: 1, category: 'inclusive', cutoffTie: false },
      { shortlist: 'best-1', afterId: 'Q', taken: 1, size: 1, category: 'governance', cutoffTie: false },
    ]);
  });
  it("a list holds the unscoped lines, and a category's lines only when it shows that category alone", () => {
    expect(linesForList(lines, result.entries).map((l) => `${l.shortlist}/${l.category ?? ''}`)).toEqual(['top-2/']);
    const governance = result.entries.filter((e) => e.category === 'governance');
    expect(linesForList(lines, governance).map((l) => `${l.shortlist}/${l.category ?? ''}`)).toEqual([
      'top-2/',
      'best-1/governance',
    ]);
  });
});

describe('the page', () => {
  const en = formatHtml(result, options('en'));
  const id = formatHtml(result, options('id'));

  it('escapes every text from the inputs', () => {
    expect(en).not.toContain('<img');
    expect(en).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(en).toContain('Dinas &quot;Kominfo&quot; &amp; Statistik');
    expect(en).toContain('<title>Uji &lt;Laporan&gt; — Score report</title>');
  });

  it('cannot reach the network: CSP forbids it, the one script is allowed by its hash, nothing is linked', () => {
    const csp = en.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)![1]!;
    expect(csp).toContain("default-src 'none'");
    const scripts = [...en.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}'`);
    const links = [...en.matchAll(/\b(?:src|href|action)="([^"]*)"/g)].map((m) => m[1]!);
    expect(links.every((l) => l.startsWith('#') || l.startsWith('data:'))).toBe(true);
    expect(en).not.toMatch(/@import|url\(/);
  });

  it('is the same bytes for the same inputs (no timestamp unless SOURCE_DATE_EPOCH)', () => {
    expect(formatHtml(result, options('en'))).toBe(en);
    expect(en).not.toContain('Generated');
    expect(formatHtml(result, { ...options('en'), generated: '2023-11-14T22:13:20.000Z' })).toContain(
      '<time datetime="2023-11-14T22:13:20.000Z">',
    );
  });

  it('says everything in the chosen language', () => {
    expect(id).toMatch(/^<!doctype html>\n<html lang="id">/);
    for (const english of [
      'Score report',
      'Ranking',
      'Score distribution',
      'By category',
      'The judges',
      'Reference date',
      'Input files',
      'All categories',
      'cut line',
      'below the pass mark',
      'Showing {n}',
    ]) {
      expect(en).toContain(english);
      expect(id).not.toContain(english);
    }
    for (const indonesian of [
      'Laporan penilaian',
      'Sebaran nilai',
      'Per kategori',
      'Dewan juri',
      'Tanggal acuan',
      'Semua kategori',
      'batas Dua Terbaik',
      'Menampilkan {n} dari {m} proposal',
    ])
      expect(id).toContain(indonesian);
    // criterion and shortlist labels from the rubric, in each language
    expect(id).toContain('>Kebaruan</button>');
    expect(en).toContain('>Novelty</button>');
  });

  it('marks ties, failed pass marks and the cut line with its tie', () => {
    const row = (page: string, id: string) =>
      page.match(new RegExp(`<tr class="[^"]*" data-id="${id}"[\\s\\S]*?</tr>`))![0];
    expect(row(en, 'Q')).toContain(
      '<td class="num rank">2<span class="tie" title="shares its rank with another entry" aria-hidden="true">=</span><span class="visually-hidden"> (tied)</span></td>',
    );
    expect(row(en, 'P')).not.toContain('class="tie"');
    // T fails on criterion a (4 < 5): the a cell is marked, the total is not
    expect(row(en, 'T')).toMatch(/^<tr class="entry failed"/);
    expect(row(en, 'T')).toMatch(/<td class="num below">4\.00 <span class="fail-mark"/);
    expect(row(en, 'T')).toMatch(/<td class="num total">55\.56<span class="bar total"/);
    expect(row(en, 'S')).toMatch(/<td class="num total below">44\.44 <span class="fail-mark"/);
    // the top-2 line sits right under R and says the jury must decide
    expect(en).toMatch(
      /data-id="R"[^\n]*<\/tr>\n<tr class="cut tie" data-shortlist="top-2"><td colspan="\d+">✂ cut line of Best two: 3 taken for 2 places — tie at the cut-off: the jury must decide<\/td><\/tr>/,
    );
    // per-category lines wait (hidden) until their category is chosen
    expect(en).toContain('<tr class="cut" data-shortlist="best-1" data-category="governance" hidden>');
  });

  it('shows numbers with a decimal comma in Indonesian', () => {
    expect(en).toContain('>88.89<');
    expect(id).toContain('>88,89<');
    // sort keys stay machine numbers
    expect(id).toContain('data-s-total="88.888889"');
  });

  it('--output report.html writes the page; --format html prints it', async () => {
    const dir = tempFolder('kipp-html-cli-');
    try {
      const args = [
        'score',
        'fixtures/example/entries.csv',
        '--scores',
        'fixtures/example/scores-long.csv',
        'fixtures/example/scores-wide.csv',
        '--judges',
        'fixtures/example/judges.csv',
        '--as-of',
        '2026-11-22',
      ];
      const toFile = await kippIn([...args, '--output', join(dir, 'laporan.HTML'), '--lang', 'id']);
      expect(toFile.status).toBe(0);
      expect(toFile.stdout).toBe('');
      const page = readFileSync(join(dir, 'laporan.HTML'), 'utf8');
      expect(page).toMatch(/^<!doctype html>\n<html lang="id">/);
      expect(page.match(/<tr class="entry /g)).toHaveLength(48);
      const printed = await kippIn([...args, '--format', 'html']);
      expect(printed.status).toBe(0);
      expect(printed.stdout).toMatch(/^<!doctype html>\n<html lang="en">/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('groups', () => {
  const grouped = rubricFrom(`
name: Uji kelompok
scale: { min: 1, max: 10 }
criteria: { a: { weight: 50 }, b: { weight: 50 } }
groups:
  general: { label: { id: Umum, en: General } }
  replication: { label: { id: Replikasi, en: Replication } }
shortlists:
  - { name: top-general, size: 1, group: general }
`);
  const r = scoreCompetition(
    competition(
      grouped,
      [
        entry({ id: 'G1', group: 'general' }),
        entry({ id: 'R1', group: 'replication' }),
        entry({ id: 'G2', group: 'general' }),
      ],
      scoreRows({ G1: { J1: [8, 8] }, R1: { J1: [9, 9] }, G2: { J1: [6, 6] } }, C),
    ),
    { asOf: '2026-11-22' },
  );
  const page = formatHtml(r, options('id'));
  it("adds a group column and filter, and scopes the group shortlist's cut line to its group", () => {
    expect(page).toContain(
      '<select name="group"><option value="">Semua kelompok</option><option value="general">Umum</option><option value="replication">Replikasi</option></select>',
    );
    expect(page).toContain('data-id="R1" data-category="governance" data-group="replication"');
    // ranks: R1 (9), G1 (8), G2 (6); the general shortlist takes G1 only: its line under G1, shown with group "general" chosen
    expect(page).toMatch(
      /data-id="G1"[^\n]*<\/tr>\n<tr class="cut" data-shortlist="top-general" data-group="general" hidden>/,
    );
  });
});

describe('the judges panel', () => {
  const panel: PanelView = {
    judges: [
      {
        id: 'J1',
        scored: 10,
        mean: 7,
        bias: 0.2,
        agreement: 0.9,
        conflicts: 0,
        flags: [],
        bias_by_criterion: { a: 0.3, b: 0.1 },
      },
      {
        id: 'J2',
        scored: 10,
        mean: 5,
        bias: -1.2,
        agreement: 0.7,
        conflicts: 1,
        flags: ['harsh'],
        bias_by_criterion: { a: -1.5, b: -0.5 },
      },
    ],
    agreement: { icc: 0.71, kendall_w: null, icc_form: 'ICC(1)' },
    coverage: { entries: 5, min_judges: 1, max_judges: 1, connected: false },
    disagreements: [{ entry_id: 'T', criterion: 'a', spread: 4 }],
  };
  const page = renderHtml(result, options('en'), panel);

  it('outlines the cells past the harsh/lenient mark (10% of the 1–10 span = 0.9) and lists the flagged judge', () => {
    expect(page).toMatch(/<td class="h flag" style="[^"]+" data-bias="-1.5">−1\.50<\/td>/);
    expect(page).toMatch(/<td class="h" style="[^"]+" data-bias="-0.5">−0\.50<\/td>/);
    expect(page).toContain(
      '<li><strong class="mono">J2</strong>: <span class="flag-harsh">harsh</span> (Bias −1.20)</li>',
    );
    expect(page).toContain('Kendall&#39;s W</dt><dd>n/a</dd>');
    expect(page).toContain('<span class="warn">no</span>');
    expect(page).toMatch(/<td class="mono">T<\/td><td>Smart Kampung<\/td><td>Novelty<\/td><td class="num">4\.00/);
  });

  it('without scores the section says so', () => {
    expect(renderHtml(result, options('id'), null)).toContain('<p>Belum ada nilai.</p>');
  });
});

describe('heatmap colours', () => {
  const contrast = (bg: string, fg: string) => {
    const rgb = (s: string) =>
      s === '#000' ? [0, 0, 0] : s === '#fff' ? [255, 255, 255] : s.match(/\d+/g)!.map(Number);
    const [l1, l2] = [luminance(rgb(bg)), luminance(rgb(fg))].sort((x, y) => y - x) as [number, number];
    return (l1 + 0.05) / (l2 + 0.05);
  };
  it('white at no bias, orange when harsh, blue when lenient', () => {
    expect(heatColour(0, 2).background).toBe('rgb(255,255,255)');
    expect(heatColour(-2, 2).background).toBe('rgb(179,88,6)');
    expect(heatColour(5, 2).background).toBe('rgb(33,102,172)');
  });
  it('keeps the text readable (WCAG AA, 4.5:1) at every shade', () => {
    for (let b = -2; b <= 2; b += 0.05) {
      const { background, color } = heatColour(b, 2);
      expect(contrast(background, color)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('a rubric with stages (KIPP 2025 fixture)', () => {
  it('shows each stage total and rank as a sortable column, marking a total under the pass mark', async () => {
    const S = 'fixtures/stages';
    const run = await kippIn([
      'score',
      `${S}/entries.csv`,
      '--scores',
      `desk=${S}/scores-desk.csv`,
      `presentation=${S}/scores-presentation.csv`,
      '--judges',
      `${S}/judges.csv`,
      '--rubric',
      'rubrics/kipp-2025.yaml',
      '--as-of',
      '2025-06-30',
      '--format',
      'html',
    ]);
    expect(run.status).toBe(0);
    const html = run.stdout;
    // The heading as a sort button, and as plain text for paper (#17.15: a button stops Chromium repeating the header row).
    expect(html).toMatch(
      /<th scope="col" data-key="s0"[^>]*><button type="button" class="sort">Desk evaluation<\/button><span class="print-label" aria-hidden="true">Desk evaluation<\/span><\/th>/,
    );
    expect(html).toMatch(/data-key="s1"[^>]*><button type="button" class="sort">Presentation and interview</);
    // K25-004: desk 87.777778 (#4), presentation 100 (#1) — test/cli/profiles.test.ts works them out
    const row = html.split('\n').find((l) => l.includes('data-id="K25-004"'))!;
    expect(row).toContain('data-s-s0="87.777778"');
    expect(row).toContain('data-s-s1="100"');
    expect(row).toContain('87.78 <span class="muted srank">#4</span>');
    // K25-005: desk 78.888889 under the pass mark of 85
    const failed = html.split('\n').find((l) => l.includes('data-id="K25-005"'))!;
    expect(failed).toMatch(/<td class="num below">78\.89.*<span class="muted srank">#5<\/span><\/td>/);
  });
});

describe('#22: the page written in pieces', () => {
  // 1,234 entries: the ranking's rows go out 500 at a time, with the cut lines of a Top 501 and
  // a Top 1000 falling right after a piece's last row and inside one.
  const big = rubricFrom(`
name: Besar
scale: { min: 1, max: 10 }
criteria: { a: { weight: 50 }, b: { weight: 50 } }
shortlists:
  - { name: top-501, size: 501 }
  - { name: top-1000, size: 1000 }
`);
  const ids = Array.from({ length: 1234 }, (_, i) => `E${String(i + 1).padStart(4, '0')}`);
  const scores: Record<string, Record<string, number[]>> = {};
  ids.forEach((id, i) => (scores[id] = { J1: [1 + (i % 10), 1 + ((i * 7) % 10)], J2: [1 + ((i * 3) % 10), 5] }));
  const result = scoreCompetition(
    competition(
      big,
      ids.map((id, i) => entry({ id }, i + 2)),
      scoreRows(scores, ['a', 'b']),
    ),
  );

  it('gives the bytes of the one-string page, every row and cut line once', async () => {
    const { formatHtmlPieces } = await import('../../src/report/score/html.js');
    const pieces = [...formatHtmlPieces(result, options('en'))];
    const whole = formatHtml(result, options('en'));
    expect(Buffer.concat(pieces).equals(Buffer.from(whole, 'utf8'))).toBe(true);
    // the rows, counted on the page: one per entry, and the two cut lines
    expect(whole.match(/<tr [^>]*data-id=/g)?.length).toBe(1234);
    expect(whole.match(/<tr class="cut[ "]/g)?.length).toBe(2);
    // the ranking's body: one row a line, 1,234 entries and 2 cut lines, nothing between them
    const body = /<table id="ranking-table"[\s\S]*?<tbody>\n([\s\S]*?)\n<\/tbody>/.exec(whole)![1]!;
    const lines = body.split('\n');
    expect(lines.length).toBe(1236);
    expect(lines.filter((l) => !/^<tr [^\n]*<\/tr>$/.test(l) || l.includes('</tr><tr'))).toEqual([]);
  });
});
