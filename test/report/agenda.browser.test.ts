/**
 * Issue 19: the meeting pack's HTML (`kipp agenda --format html`) in a real browser (Debian's
 * chromium through playwright-core), as the chair prints it: a file:// page with no network,
 * no console error (its policy allows no script, and it has none), an A4 print whose tables fit
 * the page's width. Expected rows come from fixtures/plenary (its rubric.yaml says why).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, RUN_BROWSER } from './browser.js';
import { kippIn } from '../cli/run.js';
import { tempFolder } from '../tmp.js';

const F = 'fixtures/plenary';

let work: string;
let context: BrowserContext;

beforeAll(async () => {
  if (!RUN_BROWSER) return;
  work = tempFolder('kipp-agenda-html-');
  context = await launchBrowser(work, { width: 1280, height: 900 });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describeBrowser('#19.2 the HTML meeting pack in chromium', () => {
  it('#19.2: opens with no request and no console error, shows the tie side by side, prints on A4 with every table inside the page', async () => {
    const out = join(work, 'agenda.html');
    const r = await kippIn([
      'agenda',
      `${F}/entries.csv`,
      '-s',
      `${F}/scores.csv`,
      '-j',
      `${F}/judges.csv`,
      '-r',
      `${F}/rubric.yaml`,
      '--conflicts',
      `${F}/conflicts.csv`,
      '--sensitivity-runs',
      '200',
      '--output',
      out,
    ]);
    expect(r.status).toBe(0);
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (q) => requests.push(q.url()));
    const url = pathToFileURL(out).href;
    await page.goto(url);
    expect(await page.$$eval('h2', (hs) => hs.map((h) => h.textContent))).toEqual([
      "1. Ties at a shortlist's cut-off (to decide)",
      '2. Borderline entries (sensitivity)',
      '3. Entries a hair above or below a pass mark (within 2 / 0.18)',
      '4. Largest judge disagreements on entries near a cut',
    ]);
    // The tie: P-045 and P-046, equal on every criterion (4.70 4.30 4.60 4.40 4.50).
    const tie = await page.$$eval('#ties tbody tr', (rows) =>
      rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(tie.map((row) => [row[0], ...row.slice(2)])).toEqual([
      ['P-045', '38.89', '4.70', '4.30', '4.60', '4.40', '4.50'],
      ['P-046', '38.89', '4.70', '4.30', '4.60', '4.40', '4.50'],
    ]);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const boxes = new Set(
      [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
        (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
      ),
    );
    expect([...boxes]).toEqual(['595x842']); // A4 in points
    await page.setViewportSize({ width: 718, height: 1040 });
    await page.emulateMedia({ media: 'print' });
    const widths = await page.$$eval('table', (tables) => tables.map((t) => t.scrollWidth));
    expect(widths.length).toBeGreaterThanOrEqual(5);
    for (const w of widths) expect(w).toBeLessThanOrEqual(718);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });
});
