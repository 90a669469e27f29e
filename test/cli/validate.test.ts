/**
 * `kipp validate` end to end (the built bin/kipp.js): exit codes a pipeline can trust, output CI
 * reads (checked with real parsers), the job summary, --strict/--quiet/--max-warnings, --output.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const V = 'fixtures/validate';
const AS_OF = ['--as-of', '2018-03-10'];
const CLEAN = [
  `${V}/clean/submissions`,
  '--scores',
  `${V}/clean/scores.csv`,
  '--judges',
  `${V}/clean/judges.csv`,
  '--rubric',
  `${V}/clean/rubric.yaml`,
];
const COMMAND = /^::(error|warning) (file=[^,:\r\n]+,(line=\d+,(col=\d+,)?)?)?title=[a-z-]+::[^\r\n]*$/;

const Ajv4 = ((ajvDraft04 as unknown as { default?: typeof ajvDraft04.default }).default ??
  ajvDraft04) as typeof ajvDraft04.default;
const addFormats = ((ajvFormats as unknown as { default?: typeof ajvFormats.default }).default ??
  ajvFormats) as typeof ajvFormats.default;
const sarifSchema = JSON.parse(readFileSync(new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const ajv = new Ajv4({ allErrors: true, strict: false });
addFormats(ajv);
const validSarif = ajv.compile(sarifSchema);
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['testcase', 'failure'].includes(name),
});

describe('exit codes', () => {
  it('clean data: exit 0, one summary line on stdout, nothing on stderr', async () => {
    const run = await kippIn(['validate', ...CLEAN]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\S+ 0 errors, 0 warnings in 8 files\n$/);
    expect(run.stderr).toBe('');
  });
  it('data errors: exit 1, grouped by file, closing summary', async () => {
    const run = await kippIn(['validate', `${V}/missing-field/entries.csv`, ...AS_OF]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${V}/missing-field/entries.csv`);
    expect(lines[1]).toMatch(/^\s+3:2\s+error\s+missing-field\s+\[KIPP-2018-107\]/);
    expect(lines.at(-1)).toMatch(/1 error, 0 warnings in 1 file$/);
  });
  it('warnings only: exit 0', async () => {
    expect((await kippIn(['validate', `${V}/unknown-field/entries.csv`, ...AS_OF])).status).toBe(0);
  });
  it.each([
    [['--format', 'xml']],
    [['--max-warnings', 'ten']],
    [['--as-of', '2018-02-30']],
    [['--delimiter', '|']],
    [['--no-such-option']],
  ])('a bad option %j: exit 2', async (extra) => {
    const run = await kippIn(['validate', `${V}/clean/submissions`, ...extra]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toBe('');
  });
  it('an invalid rubric: exit 2, reported as a diagnostic in the chosen format', async () => {
    const args = ['validate', `${V}/invalid-rubric/entries.csv`, '--rubric', `${V}/invalid-rubric/rubric.yaml`];
    const json = await kippIn([...args, '--format', 'json']);
    expect(json.status).toBe(2);
    // Both problems at once (#16.11): the weights sum to 90 (line 4) and the key is misspelled (line 9).
    expect(JSON.parse(json.stdout).diagnostics).toEqual([
      expect.objectContaining({
        code: 'invalid-rubric',
        severity: 'error',
        file: `${V}/invalid-rubric/rubric.yaml`,
        line: 4,
        field: 'criteria',
      }),
      expect.objectContaining({
        code: 'invalid-rubric',
        severity: 'error',
        file: `${V}/invalid-rubric/rubric.yaml`,
        line: 9,
        field: 'normalisation',
      }),
    ]);
    const github = await kippIn([...args, '--format', 'github']);
    expect(github.status).toBe(2);
    expect(github.stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(
        new RegExp(`^::error file=${V}/invalid-rubric/rubric\\.yaml,line=4,title=invalid-rubric::`),
      ),
      expect.stringMatching(
        new RegExp(`^::error file=${V}/invalid-rubric/rubric\\.yaml,line=9,title=invalid-rubric::`),
      ),
    ]);
  });
  it('an invalid rubric and a missing input are reported together', async () => {
    const run = await kippIn([
      'validate',
      `${V}/invalid-rubric/nope.csv`,
      '--rubric',
      `${V}/invalid-rubric/rubric.yaml`,
      '--format',
      'json',
    ]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'file-not-found',
      'invalid-rubric',
      'invalid-rubric',
    ]);
  });
  it('a missing file: exit 2, as a JUnit failure', async () => {
    const run = await kippIn([
      'validate',
      `${V}/file-not-found/entries.csv`,
      '--scores',
      `${V}/file-not-found/nilai.csv`,
      '--format',
      'junit',
    ]);
    expect(run.status).toBe(2);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const cases = xml.parse(run.stdout).testsuites.testsuite.testcase;
    expect(cases).toHaveLength(1);
    expect(cases[0]['@name']).toBe(`${V}/file-not-found/nilai.csv`);
    expect(cases[0].failure.map((f: { '@type': string }) => f['@type'])).toEqual(['file-not-found']);
  });
  it('a missing rubric file: exit 2', async () => {
    const run = await kippIn([
      'validate',
      `${V}/clean/submissions`,
      '--rubric',
      `${V}/clean/no-rubric.yaml`,
      '--format',
      'json',
    ]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['file-not-found']);
  });
});

describe('--strict, --max-warnings, --quiet', () => {
  const warningsOnly = [
    'validate',
    `${V}/conflict-of-interest/entries.csv`,
    '--scores',
    `${V}/conflict-of-interest/scores.csv`,
    '--judges',
    `${V}/conflict-of-interest/judges.csv`,
    ...AS_OF,
  ];
  it('--strict turns the warning into an error: exit 1', async () => {
    const run = await kippIn([...warningsOnly, '--strict', '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity])).toEqual([
      ['conflict-of-interest', 'error'],
    ]);
    expect(report.summary).toEqual({ errors: 1, warnings: 0, files: 3 });
  });
  it('--max-warnings N fails only above N', async () => {
    expect((await kippIn([...warningsOnly, '--max-warnings', '1'])).status).toBe(0);
    const over = await kippIn([...warningsOnly, '--max-warnings', '0']);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/max-warnings/);
  });
  it('--quiet shows errors only, still counts the warnings, keeps the exit code', async () => {
    const run = await kippIn([...warningsOnly, '--quiet']);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('conflict-of-interest');
    expect(run.stdout).toMatch(/0 errors, 1 warning in 3 files \(1 hidden by --quiet\)\n$/);
  });
});

describe('formats CI reads', () => {
  const scoreErrors = [
    'validate',
    `${V}/score-out-of-range/entries.csv`,
    '--scores',
    `${V}/score-out-of-range/scores.csv`,
    ...AS_OF,
  ];

  it('github: workflow commands, one per problem, with file, line and column', async () => {
    const run = await kippIn([...scoreErrors, '--format', 'github']);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(0, 2)) expect(line).toMatch(COMMAND);
    expect(lines[0]).toMatch(
      new RegExp(
        `^::error file=${V}/score-out-of-range/scores\\.csv,line=3,col=4,title=score-out-of-range::\\[KIPP-2018-131\\] `,
      ),
    );
    expect(lines[1]).toMatch(/,line=4,col=6,title=score-out-of-range::/);
  });

  it('github: a Markdown summary is appended to $GITHUB_STEP_SUMMARY, never overwriting it', async () => {
    const dir = tempFolder('kipp-summary-');
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    await kippIn([...scoreErrors, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    await kippIn(['validate', ...CLEAN, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n')).toBe(true);
    expect(text.match(/^### kipp validate$/gm)).toHaveLength(2);
    expect(text.match(/^\| error \| `score-out-of-range` \|/gm)).toHaveLength(2);
    expect(text).toContain('0 errors, 0 warnings in 8 files');
  });

  it('junit: one testcase per file, one failure per error, on the one-file-per-entry folder', async () => {
    const run = await kippIn(['validate', `${V}/duplicate-title/submissions`, ...AS_OF, '--format', 'junit']);
    expect(run.status).toBe(1);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const cases = xml.parse(run.stdout).testsuites.testsuite.testcase;
    expect(cases.map((c: { '@name': string }) => c['@name'])).toEqual([
      `${V}/duplicate-title/submissions/kab-ngawi-sid.yaml`,
      `${V}/duplicate-title/submissions/kab-sleman-sid.yaml`,
    ]);
    for (const c of cases) expect(c.failure.map((f: { '@type': string }) => f['@type'])).toEqual(['duplicate-title']);
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with rules, levels, relative URIs and regions', async () => {
    const run = await kippIn([...scoreErrors, '--format', 'sarif']);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(validSarif(log)).toBe(true);
    const [result] = log.runs[0].results;
    expect(result).toMatchObject({ ruleId: 'score-out-of-range', level: 'error' });
    expect(result.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: `${V}/score-out-of-range/scores.csv` },
      region: { startLine: 3, startColumn: 4 },
    });
    expect(log.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('score-out-of-range');
  });

  it('sarif on clean data: valid, no results, exit 0', async () => {
    const run = await kippIn(['validate', ...CLEAN, '--format', 'sarif']);
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout);
    expect(validSarif(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it('json: stdout is only the report; the summary line goes to stderr', async () => {
    const run = await kippIn([...scoreErrors, '--format', 'json']);
    expect(JSON.parse(run.stdout).summary).toEqual({ errors: 2, warnings: 0, files: 2 });
    expect(run.stderr).toMatch(/2 errors, 0 warnings in 2 files/);
  });

  it('the same inputs give the same bytes', async () => {
    for (const format of ['pretty', 'json', 'junit', 'github', 'sarif']) {
      expect((await kippIn([...scoreErrors, '--format', format])).stdout).toBe(
        (await kippIn([...scoreErrors, '--format', format])).stdout,
      );
    }
  });
});

describe('--output and colour', () => {
  it('--output kipp.sarif writes SARIF (format from the extension), stdout stays empty', async () => {
    const dir = tempFolder('kipp-out-');
    const out = join(dir, 'kipp.sarif');
    const run = await kippIn(['validate', `${V}/missing-field/entries.csv`, ...AS_OF, '--output', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(validSarif(JSON.parse(readFileSync(out, 'utf8')))).toBe(true);
    expect((await kippIn(['validate', `${V}/missing-field/entries.csv`, ...AS_OF, '--output', out])).status).toBe(2);
    expect(
      (await kippIn(['validate', `${V}/missing-field/entries.csv`, ...AS_OF, '--output', out, '--force'])).status,
    ).toBe(1);
  });
  it('--output never overwrites an input', async () => {
    const dir = tempFolder('kipp-in-');
    const input = join(dir, 'entries.csv');
    const text = readFileSync(`${V}/missing-field/entries.csv`, 'utf8');
    writeFileSync(input, text);
    const run = await kippIn(['validate', input, ...AS_OF, '--output', input, '--format', 'json', '--force']);
    expect(run.status).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(text);
    expect(existsSync(input)).toBe(true);
  });
  it('pretty has colour only with FORCE_COLOR, never with NO_COLOR', async () => {
    const args = ['validate', `${V}/missing-field/entries.csv`, ...AS_OF];
    expect((await kippIn(args)).stdout).not.toMatch(/\u001b\[/);
    expect((await kippIn(args, { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await kippIn(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });
});
