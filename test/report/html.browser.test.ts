/**
 * The HTML report in a real browser (Debian's chromium through playwright-core), as the jury
 * opens it from an e-mail attachment: a file:// page with no network. Expectations come from
 * the conformance panel's expected.json (computed by two independent implementations), not
 * from the report itself. A screenshot and a PDF print go to test-results/ (not committed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/model/names.js';
import { describeBrowser, launchBrowser, RUN_BROWSER } from './browser.js';
import { kippIn, ROOT } from '../cli/run.js';
import { tempFolder } from '../tmp.js';

const PANEL = join(ROOT, 'fixtures/conformance/panel');
const RESULTS = join(ROOT, 'test-results');

interface ExpectedEntry {
  id: string;
  category: string;
  rank: number | null;
  tied: boolean;
  passed: boolean;
  total: number | null;
  criteria: Record<string, number>;
  shortlists: string[];
}
const expected = JSON.parse(readFileSync(join(PANEL, 'expected.json'), 'utf8')) as {
  entries: ExpectedEntry[];
  shortlists: { name: string; size: number; taken: number; cutoff_tie: boolean }[];
};

let work: string;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];
let reportUrl: string;

async function report(lang: 'en' | 'id'): Promise<string> {
  const out = join(work, `report-${lang}.html`);
  const run = await kippIn(
    [
      'score',
      'entries.csv',
      '--scores',
      'scores-wide.csv',
      'scores-long.csv',
      '--judges',
      'judges.csv',
      '--rubric',
      'rubric.yaml',
      '--as-of',
      '2026-11-22',
      '--lang',
      lang,
      '--output',
      out,
    ],
    { cwd: PANEL },
  );
  // The panel has two under-judged entries (errors, exit 1) — the report is written all the same.
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  return out;
}

async function openPage(file: string): Promise<Page> {
  const p = await context.newPage();
  p.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  p.on('pageerror', (e) => consoleErrors.push(e.message));
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(pathToFileURL(file).href);
  return p;
}

const visibleIds = (p: Page) =>
  p.$$eval('#ranking-table tbody tr.entry:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-id')));
/** The entry row a cut line sits under (other cut lines may sit between). */
function entryAbove(rows: (string | null)[], cut: string): string | null | undefined {
  const at = rows.indexOf(cut);
  expect(at).toBeGreaterThan(0);
  return rows
    .slice(0, at)
    .filter((r) => !r?.startsWith('cut:'))
    .pop();
}
const visibleRows = (p: Page) =>
  p.$$eval('#ranking-table tbody tr:not([hidden])', (rows) =>
    rows.map((r) =>
      r.classList.contains('cut') ? `cut:${r.getAttribute('data-shortlist')}` : r.getAttribute('data-id'),
    ),
  );

