/**
 * A file that gives nothing to read stops every command that ranks (docs/reference/input-files.md):
 * ranked without a judge's sheet saved as .ods, a truncated entries upload or a conflicts file
 * whose every row is refused, a report would leave those out and still look whole. Found by
 * opening the year in LibreOffice: one sheet saved as .ods in the sheets folder gave a ranking of
 * 59 of 120 entries, exit 1, its cause hidden behind 50 lines of too-few-judges.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kippIn, ROOT } from './run.js';
import { tempFolder } from '../tmp.js';

const ENTRIES_HEADER = 'id,title,agency,category,implemented_since';
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
const AS_OF = ['--as-of', '2026-01-01'];
/** 60 entries: more too-few-judges lines than stderr shows (50), as in the year that found it. */
const IDS = Array.from({ length: 60 }, (_, i) => `K-${String(i + 1).padStart(3, '0')}`);

let dir: string;
const at = (name: string) => join(dir, name);
const write = (name: string, content: string | Uint8Array) => {
  writeFileSync(at(name), content);
  return at(name);
};
const run = (args: string[]) => kippIn([...args, ...AS_OF], { cwd: dir });
/** A wide sheet of one judge over the given entries. */
const sheet = (judge: string, ids: readonly string[], score = 7) =>
  `entry_id,judge_id,${CRITERIA.join(',')}\n${ids.map((id) => `${id},${judge},${CRITERIA.map(() => score).join(',')}`).join('\n')}\n`;
// An OpenDocument spreadsheet's first bytes: a ZIP whose first member is `mimetype`.
const ODS = new TextEncoder().encode(
  'PK\u0003\u0004\u0014\u0000\u0000\u0000\u0000\u0000mimetypeapplication/vnd.oasis.opendocument.spreadsheet',
);

beforeAll(() => {
  dir = tempFolder('kipp-unread-');
  write(
    'entries.csv',
    `${ENTRIES_HEADER}\n${IDS.map((id, i) => `${id},Inovasi ${i + 1},Dinas ${i + 1},1,2015-01-01`).join('\n')}\n`,
  );
  const rubric = readFileSync(join(ROOT, 'rubrics/kipp-2018.yaml'), 'utf8');
  expect(rubric).toContain('min_judges: 1\n');
  write('rubric.yaml', rubric.replace('min_judges: 1\n', 'min_judges: 2\n'));
  mkdirSync(at('nilai'));
  // Judge J1 scored every entry; J2's sheet (the other half's second judge) was saved as .ods.
  write('nilai/juri-1.csv', sheet('J1', IDS));
  write('nilai/juri-2.ods', ODS);
  write('nilai/juri-3.csv', sheet('J3', IDS.slice(0, 30), 8));
  write('juri-2.csv', sheet('J2', IDS.slice(30), 9));
  write('judges.csv', 'id,name,agency\nJ1,A,Universitas A\nJ2,B,Universitas B\nJ3,C,Universitas C\n');
});

