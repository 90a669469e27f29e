/**
 * #17.1/#17.13 in a real browser (Debian's chromium through playwright-core): the judges section
 * of a staged year's HTML report, one sub-section per stage, on screen and on paper.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, RUN_BROWSER } from './browser.js';
import { kippIn } from '../cli/run.js';
import { tempFolder } from '../tmp.js';

const SP = 'fixtures/stages-panel';

let work: string;
let context: BrowserContext;
const consoleErrors: string[] = [];

async function open(lang: 'en' | 'id'): Promise<Page> {
  const out = join(work, `judges-${lang}.html`);
  const run = await kippIn([
    'score',
    `${SP}/entries.csv`,
    '--scores',
    `desk=${SP}/scores-desk.csv`,
    `presentation=${SP}/scores-presentation.csv`,
    '--judges',
    `${SP}/judges.csv`,
    '--rubric',
    'rubrics/kipp-2025.yaml',
    '--as-of',
    '2025-06-30',
    '--lang',
    lang,
    '--output',
    out,
  ]);
  expect(run.status).toBe(0);
  const p = await context.newPage();
  p.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  p.on('pageerror', (e) => consoleErrors.push(e.message));
  await p.goto(pathToFileURL(out).href);
  return p;
}

/** Per stage sub-section: its heading and the judges its heatmap flags. */
const stagePanels = (p: Page) =>
  p.$$eval('#judges h3.stage-panel', (hs) =>
    hs.map((h) => {
      const flagged: string[] = [];
      for (let el = h.nextElementSibling; el && !el.matches('h3.stage-panel'); el = el.nextElementSibling) {
        for (const row of el.querySelectorAll('table.heat tbody tr')) {
          const flag = row.querySelector('.flag-harsh, .flag-lenient');
          if (flag) flagged.push(`${row.querySelector('th')?.textContent} ${flag.textContent}`);
        }
      }
      return { heading: h.textContent, visible: h.getClientRects().length > 0, flagged };
    }),
  );

beforeAll(async () => {
  if (!RUN_BROWSER) return;
  work = tempFolder('kipp-judges-html-');
  context = await launchBrowser(work, { width: 1400, height: 900 });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describeBrowser('#17.1 the judges section of a staged year in chromium', () => {
  it('#17.1 one visible sub-section per stage; only P3 flagged, in the presentation', async () => {
    const page = await open('en');
    expect(await stagePanels(page)).toEqual([
      { heading: 'Stage desk: Desk evaluation', visible: true, flagged: [] },
      { heading: 'Stage presentation: Presentation and interview', visible: true, flagged: ['P3 harsh'] },
    ]);
    // #17.13: both ICCs and W's coverage are on the page, per stage
    const terms = await page.$$eval('#judges dl.meta dt', (dts) => dts.map((d) => d.textContent));
    expect(terms.filter((t) => t?.startsWith('ICC(1,k)'))).toHaveLength(2);
    expect(await page.textContent('#judges')).toContain('covers 19 of 20 entries scored, 6 of 6 judges');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('#17.1 on paper (A4 portrait, 718 CSS pixels): both stages print and every judges table fits', async () => {
    const page = await open('id');
    await page.setViewportSize({ width: 718, height: 1040 });
    await page.emulateMedia({ media: 'print' });
    const panels = await stagePanels(page);
    expect(panels.map((p) => [p.heading, p.visible])).toEqual([
      ['Tahap desk: Penilaian proposal', true],
      ['Tahap presentation: Presentasi dan wawancara', true],
    ]);
    const widths = await page.$$eval('#judges table', (tables) =>
      tables.filter((t) => t.getClientRects().length > 0).map((t) => t.scrollWidth),
    );
    expect(widths.length).toBeGreaterThanOrEqual(2);
    for (const w of widths) expect(w).toBeLessThanOrEqual(718);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.length).toBeGreaterThan(1000);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