beforeAll(async () => {
  if (!RUN_BROWSER) return;
  work = tempFolder('kipp-html-');
  const file = await report('en');
  reportUrl = pathToFileURL(file).href;
  context = await launchBrowser(work, { width: 1400, height: 900 });
  page = await openPage(file);
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describeBrowser('the HTML report in chromium', () => {
  it('loads without console errors and makes no network request', async () => {
    await page.waitForSelector('#ranking-status:not(:empty)');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([reportUrl]);
  });

  it('has one row per entry, in rank order', async () => {
    expect(await visibleIds(page)).toEqual(expected.entries.map((e) => e.id));
    expect(await page.textContent('#ranking-status')).toBe(
      `Showing ${expected.entries.length} of ${expected.entries.length} entries`,
    );
  });

  it('draws the top-20 cut line under its last member, marked as a tie at the cut-off', async () => {
    const top20 = expected.entries.filter((e) => e.shortlists.includes('top-20'));
    const rows = await visibleRows(page);
    expect(entryAbove(rows, 'cut:top-20')).toBe(top20[top20.length - 1]!.id);
    expect(top20).toHaveLength(21);
    expect(await page.getAttribute('tr.cut[data-shortlist="top-20"]', 'class')).toContain('tie');
    // Per-category lines wait until a category is chosen.
    expect(rows.filter((r) => r === 'cut:best-per-category')).toEqual([]);
  });

  it('marks ties and failed pass marks', async () => {
    const tied = await page.$$eval('#ranking-table tr.entry', (rows) =>
      rows.filter((r) => r.querySelector('td.rank .tie')).map((r) => r.getAttribute('data-id')),
    );
    expect(tied).toEqual(expected.entries.filter((e) => e.tied).map((e) => e.id));
    const failed = await page.$$eval('#ranking-table tr.entry.failed', (rows) =>
      rows.map((r) => r.getAttribute('data-id')),
    );
    expect(failed).toEqual(expected.entries.filter((e) => e.rank !== null && !e.passed).map((e) => e.id));
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    await page.click('th[data-key="c0"] button');
    const byNovelty = [...expected.entries]
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (b.e.criteria.novelty ?? -Infinity) - (a.e.criteria.novelty ?? -Infinity) || a.i - b.i)
      .map(({ e }) => e.id);
    expect(await visibleIds(page)).toEqual(byNovelty);
    expect(await page.getAttribute('th[data-key="c0"]', 'aria-sort')).toBe('descending');
    expect(await page.getAttribute('th[data-key="rank"]', 'aria-sort')).toBeNull();
    // Cut lines mean nothing in another order.
    expect((await visibleRows(page)).some((r) => r?.startsWith('cut:'))).toBe(false);

    await page.click('th[data-key="rank"] button');
    expect(await visibleIds(page)).toEqual(expected.entries.map((e) => e.id));
    expect(await visibleRows(page)).toContain('cut:top-20');
  });

  it('sorts from the keyboard: Tab to a header button, Enter', async () => {
    await page.focus('th[data-key="rank"] button');
    await page.keyboard.press('Tab'); // the ID column's button
    expect(await page.$eval(':focus', (el) => el.closest('th')?.getAttribute('data-key'))).toBe('id');
    await page.keyboard.press('Enter');
    expect(await visibleIds(page)).toEqual(expected.entries.map((e) => e.id).sort(compareCodePoints));
    await page.keyboard.press('Enter');
    expect(await visibleIds(page)).toEqual(
      expected.entries
        .map((e) => e.id)
        .sort(compareCodePoints)
        .reverse(),
    );
    await page.click('th[data-key="rank"] button');
  });

  it("the category filter hides the other categories and shows that category's cut line", async () => {
    await page.selectOption('select[name="category"]', 'inclusive');
    const inclusive = expected.entries.filter((e) => e.category === 'inclusive');
    expect(await visibleIds(page)).toEqual(inclusive.map((e) => e.id));
    expect(await page.textContent('#ranking-status')).toBe(
      `Showing ${inclusive.length} of ${expected.entries.length} entries`,
    );
    const best = inclusive.filter((e) => e.shortlists.includes('best-per-category'));
    expect(best).toHaveLength(5);
    const rows = await visibleRows(page);
    expect(entryAbove(rows, 'cut:best-per-category')).toBe(best[4]!.id);
    await page.screenshot({ path: join(RESULTS, 'html-report-inclusive.png') });
    await page.selectOption('select[name="category"]', '');
    expect(await visibleIds(page)).toHaveLength(expected.entries.length);
  });

  it('the shortlist filter and the search narrow the rows too', async () => {
    await page.selectOption('select[name="shortlist"]', 'top-20');
    expect(await visibleIds(page)).toEqual(
      expected.entries.filter((e) => e.shortlists.includes('top-20')).map((e) => e.id),
    );
    await page.selectOption('select[name="shortlist"]', '-');
    expect(await visibleIds(page)).toEqual(expected.entries.filter((e) => e.shortlists.length === 0).map((e) => e.id));
    await page.selectOption('select[name="shortlist"]', '');
    await page.fill('input[name="q"]', 'conf-0065');
    expect(await visibleIds(page)).toEqual(['CONF-0065']);
    await page.fill('input[name="q"]', '');
  });

  it('shows the harsh and the lenient judge in the heatmap', async () => {
    const flagged = await page.$$eval('.heat tbody tr', (rows) =>
      rows
        .filter((r) => r.querySelectorAll('td.h.flag').length > 0)
        .map((r) => [r.querySelector('th')?.textContent, r.querySelector('.flag-harsh, .flag-lenient')?.textContent]),
    );
    // The panel fixture was built with J05 scoring about 2 points low and J09 about 1.6 high.
    expect(flagged).toEqual([
      ['J05', 'harsh'],
      ['J09', 'lenient'],
    ]);
  });

  it('writes a screenshot, and prints the current view (here the top 20) on A4', async () => {
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'html-report.png') });
    expect(existsSync(join(RESULTS, 'html-report.png'))).toBe(true);
    await page.selectOption('select[name="shortlist"]', 'top-20');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const boxes = new Set(
      [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
        (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
      ),
    );
    expect([...boxes]).toEqual(['595x842']); // A4 in points
    await page.selectOption('select[name="shortlist"]', '');
    expect(consoleErrors).toEqual([]);
  });

  it('on paper: every table fits the width of an A4 portrait page (718 CSS pixels inside the margins)', async () => {
    await page.setViewportSize({ width: 718, height: 1040 });
    await page.emulateMedia({ media: 'print' });
    const widths = await page.$$eval('table', (tables) =>
      tables.filter((t) => t.getClientRects().length > 0).map((t) => t.scrollWidth),
    );
    const controls = await page.$$eval('#ranking-filters, nav.toc', (els) => els.map((e) => e.getClientRects().length));
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(widths.length).toBeGreaterThanOrEqual(6);
    for (const w of widths) expect(w).toBeLessThanOrEqual(718);
    expect(controls).toEqual([0, 0]); // filters and contents are not printed
  });

  it('in Indonesian: every heading and control in Indonesian, decimal commas', async () => {
    const id = await openPage(await report('id'));
    expect(await id.getAttribute('html', 'lang')).toBe('id');
    const headings = await id.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    expect(headings).toEqual([
      'Ringkasan',
      'Peringkat',
      'Sebaran nilai',
      'Per kategori',
      'Dewan juri',
      'Masalah pada masukan',
    ]);
    expect(await id.textContent('#ranking-status')).toBe(
      `Menampilkan ${expected.entries.length} dari ${expected.entries.length} proposal`,
    );
    const first = expected.entries[0]!;
    expect(await id.textContent(`tr[data-id="${first.id}"] td.total`)).toContain(
      first.total!.toFixed(2).replace('.', ','),
    );
    expect(consoleErrors).toEqual([]);
    await id.close();
  });
});