describe('a file that gives nothing to read stops the commands that rank', () => {
  it('score: the cause comes first, then what to do; no report, exit 1', async () => {
    const r = await run([
      'score',
      at('entries.csv'),
      '--scores',
      at('nilai'),
      '-r',
      at('rubric.yaml'),
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${at('nilai/juri-2.ods')}: error unsupported-format: .*OpenDocument`));
    expect(lines[1]).toBe(
      `kipp score: stopped, nothing written: ${at('nilai/juri-2.ods')} (scores) gave nothing to read.`,
    );
    expect(lines[2]).toMatch(
      /^Without it, a report would leave out judges' scores, and still look complete\. Correct it/,
    );
    // Nothing else: the 30 entries J2 was to score lack a second judge, which scoring would
    // find; validate lists them beside the .ods (below), they no longer hide it.
    expect(lines).toHaveLength(3);
  });

  it('without the .ods, the same year ranks every entry (the stop is the file, not the data)', async () => {
    const r = await run([
      'score',
      at('entries.csv'),
      '--scores',
      at('nilai/juri-1.csv'),
      at('nilai/juri-3.csv'),
      at('juri-2.csv'),
      '-r',
      at('rubric.yaml'),
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { entries: { id: string; rank: number | null; total: number | null }[] };
    expect(report.entries.filter((e) => e.rank !== null)).toHaveLength(60);
    // By hand: J1 gives 7 everywhere, J3 8 on the first 30, J2 9 on the last 30 (scale 1–10).
    const total = (mean: number) => (100 * (mean - 1)) / 9;
    expect(report.entries[0]!.total).toBeCloseTo(total(8), 6);
    expect(report.entries.at(-1)!.total).toBeCloseTo(total(7.5), 6);
  });

  it.each([
    ['export', ['--output', 'top.xlsx']],
    ['export', ['--output', 'top.csv']],
    ['score', ['--output', 'report.json']],
    ['score', ['--format', 'html', '--output', 'report.html']],
    ['judges', ['--format', 'json']],
    ['sensitivity', ['--runs', '10', '--seed', '1']],
    ['agenda', ['--format', 'json']],
  ])('%s %j stops before writing anything', async (command, extra) => {
    const r = await run([command, at('entries.csv'), '--scores', at('nilai'), '-r', at('rubric.yaml'), ...extra]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`kipp ${command}: stopped, nothing written: ${at('nilai/juri-2.ods')} (scores)`);
    const output = extra[extra.indexOf('--output') + 1];
    if (extra.includes('--output')) expect(existsSync(at(output!))).toBe(false);
  });

  it('explain stops too', async () => {
    const r = await run(['explain', 'K-001', at('entries.csv'), '--scores', at('nilai'), '-r', at('rubric.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('kipp explain: stopped, nothing written');
  });

  it('validate is not stopped: it lists the file with every other problem', async () => {
    const r = await run([
      'validate',
      at('entries.csv'),
      '--scores',
      at('nilai'),
      '-r',
      at('rubric.yaml'),
      '-f',
      'json',
    ]);
    expect(r.status).toBe(1);
    const found = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(found.filter((c) => c === 'unsupported-format')).toHaveLength(1);
    expect(found.filter((c) => c === 'too-few-judges')).toHaveLength(30);
  });

  it.each([
    ['an empty entries file in the entries folder', 'entries', ''],
    ['a header-only score sheet', 'scores', `entry_id,judge_id,${CRITERIA.join(',')}\n`],
    ['a score sheet without criterion or score columns', 'scores', 'entry_id,judge_id,kriteria\nK-001,J1,novelty\n'],
    ['a judges file without an id column', 'judges', 'nama,instansi\nBudi,Universitas A\n'],
    ['a conflicts file whose every row is refused', 'conflicts', 'judge_id,entry_id,reason\nJ1,,same office\n'],
  ])('%s stops score', async (_name, kind, content) => {
    const full = [write('j1.csv', sheet('J1', IDS)), write('j3.csv', sheet('J3', IDS, 8))];
    const args = ['score', at('entries.csv'), '--format', 'json', '-r', at('rubric.yaml')];
    let file: string;
    if (kind === 'entries') {
      mkdirSync(at('masuk'), { recursive: true });
      write('masuk/a.csv', `${ENTRIES_HEADER}\nK-001,Inovasi 1,Dinas 1,1,2015-01-01\n`);
      file = write('masuk/b.csv', content);
      args.splice(1, 1, at('masuk'));
      args.push('--scores', ...full);
    } else {
      file = write(`bad-${kind}.csv`, content);
      args.push('--scores', ...full);
      if (kind === 'scores') args.push(file);
      else args.push(`--${kind}`, file);
      if (kind === 'conflicts') args.push('--judges', at('judges.csv'));
    }
    const r = await run(args);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toContain(`${file}`);
    expect(r.stderr).toContain(`stopped, nothing written: ${file} (${kind}) gave nothing to read.`);
  });

  it('a sheet whose rows are read but whose every score is refused is data, not an unread file: exit 1 with a report', async () => {
    // Step 1 of the scoring rules: each refused score is an error at its line, the rest is ranked.
    const full = [write('j1.csv', sheet('J1', IDS)), write('j3.csv', sheet('J3', IDS, 8))];
    const bad = write('refused.csv', 'entry_id,judge_id,criterion,score\nK-001,J2,novelty,8;5\nK-002,J2,novelty,abc\n');
    const r = await run([
      'score',
      at('entries.csv'),
      '--scores',
      ...full,
      bad,
      '-r',
      at('rubric.yaml'),
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as {
      entries: { rank: number | null }[];
      diagnostics: { code: string; line?: number }[];
    };
    expect(report.entries.filter((e) => e.rank !== null)).toHaveLength(60);
    expect(report.diagnostics.filter((d) => d.code === 'score-not-a-number').map((d) => d.line)).toEqual([2, 3]);
  });

  it('a conflicts file with one row refused and one read is not stopped: the read one applies', async () => {
    const full = [write('j1.csv', sheet('J1', IDS)), write('j3.csv', sheet('J3', IDS, 8))];
    const conflicts = write('conflicts-half.csv', 'judge_id,entry_id,reason\nJ1,,same office\nJ3,K-001,his wife\n');
    const r = await run([
      'score',
      at('entries.csv'),
      '--scores',
      ...full,
      '--judges',
      at('judges.csv'),
      '--conflicts',
      conflicts,
      '-r',
      at('rubric.yaml'),
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1); // the refused row is an error
    const report = JSON.parse(r.stdout) as { entries: { id: string; rank: number | null; flags: string[] }[] };
    // K-001 keeps one judge (J1) of the two min_judges asks: not ranked.
    expect(report.entries.find((e) => e.id === 'K-001')).toMatchObject({ rank: null, flags: ['incomplete'] });
  });
});
