/**
 * `kipp init`: a ready competition folder for every shipped profile, on which `kipp validate`
 * runs clean; the workflow it writes runs kipp validate on the folder's own files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldAliases, normalizeName } from '../../src/model/names.js';
import { VALIDATE_FORMATS } from '../../src/report/validate/index.js';
import { kippIn, type Run } from './run.js';
import { tempFolder } from '../tmp.js';

const base = tempFolder('kipp-init-');
afterAll(() => rmSync(base, { recursive: true, force: true }));
const PROFILES = readdirSync('rubrics')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

function headers(file: string): string[] {
  return readFileSync(file, 'utf8').split(/\r?\n/)[0]!.split(',');
}

describe.each(PROFILES)('kipp init --profile %s', (profile) => {
  const dir = join(base, profile);
  let init: Run;
  beforeAll(async () => {
    init = await kippIn(['init', dir, '--profile', profile]);
  });

  it('writes the rubric, three templates, a README and a workflow; lists them on stdout', () => {
    expect(init.status).toBe(0);
    const files = [
      'rubric.yaml',
      'schemas/rubric.schema.json',
      'entries.csv',
      'judges.csv',
      'scores.csv',
      'README.md',
      '.github/workflows/kipp-validate.yml',
    ];
    expect(init.stdout.trim().split('\n')).toEqual(files.map((f) => join(dir, f)));
    // The rubric is the shipped profile; only its editor hint differs.
    const shipped = readFileSync(`rubrics/${profile}.yaml`, 'utf8').split('\n');
    const written = readFileSync(join(dir, 'rubric.yaml'), 'utf8').split('\n');
    expect(written.slice(1)).toEqual(shipped.slice(1));
  });

  it("#17.16: the rubric's editor hint points at the schema copied into the folder, not at a registry URL", () => {
    const first = readFileSync(join(dir, 'rubric.yaml'), 'utf8').split('\n')[0]!;
    expect(first).toBe('# yaml-language-server: $schema=./schemas/rubric.schema.json');
    expect(readFileSync(join(dir, 'schemas/rubric.schema.json'), 'utf8')).toBe(
      readFileSync('schemas/rubric.schema.json', 'utf8'),
    );
    for (const f of ['rubric.yaml', 'README.md', '.github/workflows/kipp-validate.yml'])
      expect(readFileSync(join(dir, f), 'utf8')).not.toMatch(/unpkg|kipp@\d/);
  });

  // Issue 16.7: a header-only file is an unfilled template or a truncated upload, never "clean".
  // The templates' headers are all known (no other finding); each file is one empty-file error.
  it("#16.7: kipp validate on the new folder's header-only templates: one empty-file error per file, nothing else", async () => {
    const run = await kippIn(
      [
        'validate',
        'entries.csv',
        '--scores',
        'scores.csv',
        '--judges',
        'judges.csv',
        '--rubric',
        'rubric.yaml',
        '--format',
        'json',
      ],
      { cwd: dir },
    );
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.summary).toEqual({ errors: 3, warnings: 0, files: 4 });
    expect(json.diagnostics.map((d: { code: string; file: string }) => [d.code, d.file]).sort()).toEqual([
      ['empty-file', 'entries.csv'],
      ['empty-file', 'judges.csv'],
      ['empty-file', 'scores.csv'],
    ]);
  });

  it('templates have Indonesian headers that kipp reads as its fields', () => {
    const entries = headers(join(dir, 'entries.csv'));
    expect(entries.slice(0, 6)).toEqual([
      'kode',
      'judul_inovasi',
      'instansi',
      'jenis_instansi',
      'provinsi',
      'kategori',
    ]);
    const canonical = (kind: 'entries' | 'scores' | 'judges', h: string) => fieldAliases(kind).get(normalizeName(h));
    expect(entries.map((h) => canonical('entries', h))).not.toContain(undefined);
    expect(headers(join(dir, 'judges.csv')).map((h) => canonical('judges', h))).toEqual([
      'id',
      'name',
      'agency',
      'region',
      'expertise',
    ]);
    const scores = headers(join(dir, 'scores.csv'));
    expect(scores.slice(0, 2).map((h) => canonical('scores', h))).toEqual(['entry_id', 'judge_id']);
    expect(scores).toContain('kebaruan');
    expect(scores.includes('tahap')).toBe(profile === 'kipp-2025');
  });

  it("the workflow runs kipp validate on the folder's files", () => {
    const text = readFileSync(join(dir, '.github/workflows/kipp-validate.yml'), 'utf8');
    const workflow = parse(text) as {
      jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }>;
    };
    const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));
    const validate = runs.filter((r) => r.startsWith('kipp validate '));
    expect(validate.map((r) => /--format (\S+)/.exec(r)?.[1]).sort()).toEqual(['github', 'sarif']);
    for (const r of validate) {
      expect(VALIDATE_FORMATS).toContain(/--format (\S+)/.exec(r)?.[1]);
      expect(r).toContain('kipp validate entries.csv ');
      expect(r).toContain('--judges judges.csv --rubric rubric.yaml');
    }
  });

  it('the workflow leaves the score sheet out while it holds only its header, and checks it from the first score', () => {
    const text = readFileSync(join(dir, '.github/workflows/kipp-validate.yml'), 'utf8');
    const workflow = parse(text) as { jobs: Record<string, { steps: { run?: string }[] }> };
    const run = Object.values(workflow.jobs).flatMap((j) =>
      j.steps.flatMap((s) => (s.run?.startsWith('kipp validate ') ? [s.run] : [])),
    )[0]!;
    // The step's command run by bash in a copy of the folder, with `kipp` stubbed to print its arguments.
    const folder = tempFolder('kipp-wf-');
    const bin = mkdtempSync(join(base, 'stub-'));
    writeFileSync(join(bin, 'kipp'), '#!/bin/sh\necho "$@"\n', { mode: 0o755 });
    const scores = readFileSync(join(dir, 'scores.csv'), 'utf8');
    writeFileSync(join(folder, 'scores.csv'), scores);
    const args = () =>
      spawnSync('bash', ['-e', '-c', run], {
        cwd: folder,
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
        encoding: 'utf8',
      }).stdout;
    expect(args()).not.toContain('--scores');
    writeFileSync(join(folder, 'scores.csv'), `${scores.trimEnd()}\nKIPP-001,J01,8,7,9,8,7,\n`);
    expect(args()).toContain('--scores scores.csv');
  });
});

describe('#17.16: the workflow installs kipp only from a source the secretariat controls', () => {
  const dir = join(base, 'ci');
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
  type Step = { name?: string; run?: string; env?: Record<string, string> };
  let steps: Step[];
  let install: Step;
  beforeAll(async () => {
    expect((await kippIn(['init', dir])).status).toBe(0);
    steps = (
      parse(readFileSync(join(dir, '.github/workflows/kipp-validate.yml'), 'utf8')) as {
        jobs: Record<string, { steps: Step[] }>;
      }
    ).jobs.validate!.steps;
    install = steps.find((s) => s.name === 'Install kipp')!;
  });

  /**
   * The install step's script run by bash in the folder, as the runner would, with `npm` and
   * `kipp` stubbed: what npm was asked to install (nothing when it stopped), the exit code, the
   * messages. `vars.KIPP_PACKAGE` is the repository variable (unset: the expression's default).
   */
  function runInstall(variable: string | undefined): { status: number | null; npm: string; out: string } {
    const expression = /^\$\{\{ vars\.KIPP_PACKAGE \|\| '([^']+)' \}\}$/.exec(install.env!.KIPP_PACKAGE!);
    expect(expression).not.toBeNull();
    const bin = mkdtempSync(join(base, 'stub-'));
    const log = join(bin, 'npm.log');
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$@" > ${log}\n`, { mode: 0o755 });
    writeFileSync(join(bin, 'kipp'), '#!/bin/sh\necho stub\n', { mode: 0o755 });
    const r = spawnSync('bash', ['-e', '-c', install.run!], {
      cwd: dir,
      env: { PATH: `${bin}:${process.env.PATH}`, KIPP_PACKAGE: variable || expression![1]! },
      encoding: 'utf8',
    });
    return { status: r.status, npm: existsSync(log) ? readFileSync(log, 'utf8').trim() : '', out: r.stdout + r.stderr };
  }

  it('#17.16: no step installs a package by its registry name', () => {
    for (const s of steps) expect(s.run ?? '').not.toMatch(/npm (install|i) (--global |-g )?kipp(@|\s|$)/);
  });

  it('#17.16: by default the tarball committed in vendor/; missing, the step fails saying what to do', () => {
    const missing = runInstall(undefined);
    expect(missing.status).toBe(2);
    expect(missing.npm).toBe('');
    expect(missing.out).toContain(`::error::./vendor/kipp-${version}.tgz is missing`);
    mkdirSync(join(dir, 'vendor'), { recursive: true });
    writeFileSync(join(dir, `vendor/kipp-${version}.tgz`), 'tarball');
    const present = runInstall(undefined);
    expect([present.status, present.npm]).toEqual([0, `install --global ./vendor/kipp-${version}.tgz`]);
  });

  it('#17.16: KIPP_PACKAGE may name a pinned git URL; a bare registry name is refused', () => {
    const git = runInstall(`git+https://github.com/org/kipp.git#v${version}`);
    expect([git.status, git.npm]).toEqual([0, `install --global git+https://github.com/org/kipp.git#v${version}`]);
    for (const name of ['kipp', `kipp@${version}`, 'npm:kipp', 'https://evil.example/kipp.tgz']) {
      const refused = runInstall(name);
      expect(refused.status, name).toBe(2);
      expect(refused.npm).toBe('');
      expect(refused.out).toContain('not a path or a git URL');
    }
  });

  it("#17.16: the folder's README tells the secretariat both ways", () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('npm pack');
    expect(readme).toContain(`vendor/kipp-${version}.tgz`);
    expect(readme).toContain('KIPP_PACKAGE');
  });
});

describe('kipp init: refusals', () => {
  it('a folder that is not empty: exit 2 unless --force', async () => {
    const dir = join(base, 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'catatan.txt'), 'milik sekretariat\n');
    const run = await kippIn(['init', dir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['catatan.txt']);
    const forced = await kippIn(['init', dir, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'catatan.txt'), 'utf8')).toBe('milik sekretariat\n');
    expect(readFileSync(join(dir, 'rubric.yaml'), 'utf8')).toContain('name: KIPP 2018');
  });

  it('an unknown profile: exit 2, the shipped ones named', async () => {
    const run = await kippIn(['init', join(base, 'x'), '--profile', 'kipp-1999']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/kipp-2018, kipp-2021, kipp-2022, kipp-2025/);
  });

  it('a rubric file as the profile', async () => {
    const dir = join(base, 'own');
    const run = await kippIn(['init', dir, '--profile', 'fixtures/validate/unknown-stage/rubric.yaml']);
    expect(run.status).toBe(0);
    expect(headers(join(dir, 'scores.csv'))).toContain('tahap');
  });
});
