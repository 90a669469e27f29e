/**
 * The one way the browser tests start Debian's chromium (through playwright-core), and whether
 * they run at all: on a developer's machine without chromium they are skipped with a note; in CI
 * (`CI` set) a missing browser is a failure, so the HTML checks can never vanish from a pipeline.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe, expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';

const inCi = (process.env.CI ?? '') !== '';

/** Whether the browser tests of this file run. */
export const RUN_BROWSER = existsSync(CHROMIUM) || inCi;

if (!RUN_BROWSER)
  process.stderr.write(
    `browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium; CI=1 makes this a failure)\n`,
  );

/** `describe` for browser tests: skipped off-CI on a machine without chromium. */
export function describeBrowser(name: string, tests: () => void): void {
  (RUN_BROWSER ? describe : describe.skip)(name, tests);
}

/** A headless chromium with no network noise, its profile in `work`. */
export async function launchBrowser(
  work: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`).toBe(true);
  return chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
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
    ],
    viewport,
  });
}
