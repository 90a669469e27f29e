#!/usr/bin/env node
// Writes docs/html-report.png, the README's picture of the HTML report: the shipped example,
// filtered to one category so that a cut line, ties and bars fit in one view. Needs the build
// (`npm run build`) and Debian's chromium at /usr/bin/chromium (or CHROMIUM=path).
//   node scripts/report-screenshot.mjs [out.png]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs/html-report.png');
const work = mkdtempSync(join(tmpdir(), 'kipp-shot-'));
try {
  const report = join(work, 'report.html');
  const ex = 'fixtures/example';
  execFileSync(
    process.execPath,
    [
      join(root, 'bin/kipp.js'),
      'score',
      `${ex}/entries.csv`,
      '--scores',
      `${ex}/scores-wide.csv`,
      `${ex}/scores-long.csv`,
      '--judges',
      `${ex}/judges.csv`,
      '--as-of',
      '2026-11-22',
      '--output',
      report,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--font-render-hinting=none',
    ],
    viewport: { width: 1400, height: 820 },
  });
  const page = await context.newPage();
  await page.goto(pathToFileURL(report).href);
  await page.selectOption('select[name="category"]', 'transparency');
  const top = await page.$eval('#ranking-h', (h) => h.getBoundingClientRect().top + globalThis.scrollY);
  await page.screenshot({ path: out, clip: { x: 0, y: top - 8, width: 1400, height: 820 }, fullPage: true });
  await context.close();
  console.log(`wrote ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
