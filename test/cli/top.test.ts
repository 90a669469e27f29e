/**
 * Issue 17.3: `kipp score --top N` never hides half of a tie and always says "showing N of M",
 * in every format. The shipped example has 48 entries, a unique rank 3 (KIPP-2018-020) and a
 * two-way tie at rank 4 (KIPP-2018-017 and KIPP-2018-031 hold identical scores from the same
 * judges; test/cli/score.test.ts shows it), then rank 6.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_INPUTS, kippIn, ROOT } from './run.js';
import { tempFolder } from '../tmp.js';

const EX = 'fixtures/example';
const INPUTS = [...EXAMPLE_INPUTS, '--as-of', '2026-11-22'];
const TIE = ['KIPP-2018-017', 'KIPP-2018-031'];
const TIE_LINE = 'showing 5 of 48 entries — 2 entries tie at rank 4 for 1 place of --top 4, all shown';

/** The example rubric with a Top 4 instead of the Top 45: its cut-off falls inside the rank-4 tie. */
function top4Rubric(): string {
  const dir = tempFolder('kipp-top-');
  const yaml = readFileSync(join(ROOT, EX, 'rubric-top45.yaml'), 'utf8').replace(
    '- { name: top-45, size: 45, label: { id: Top 45, en: Top 45 } }',
    '- { name: top-4, size: 4, label: { id: Top 4, en: Top 4 } }',
  );
  expect(yaml).toContain('top-4,');
  writeFileSync(join(dir, 'rubric.yaml'), yaml);
  return join(dir, 'rubric.yaml');
}