/** Whether poppler's pdftotext is installed (the printed pages are read with it). */
const PDFTOTEXT = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;

/** A year of 300 entries, 3 judges each, on the default rubric: a ranking that runs over many A4 pages. */
function bigYear(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const entries = ['id,title,agency,agency_type,region,category,implemented_since'];
  const scores = ['entry_id,judge_id,novelty,effectiveness,benefit,replicability,sustainability'];
  const categories = ['governance', 'transparency', 'collaboration', 'inclusive'];
  for (let i = 1; i <= 300; i++) {
    const id = `KIPP-${String(i).padStart(3, '0')}`;
    entries.push(
      `${id},Layanan Publik Terpadu Nomor ${i},Pemerintah Kota ${i % 37},city,Provinsi ${i % 11},${categories[i % 4]},2014-01-01`,
    );
    for (let j = 1; j <= 3; j++)
      scores.push(`${id},J${j},${[0, 1, 2, 3, 4].map((k) => 1 + ((i * 7 + j * 3 + k * 5) % 19) / 2).join(',')}`);
  }
  writeFileSync(join(dir, 'entries.csv'), `${entries.join('\n')}\n`);
  writeFileSync(join(dir, 'scores.csv'), `${scores.join('\n')}\n`);
  return [join(dir, 'entries.csv'), '--scores', join(dir, 'scores.csv'), '--as-of', '2018-03-10'];
}

/** The kipp-2025 stages fixture (groups, two stages, five criteria): the widest shipped ranking. */
async function stagesReport(lang: 'en' | 'id'): Promise<string> {
  const S = join(ROOT, 'fixtures/stages');
  const out = join(work, `stages-${lang}.html`);
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
    '--lang',
    lang,
    '--output',
    out,
    '--force',
  ]);
  expect(run.status, run.stderr).toBe(0);
  return out;
}

