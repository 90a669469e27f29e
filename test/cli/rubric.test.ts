/**
 * `kipp rubric check F` (exit 0 valid, 2 invalid or missing) and `kipp rubric show [F]` (the
 * effective weights per category as a table, JSON or Markdown). Expected weights are read off
 * the rubric files by hand.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kipp } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kipp-rubric-'));
const OWN = join(dir, 'own-weights.yaml');
writeFileSync(
  OWN,
  `name: Own weights
scale: { min: 1, max: 10 }
category_weights:
  inclusive: { novelty: 15, effectiveness: 20, benefit: 30, replicability: 15, sustainability: 20 }
`,
);
const BAD_SUM = join(dir, 'bad-sum.yaml');
writeFileSync(
  BAD_SUM,
  `name: Bad sum
scale: { min: 1, max: 10 }
criteria:
  novelty: { weight: 50 }
  benefit: { weight: 40 }
`,
);
const EQUAL = { novelty: 20, effectiveness: 20, benefit: 20, replicability: 20, sustainability: 20 };

describe('kipp rubric check', () => {
  it.each(readdirSync('rubrics').filter((f) => f.endsWith('.yaml')))('rubrics/%s is valid: exit 0', (file) => {
    const run = kipp(['rubric', 'check', `rubrics/${file}`]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`rubrics/${file}`);
  });
  it('an unknown key: exit 2, the code and line on stderr', () => {
    const run = kipp(['rubric', 'check', 'fixtures/validate/invalid-rubric/rubric.yaml']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/fixtures\/validate\/invalid-rubric\/rubric\.yaml:9: error invalid-rubric/);
  });
  it('weights not summing to 100: exit 2 at the criteria key', () => {
    const run = kipp(['rubric', 'check', BAD_SUM]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad-sum\.yaml:4: error invalid-rubric/);
  });
  it('a missing file: exit 2', () => {
    expect(kipp(['rubric', 'check', join(dir, 'nope.yaml')]).status).toBe(2);
  });
});

describe('kipp rubric show', () => {
  it('JSON: the embedded rubric, equal weights in every category', () => {
    const run = kipp(['rubric', 'show', '--format', 'json']);
    expect(run.status).toBe(0);
    const view = JSON.parse(run.stdout);
    expect(view.name).toBe('KIPP 2018');
    expect(view.criteria).toEqual(Object.keys(EQUAL));
    expect(view.categories.map((c: { id: string }) => c.id)).toEqual(['governance', 'transparency', 'collaboration', 'inclusive']);
    for (const c of view.categories) expect(c).toMatchObject({ weights: EQUAL, own: false });
  });
  it('JSON: a category with its own weights', () => {
    const view = JSON.parse(kipp(['rubric', 'show', OWN, '--format', 'json']).stdout);
    const byId = Object.fromEntries(view.categories.map((c: { id: string }) => [c.id, c]));
    expect(byId.inclusive).toMatchObject({ weights: { novelty: 15, effectiveness: 20, benefit: 30, replicability: 15, sustainability: 20 }, own: true });
    expect(byId.governance).toMatchObject({ weights: EQUAL, own: false });
  });
  it('Markdown: one row per category, weights in criterion order', () => {
    const run = kipp(['rubric', 'show', OWN, '--format', 'md']);
    expect(run.status).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(5); // header + 4 categories
    expect(rows).toContain('| inclusive * | 15 | 20 | 30 | 15 | 20 |');
    expect(rows).toContain('| governance | 20 | 20 | 20 | 20 | 20 |');
  });
  it('table: the default format', () => {
    const run = kipp(['rubric', 'show', OWN]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/inclusive \*.*15.*20.*30.*15.*20/);
  });
  it('KIPP_RUBRIC names the rubric when no file is given', () => {
    const view = JSON.parse(kipp(['rubric', 'show', '--format', 'json'], { env: { KIPP_RUBRIC: OWN } }).stdout);
    expect(view.name).toBe('Own weights');
  });
  it.each([
    [['rubric', 'show', 'fixtures/validate/invalid-rubric/rubric.yaml']],
    [['rubric', 'show', join(dir, 'nope.yaml')]],
    [['rubric', 'show', '--format', 'xml']],
    [['rubric', 'show', '--lang', 'fr']],
  ])('%j: exit 2', (args) => {
    const run = kipp(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });
});