describe('#17.3: --top N extends through the entries tied with the N-th and says showing N of M', () => {
  it('#17.3 terminal table: both entries at rank 4 are shown, with the footer', async () => {
    const r = await kippIn(['score', ...INPUTS, '--top', '4'], { env: { COLUMNS: '200' } });
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^│ \d/.test(l));
    expect(rows).toHaveLength(5);
    for (const id of TIE) expect(rows.some((l) => l.includes(`│ ${id} │`) && /^│ 4=/.test(l))).toBe(true);
    expect(r.stdout).toContain(TIE_LINE);
  });

  it('#17.3 --top at a place no tie crosses shows exactly N (3; and 5, where the tie ends at the 5th)', async () => {
    const three = await kippIn(['score', ...INPUTS, '--top', '3']);
    expect(three.stdout.split('\n').filter((l) => /^│ \d/.test(l))).toHaveLength(3);
    expect(three.stdout).toContain('showing 3 of 48 entries\n');
    const five = JSON.parse((await kippIn(['score', ...INPUTS, '--top', '5', '--format', 'json'])).stdout);
    expect(five.entries.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 3, 4, 4]);
    expect(five.selection).toEqual({ category: null, top: 5, shown: 5, of: 48, tie: null });
  });

  it("the summary's counts are the year's, not the shown entries' (table, Markdown, HTML)", async () => {
    // Counted here from the whole report: a --top list's summary said "3 entries, 3 ranked".
    // With the long sheet alone, half the example's entries have no scores and are not ranked.
    const year = [
      `${EX}/entries.csv`,
      '--scores',
      `${EX}/scores-long.csv`,
      '--judges',
      `${EX}/judges.csv`,
      '--as-of',
      '2026-11-22',
    ];
    const all = JSON.parse((await kippIn(['score', ...year, '--format', 'json'])).stdout).entries as {
      rank: number | null;
      passed: boolean;
    }[];
    const ranked = all.filter((e) => e.rank !== null).length;
    const passed = all.filter((e) => e.passed).length;
    const unranked = all.length - ranked;
    expect(unranked).toBeGreaterThan(0);
    const table = await kippIn(['score', ...year, '--top', '3'], { env: { COLUMNS: '200' } });
    expect(table.stdout).toContain(
      `${all.length} entries, ${ranked} ranked, ${unranked} not ranked\nshowing 3 of 48 entries`,
    );
    const md = await kippIn(['score', ...year, '--top', '3', '--format', 'md']);
    expect(md.stdout).toContain(
      `**${all.length}** entries · **${ranked}** ranked · **${passed}** passed · **${unranked}** not ranked`,
    );
    const html = await kippIn(['score', ...year, '--top', '3', '--format', 'html']);
    const cards = [...html.stdout.matchAll(/<li><span class="n">(\d+)<\/span>/g)].slice(0, 4).map((m) => Number(m[1]));
    expect(cards).toEqual([all.length, ranked, passed, unranked]);
  });

  it('#17.3 JSON holds the selection in data, and says it on stderr', async () => {
    const r = await kippIn(['score', ...INPUTS, '--top', '4', '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(
      report.entries
        .map((e: { id: string }) => e.id)
        .slice(3)
        .sort(),
    ).toEqual(TIE);
    expect(report.selection).toEqual({
      category: null,
      top: 4,
      shown: 5,
      of: 48,
      tie: { rank: 4, entries: 2, places: 1 },
    });
    expect(r.stderr).toContain(`kipp score: ${TIE_LINE}`);
  });

  it('#17.3 without --top or --category, the JSON selection is the whole competition and nothing is said', async () => {
    const r = await kippIn(['score', ...INPUTS, '--format', 'json']);
    expect(JSON.parse(r.stdout).selection).toEqual({ category: null, top: null, shown: 48, of: 48, tie: null });
    expect(r.stderr).not.toContain('showing');
  });

  it('#17.3 CSV: five data rows (the tie whole), the count on stderr', async () => {
    const r = await kippIn(['score', ...INPUTS, '--top', '4', '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(6); // header + 5
    for (const id of TIE) expect(lines.some((l) => l.includes(id))).toBe(true);
    expect(r.stdout).not.toContain('showing');
    expect(r.stderr).toContain(TIE_LINE);
  });

  it('#17.3 Markdown and HTML say it in the report, in Indonesian too', async () => {
    const md = (await kippIn(['score', ...INPUTS, '--top', '4', '--format', 'md'])).stdout;
    expect(md).toContain(`_${TIE_LINE}_`);
    for (const id of TIE) expect(md).toContain(`| ${id} |`);
    const html = (await kippIn(['score', ...INPUTS, '--top', '4', '--format', 'html'])).stdout;
    expect(html).toContain(`<p class="selection warn">${TIE_LINE}</p>`);
    for (const id of TIE) expect(html).toContain(`data-id="${id}"`);
    const id = (await kippIn(['score', ...INPUTS, '--top', '4', '--lang', 'id'])).stdout;
    expect(id).toContain(
      'menampilkan 5 dari 48 proposal — 2 proposal seri di peringkat 4 untuk 1 tempat dari --top 4, semua ditampilkan',
    );
  });

  it('#17.3 with --category, M counts the category (15 inclusive entries in the example)', async () => {
    const r = await kippIn(['score', ...INPUTS, '--category', 'inklusif', '--top', '3', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.selection).toMatchObject({ category: 'inclusive', top: 3, shown: 3, of: 15 });
    const all = JSON.parse((await kippIn(['score', ...INPUTS, '--format', 'json'])).stdout);
    expect(all.entries.filter((e: { category: string }) => e.category === 'inclusive')).toHaveLength(15);
    expect(r.stderr).toContain('showing 3 of 15 entries in Inclusive public service');
  });

  it('#17.3 a shortlist whose cut-off is the tie: its cut line under the last row; none for shortlists going on below', async () => {
    const rubric = top4Rubric();
    const r = await kippIn(['score', ...INPUTS, '--rubric', rubric, '--top', '4', '--format', 'md']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    const cut = lines.findIndex((l) => l.includes('Top 4 — cut line: 5/4 — tie at the cut-off'));
    expect(cut).toBeGreaterThan(0);
    expect(TIE.some((id) => lines[cut - 1]!.includes(`| ${id} |`))).toBe(true);
    // Top 99 takes all 48: its members go on below the list, so no line claims it ends here.
    expect(r.stdout).not.toContain('Top 99 — cut line');
    const table = (await kippIn(['score', ...INPUTS, '--top', '2'])).stdout;
    expect(table).not.toContain('cut line');
  });

  it('#17.3 kipp verify recomputes a --top report with the same selection (exit 0)', async () => {
    const dir = tempFolder('kipp-top-verify-');
    const out = join(dir, 'report.json');
    expect(
      (
        await kippIn([
          'score',
          ...INPUTS.map((a) => (a.startsWith('fixtures/') ? join(ROOT, a) : a)),
          '--top',
          '4',
          '--output',
          out,
        ])
      ).status,
    ).toBe(0);
    const v = await kippIn(['verify', out]);
    expect(v.stderr + v.stdout).not.toMatch(/differ/i);
    expect(v.status).toBe(0);
  });
});

describe("#17.4: explain marks only the entries at a tied cut-off, and says the tie as the shortlist's", () => {
  const rubric = top4Rubric();
  const explain = async (id: string, ...more: string[]) =>
    await kippIn(['explain', id, ...INPUTS, '--rubric', rubric, ...more]);
  const shortlistsLine = (text: string) => text.split('\n').find((l) => l.startsWith('Shortlists:'));
  const TIE_FACT = '  Top 4 has a tie at its cut-off (rank 4: 2 entries for 1 place): the jury must decide';

  it('#17.4 the rank-1 entry of a shortlist with a tie at its cut is not marked; the tie is said once', async () => {
    const r = await explain('KIPP-2018-011');
    expect(r.status).toBe(0);
    expect(shortlistsLine(r.stdout)).toBe('Shortlists: Top 99 yes, Top 4 yes');
    expect(r.stdout).toContain(`${TIE_FACT}\n`);
    expect(r.stdout).not.toContain('(cut-off tie)');
  });

  it('#17.4 both entries at rank 4 are marked at the tied cut-off', async () => {
    for (const id of TIE) {
      const r = await explain(id);
      expect(shortlistsLine(r.stdout)).toBe('Shortlists: Top 99 yes, Top 4 yes (at the tied cut-off)');
      expect(r.stdout).toContain(TIE_FACT);
    }
  });

  it('#17.4 JSON: cut_ties names the tied entries and places; at_tied_cut per entry', async () => {
    const first = JSON.parse((await explain('KIPP-2018-011', '--format', 'json')).stdout);
    const tied = JSON.parse((await explain('KIPP-2018-031', '--format', 'json')).stdout);
    const top4 = (x: { shortlists: { name: string }[] }) => x.shortlists.find((s) => s.name === 'top-4');
    expect(top4(first)).toEqual({
      name: 'top-4',
      size: 4,
      included: true,
      cutoff_tie: true,
      cut_ties: [{ rank: 4, entries: TIE, places: 1 }],
      at_tied_cut: false,
    });
    expect(top4(tied)).toMatchObject({ at_tied_cut: true });
  });

  it('#17.4 in Indonesian', async () => {
    const r = await explain('KIPP-2018-017', '--lang', 'id');
    expect(r.stdout).toContain('(di batas yang seri)');
    expect(r.stdout).toContain(
      'Top 4 memiliki seri di batasnya (peringkat 4: 2 proposal untuk 1 tempat): juri harus memutuskan',
    );
  });
});