/**
 * In the page: each word of each visible heading (table headings, h1–h3) as a Range; a word
 * drawn in two boxes (two lines, across or, for upright headings, side by side) was split. A line may end after a space, a slash or a hyphen
 * ("Rata-rata"), never elsewhere. Text hidden in print (the sort buttons) is skipped.
 */
const SPLIT_HEADING_WORDS = `(() => {
  const found = [];
  for (const el of document.querySelectorAll('thead th, h1, h2, h3')) {
    if (el.getClientRects().length === 0) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.getClientRects().length === 0) continue;
      for (const m of (node.textContent || '').matchAll(/[^\\s/-]+[/-]?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => Math.round(r.top) + ',' + Math.round(r.left)));
        if (lines.size > 1) found.push(m[0]);
      }
    }
  }
  return found;
})()`;

describeBrowser('#17.15: the ranking on paper and on a 1280-pixel screen', () => {
  it.skipIf(!PDFTOTEXT)(
    '#17.15: printed, a 300-row ranking repeats its header row on every page it runs over',
    async () => {
      const out = join(work, 'big.html');
      const run = await kippIn(['score', ...bigYear(join(work, 'big')), '--output', out]);
      expect(run.status).toBe(0);
      const p = await openPage(out);
      const pdfPath = join(work, 'big.pdf');
      writeFileSync(pdfPath, await p.pdf({ preferCSSPageSize: true, printBackground: true }));
      await p.close();
      mkdirSync(RESULTS, { recursive: true });
      copyFileSync(pdfPath, join(RESULTS, 'html-report-300.pdf'));
      const pages = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).split('\f');
      // A page of the ranking: one with an entry row (rank, then id).
      const rankingPages = pages.filter((text) => /^\s*\d+\s*=?\s+KIPP-\d{3}\s/m.test(text));
      expect(rankingPages.length).toBeGreaterThanOrEqual(5);
      rankingPages.forEach((text, i) =>
        expect(text, `ranking page ${i + 1}`).toMatch(/Rank\s+ID\s+Title\s+Category\s+Total/),
      );
    },
    60_000,
  );

  it('#17.15: printed, no heading breaks inside a word (tables and section headings, English and Indonesian)', async () => {
    for (const file of [await stagesReport('en'), await stagesReport('id'), reportUrl.replace('file://', '')]) {
      const p = await openPage(file);
      await p.setViewportSize({ width: 718, height: 1040 });
      await p.emulateMedia({ media: 'print' });
      // Each word of each visible heading, as a Range: boxes on two lines mean it was split.
      const split = await p.evaluate<string[]>(SPLIT_HEADING_WORDS);
      const widths = await p.$$eval('table', (tables) =>
        tables.filter((t) => t.getClientRects().length > 0).map((t) => t.scrollWidth),
      );
      await p.close();
      expect(split, file).toEqual([]);
      for (const w of widths) expect(w, file).toBeLessThanOrEqual(718);
    }
  });

  it('#17.15: at 1280 pixels the widest shipped ranking (KIPP 2025: groups, stages) shows its Status column whole', async () => {
    mkdirSync(RESULTS, { recursive: true });
    for (const lang of ['en', 'id'] as const) {
      const p = await openPage(await stagesReport(lang));
      await p.setViewportSize({ width: 1280, height: 900 });
      const box = await p.evaluate<{ scroll: number; client: number; statusRight: number; wrapRight: number }>(`(() => {
        const table = document.getElementById('ranking-table');
        const wrap = table.parentElement.getBoundingClientRect();
        const status = table.querySelector('th[data-key="status"]').getBoundingClientRect();
        return { scroll: table.scrollWidth, client: table.parentElement.clientWidth, statusRight: status.right, wrapRight: wrap.right };
      })()`);
      await p.locator('#ranking-table').scrollIntoViewIfNeeded();
      await p.screenshot({ path: join(RESULTS, `html-report-1280-${lang}.png`) });
      await p.close();
      expect(box.scroll, lang).toBeLessThanOrEqual(box.client);
      expect(box.statusRight, lang).toBeLessThanOrEqual(box.wrapRight);
    }
    expect(consoleErrors).toEqual([]);
  });
});
