/**
 * The terminal table end to end: at every terminal width it picks the richest layout that fits
 * and never draws a line wider than the terminal (measured in terminal columns by string-width,
 * the measure cli-table3 uses, not by .length), in English and Indonesian, with wide characters
 * in the titles; and a 100 MB title is cut, not a crash.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_INPUTS, kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const EX = 'fixtures/example';
const S = 'fixtures/stages';
const EXAMPLE = [...EXAMPLE_INPUTS, '--as-of', '2026-11-22'];
const STAGED = [
  `${S}/entries.csv`,
  '--scores',
  `desk=${S}/scores-desk.csv`,
  `presentation=${S}/scores-presentation.csv`,
  '--judges',
  `${S}/judges.csv`,
  '--rubric',
  'rubrics/kipp-2025.yaml',
  '--as-of',
  '2025-06-30',
];
const WIDTHS = [40, 60, 80, 100, 120, 200];

/** The example entries with every title replaced by `title(i)`. */
function withTitles(title: (i: number) => string): string {
  const dir = tempFolder('kipp-width-');
  const [head, ...rows] = readFileSync(`${EX}/entries.csv`, 'utf8').trimEnd().split('\n');
  // titles are the second field; the example's titles hold no comma or quote
  writeFileSync(
    join(dir, 'entries.csv'),
    `${[head, ...rows.map((r, i) => r.replace(/^([^,]*),[^,]*,/, `$1,${title(i)},`))].join('\n')}\n`,
  );
  return join(dir, 'entries.csv');
}

const widest = (out: string) => Math.max(...out.split('\n').map((l) => stringWidth(l)));

describe('#17.12: the terminal table never exceeds the terminal', () => {
  const wide = withTitles((i) =>
    i % 3 === 0
      ? `行政サービス改革 ${i} 🏥 Layanan Kesehatan Keliling Desa Terpencil`
      : i % 3 === 1
        ? `Pelayanan Terpadu Satu Pintu Kabupaten ${i}`
        : `Sapa ${i}`,
  );
  const cases: [string, string[]][] = [
    ['the example, English', ['score', ...EXAMPLE]],
    ['the example, Indonesian', ['score', ...EXAMPLE, '--lang', 'id']],
    ['staged KIPP 2025, Indonesian', ['score', ...STAGED, '--lang', 'id']],
    ['CJK and emoji titles', ['score', wide, ...EXAMPLE.slice(1), '--lang', 'id']],
  ];
  for (const [name, args] of cases) {
    it(`${name}: at ${WIDTHS.join(', ')} columns every line fits`, async () => {
      for (const width of WIDTHS) {
        const r = await kippIn(args, { env: { COLUMNS: String(width) } });
        expect(r.status).toBe(0);
        expect({ width, widest: widest(r.stdout) <= width }).toEqual({ width, widest: true });
        expect(r.stdout).toMatch(/KIPP-20\d\d-0\d\d|K25-00\d/); // the entries are there
      }
    });
  }

  it('#17.12: with short titles at 200 columns the criteria are shown with their full names; cut names get a legend', async () => {
    const short = withTitles((i) => `T${i}`);
    const en = await kippIn(['score', short, ...EXAMPLE.slice(1)], { env: { COLUMNS: '200' } });
    const head = en.stdout.split('\n')[1]!;
    for (const label of ['Novelty', 'Effectiveness', 'Benefit', 'Replicability', 'Sustainability'])
      expect(head).toContain(`│ ${label} `);
    // Indonesian "Dapat ditransfer/direplikasi" is longer than a column header: cut, and spelled out
    const id = await kippIn(['score', short, ...EXAMPLE.slice(1), '--lang', 'id'], { env: { COLUMNS: '200' } });
    const idHead = id.stdout.split('\n')[1]!;
    expect(idHead).toContain('│ Kebaruan ');
    expect(idHead).toContain('│ Dapat ditransfe… ');
    expect(id.stdout).toContain('Dapat ditransfe… Dapat ditransfer/direplikasi');
  });

  it('#17.12: between 60 and 120 columns the table narrows its text columns instead of overflowing', async () => {
    for (const width of [100, 120]) {
      const r = await kippIn(['score', ...EXAMPLE], { env: { COLUMNS: String(width) } });
      const lines = r.stdout.split('\n');
      expect(lines[0]!.startsWith('┌')).toBe(true); // still a table
      expect(stringWidth(lines[0]!)).toBeLessThanOrEqual(width);
    }
    // too narrow for a table: rank, id and total on every line, without borders
    const list = (await kippIn(['score', ...EXAMPLE], { env: { COLUMNS: '60' } })).stdout.split('\n');
    expect(list[0]).toMatch(/^\s*#\s+ID\s+Total\s+Title/);
    expect(list.some((l) => /^\s+1\s+KIPP-2018-011\s+\d+\.\d\d\s/.test(l))).toBe(true);
  });
});

describe('#16.10: a 100 MB title', () => {
  it('is cut with an ellipsis in the terminal table, not a crash', async () => {
    const dir = tempFolder('kipp-huge-');
    const title = 'A'.repeat(100 * 1024 * 1024);
    writeFileSync(
      join(dir, 'entries.csv'),
      `id,title,agency,agency_type,region,category,implemented_since\nX-1,${title},Dinas,city,Kota Bandung,governance,2020-01-01\nX-2,Pendek,Dinas,city,Kota Bandung,governance,2020-01-01\n`,
    );
    const criteria = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
    writeFileSync(
      join(dir, 'scores.csv'),
      `entry_id,judge_id,criterion,score\n${['X-1', 'X-2'].flatMap((e) => criteria.map((c) => `${e},J1,${c},7\n`)).join('')}`,
    );
    const r = await kippIn(
      ['score', join(dir, 'entries.csv'), '--scores', join(dir, 'scores.csv'), '--as-of', '2026-01-01'],
      {
        env: { COLUMNS: '120' },
      },
    );
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.includes('X-1'))!;
    expect(row).toMatch(/│ A{10,}… │/);
    expect(widest(r.stdout)).toBeLessThanOrEqual(120);
  }, 120_000);
});
