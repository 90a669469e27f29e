/**
 * #21.2: the reference pages generated from the code (scripts/gen-docs.mjs) are the ones
 * committed: the diagnostic codes from the rules catalogue, each command's --help, the JSON
 * Schemas. A new code, option or schema fails here until `npm run docs` is run. Reads the
 * built dist/ and runs bin/kipp.js (`npm test` builds first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedPages, strayCommandPages } from '../../scripts/gen-docs.mjs';
import { DIAGNOSTIC_CODES } from '../../src/model/diagnostic.js';
import { RULES } from '../../src/report/validate/rules.js';
import { ROOT } from '../cli/run.js';

describe('#21.2: generated reference pages', () => {
  let pages: Map<string, string>;
  beforeAll(async () => {
    pages = await generatedPages();
  }, 60_000);

  it('#21.2: every generated page is up to date (else: run npm run docs)', () => {
    const stale = [...pages]
      .filter(([path, text]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), 'utf8') !== text)
      .map(([path]) => path);
    expect(stale, `out of date: ${stale.join(', ')}: run npm run docs`).toEqual([]);
    const stray = strayCommandPages(pages);
    expect(stray, `${stray.join(', ')} belong to no command: run npm run docs`).toEqual([]);
  });

  it('#21.2: the diagnostic-code page has one section per code of the catalogue, with its severity and fix', () => {
    const page = pages.get('docs/reference/diagnostic-codes.md')!;
    const sections = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
    // Spot checks from the catalogue, not from the page: a severity, a fix, a where.
    expect(page).toContain(`## duplicate-header\n\n**error**. ${RULES['duplicate-header'].summary}`);
    expect(page).toContain(`## conflict-of-interest\n\n**warning**.`);
    expect(page).toContain(RULES['unsupported-format'].fix);
    expect(page).toMatch(/## unknown-stage\n\n[^\n]+\n\nWhere it points: the score row's file and line/);
  });

  it('#21.2: every command of `kipp --help` has its page, with its options as --help prints them', () => {
    const index = pages.get('docs/reference/commands/README.md')!;
    for (const command of [
      'score',
      'validate',
      'export',
      'judges',
      'agenda',
      'explain',
      'sensitivity',
      'assign',
      'verify',
      'diff',
      'init',
      'rubric',
      'rubric-check',
      'rubric-show',
    ]) {
      expect(pages.has(`docs/reference/commands/${command}.md`), command).toBe(true);
      expect(index).toContain(`(${command}.md)`);
    }
    expect(pages.get('docs/reference/commands/score.md')).toMatch(
      /^# kipp score\n[\s\S]*Usage: kipp score \[options\] <entries\.\.\.>[\s\S]*--as-of <date>/,
    );
    expect(pages.get('docs/reference/commands/rubric-check.md')).toContain('Usage: kipp rubric check');
  });

  it('#21.2: the JSON Schemas page lists every schema kipp writes', () => {
    const page = pages.get('docs/reference/json-schemas.md')!;
    for (const name of ['rubric', 'entry', 'score', 'judge', 'decisions'])
      expect(page).toContain(`(../../schemas/${name}.schema.json)`);
  });
});
