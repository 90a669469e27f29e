/**
 * `kipp rubric check F` (exit 0 valid, 2 invalid or missing) and `kipp rubric show [F]` (the
 * effective weights per category as a table, JSON or Markdown). Expected weights are read off
 * the rubric files by hand.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, kippIn, ROOT } from './run.js';
import { tempFolder } from '../tmp.js';

const dir = tempFolder('kipp-rubric-');
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
  it.each(readdirSync('rubrics').filter((f) => f.endsWith('.yaml')))('rubrics/%s is valid: exit 0', async (file) => {
    const run = await kippIn(['rubric', 'check', `rubrics/${file}`]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`rubrics/${file}`);
  });
  it('an unknown key: exit 2, the code and line on stderr', async () => {
    const run = await kippIn(['rubric', 'check', 'fixtures/validate/invalid-rubric/rubric.yaml']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/fixtures\/validate\/invalid-rubric\/rubric\.yaml:9: error invalid-rubric/);
  });
  it('weights not summing to 100: exit 2 at the criteria key', async () => {
    const run = await kippIn(['rubric', 'check', BAD_SUM]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad-sum\.yaml:4: error invalid-rubric/);
  });
  it('a missing file: exit 2', async () => {
    expect((await kippIn(['rubric', 'check', join(dir, 'nope.yaml')])).status).toBe(2);
  });
  it('a !!binary value: exit 2 at its line, not an internal error (exit 70)', async () => {
    const file = join(dir, 'binary.yaml');
    writeFileSync(file, 'name: T\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: !!binary aGVsbG8=\n');
    const run = await kippIn(['rubric', 'check', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/binary\.yaml:4: error invalid-rubric: the tag !!binary/);
    expect(run.stderr).not.toContain('internal error');
  });
});

describe('kipp rubric show', () => {
  it('JSON: the embedded rubric, equal weights in every category', async () => {
    const run = await kippIn(['rubric', 'show', '--format', 'json']);
    expect(run.status).toBe(0);
    const view = JSON.parse(run.stdout);
    expect(view.name).toBe('KIPP 2018');
    expect(view.criteria).toEqual(Object.keys(EQUAL));
    expect(view.categories.map((c: { id: string }) => c.id)).toEqual([
      'governance',
      'transparency',
      'collaboration',
      'inclusive',
    ]);
    for (const c of view.categories) expect(c).toMatchObject({ weights: EQUAL, own: false });
  });
  it('JSON: a category with its own weights', async () => {
    const view = JSON.parse((await kippIn(['rubric', 'show', OWN, '--format', 'json'])).stdout);
    const byId = Object.fromEntries(view.categories.map((c: { id: string }) => [c.id, c]));
    expect(byId.inclusive).toMatchObject({
      weights: { novelty: 15, effectiveness: 20, benefit: 30, replicability: 15, sustainability: 20 },
      own: true,
    });
    expect(byId.governance).toMatchObject({ weights: EQUAL, own: false });
  });
  it('Markdown: one row per category, weights in criterion order', async () => {
    const run = await kippIn(['rubric', 'show', OWN, '--format', 'md']);
    expect(run.status).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(5); // header + 4 categories
    expect(rows).toContain('| inclusive * | 15 | 20 | 30 | 15 | 20 |');
    expect(rows).toContain('| governance | 20 | 20 | 20 | 20 | 20 |');
  });
  it('table: the default format', async () => {
    const run = await kippIn(['rubric', 'show', OWN]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/inclusive \*.*15.*20.*30.*15.*20/);
  });
  it('KIPP_RUBRIC names the rubric when no file is given', async () => {
    const view = JSON.parse(
      (await kippIn(['rubric', 'show', '--format', 'json'], { env: { KIPP_RUBRIC: OWN } })).stdout,
    );
    expect(view.name).toBe('Own weights');
  });
  it.each([
    [['rubric', 'show', 'fixtures/validate/invalid-rubric/rubric.yaml']],
    [['rubric', 'show', join(dir, 'nope.yaml')]],
    [['rubric', 'show', '--format', 'xml']],
    [['rubric', 'show', '--lang', 'fr']],
  ])('%j: exit 2', async (args) => {
    const run = await kippIn(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });
});

describe('#16.11: rubric problems, every one at once, at its place, in plain words', () => {
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  /** `file:line: error invalid-rubric: field: …` lines of stderr, as [line, field] pairs. */
  const places = (stderr: string) =>
    stderr
      .split('\n')
      .map((l) => /:(\d+): error invalid-rubric: ([^:]+):/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [Number(m[1]), m[2]]);

  it('#16.11: criteria that differ only by case are refused at the second one, in rubric check and score', async () => {
    const file = write(
      'case.yaml',
      'name: Case\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: { weight: 50 }\n  Novelty: { weight: 50 }\n',
    );
    const check = await kippIn(['rubric', 'check', file]);
    expect(check.status).toBe(2);
    expect(check.stdout).toBe('');
    expect(places(check.stderr)).toEqual([[5, 'criteria.Novelty']]);
    expect(check.stderr).toContain('criteria "novelty" and "Novelty"');
    expect(check.stderr).toContain('ignoring case');
    const score = await kippIn(['score', 'fixtures/example/entries.csv', '--rubric', file]);
    expect(score.status).toBe(2);
    expect(score.stdout).toBe('');
    expect(places(score.stderr)).toEqual([[5, 'criteria.Novelty']]);
  });

  it('#16.11: a criterion alias or label that names another criterion is refused too', async () => {
    // `kebaruan` is novelty's built-in Indonesian alias: a column `Kebaruan` could mean either.
    const file = write(
      'alias.yaml',
      'name: Alias\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: { weight: 50 }\n  originality: { weight: 50, label: { id: Kebaruan } }\n',
    );
    const run = await kippIn(['rubric', 'check', file]);
    expect(run.status).toBe(2);
    expect(places(run.stderr)).toEqual([[5, 'criteria.originality']]);
    expect(run.stderr).toContain('criteria "novelty" and "originality" share the name "Kebaruan"');
  });

  it('#16.11: an enum typo quotes the value written and the closest allowed value', async () => {
    const file = write(
      'enum.yaml',
      'name: Enum\nscale: { min: 1, max: 10 }\nnormalization: z-score\naggregation: Median\n',
    );
    const run = await kippIn(['rubric', 'check', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('undefined');
    const lines = run.stderr.split('\n');
    expect(lines.find((l) => l.includes(':3:'))).toContain(
      'normalization: expected one of "none", "zscore", "severity", got "z-score" (did you mean "zscore"?)',
    );
    expect(lines.find((l) => l.includes(':4:'))).toContain('got "Median" (did you mean "median"?)');
  });

  it('#16.11: a value far from every allowed one gets no guess; a misspelled key gets the nearest key', async () => {
    const file = write(
      'far.yaml',
      'name: Far\nscale: { min: 1, max: 10 }\naggregation: average\nnormalisation: none\n',
    );
    const run = await kippIn(['rubric', 'check', file]);
    expect(run.status).toBe(2);
    const lines = run.stderr.split('\n');
    expect(lines.find((l) => l.includes(':3:'))).toContain('got "average"');
    expect(lines.find((l) => l.includes(':3:'))).not.toContain('did you mean');
    expect(lines.find((l) => l.includes(':4:'))).toContain(
      'unknown key "normalisation" (did you mean "normalization"?)',
    );
  });

  it('#16.11: rubric check reports schema and cross-field problems at once, each with its path, top to bottom', async () => {
    const file = write(
      'all.yaml',
      [
        'name: All at once',
        'scale: { min: 1, max: 10 }',
        'criteria:',
        '  novelty: { weight: 50 }',
        '  benefit: { weight: 40 }',
        'normalization: zscore',
        'aggregation: avg',
        'thresholds: { criteria: { impact: 5 } }',
        'tie_break: [benefit, novelty, effectiveness]',
        'shortlists:',
        '  - { name: top-3, size: 3, group: general }',
        'stages:',
        '  - { name: desk, weight: 60 }',
        '  - { name: desk, weight: 30 }',
        '',
      ].join('\n'),
    );
    const run = await kippIn(['rubric', 'check', file]);
    expect(run.status).toBe(2);
    expect(places(run.stderr)).toEqual([
      [4, 'criteria'], // weights sum to 90 (cross-field; the line where the mapping starts)
      [7, 'aggregation'], // not an allowed value (schema)
      [8, 'thresholds.criteria.impact'], // unknown criterion (cross-field)
      [9, 'tie_break.2'], // unknown criterion (cross-field)
      [11, 'shortlists.0.group'], // unknown group (cross-field)
      [13, 'stages'], // stage weights sum to 90 (cross-field)
      [14, 'stages.1.name'], // used twice (cross-field)
    ]);
    expect(run.stderr).toContain('is invalid (7 problems)');
  });

  it('#16.11: a rule that reads a refused key is skipped, not run on the defaults that stand in for it', async () => {
    // criteria.impact has no valid weight: the criteria are not read, so tie_break's `impact`
    // must not be called unknown (it is not), nor the weights' sum judged.
    const file = write(
      'skip.yaml',
      'name: Skip\nscale: { min: 1, max: 10 }\ncriteria:\n  impact: { weight: heavy }\n  reach: { weight: 30 }\ntie_break: [impact]\n',
    );
    const run = await kippIn(['rubric', 'check', file]);
    expect(run.status).toBe(2);
    expect(places(run.stderr)).toEqual([[4, 'criteria.impact.weight']]);
    expect(run.stderr).toContain('expected number, got "heavy"');
  });

  it('#16.11: an unknown key refuses only itself: the weights next to it are still summed', async () => {
    const file = write(
      'typo.yaml',
      'name: Typo\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: { weight: 50, wieght: 50 }\n  benefit: { weight: 40 }\n',
    );
    const run = await kippIn(['rubric', 'check', file]);
    expect(run.status).toBe(2);
    // Same line: the schema's problem first, then the cross-field one.
    expect(places(run.stderr)).toEqual([
      [4, 'criteria.novelty.wieght'],
      [4, 'criteria'],
    ]);
    expect(run.stderr).toContain('criterion weights sum to 90');
    expect(run.stderr).toContain('unknown key "wieght" (did you mean "weight"?)');
  });

  it('#16.11: a rubric path that is a directory says so (not "not found"), exit 2, in check, score and validate', async () => {
    for (const args of [
      ['rubric', 'check', dir],
      ['rubric', 'show', dir],
      ['score', 'fixtures/example/entries.csv', '--rubric', dir],
      ['validate', 'fixtures/example/entries.csv', '--rubric', dir],
    ]) {
      const run = await kippIn(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr + run.stdout, args.join(' ')).toContain('is a directory');
      expect(run.stderr + run.stdout, args.join(' ')).not.toContain('not found');
    }
  });

  it('#16.11: a rubric file that cannot be read says "permission denied", exit 2', () => {
    const file = write('secret.yaml', 'name: Secret\nscale: { min: 1, max: 10 }\n');
    chmodSync(file, 0o000);
    // root reads any file: run kipp as nobody then (the package files are readable by all).
    const asRoot = process.getuid?.() === 0;
    const run = spawnSync(process.execPath, [BIN, 'rubric', 'check', file], {
      cwd: ROOT,
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}: error file-not-found: rubric file cannot be read: permission denied`);
  });

  it('#16.11: a missing rubric is still "not found"', async () => {
    const run = await kippIn(['rubric', 'check', join(dir, 'nope.yaml')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rubric file not found');
  });
});
