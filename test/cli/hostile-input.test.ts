/**
 * Issue 16 items 5 and 6 end to end (the built bin/kipp.js): hostile YAML, mixed and wide
 * encodings, and huge cells, generated in a temporary folder (nothing large is committed).
 * Expected totals are computed by hand: with the default rubric (scale 1–10, equal weights, no
 * normalization), a score s on every criterion gives (s − 1) / 9 × 100.
 */
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const dir = tempFolder('kipp-hostile-');
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
/** Three judges give E1 an 8 and E2 a 7 on every criterion. */
const SCORES = `entry_id,judge_id,criterion,score\n${['E1', 'E2']
  .flatMap((e) => ['J1', 'J2', 'J3'].flatMap((j) => CRITERIA.map((c) => `${e},${j},${c},${e === 'E1' ? 8 : 7}\n`)))
  .join('')}`;
const ENTRIES =
  'id,title,agency,category,implemented_since\nE1,Kafé Layanan — “Sapa”,Kementerian A,governance,2019-01-01\nE2,Straße Warga,Kota B,governance,2019-01-01\n';
const total = (s: number) => Math.round(((s - 1) / 9) * 100 * 1e6) / 1e6;
type Report = {
  entries: { id: string; title: string; total: number | null }[];
  diagnostics: { code: string; file?: string; line?: number; message: string }[];
};
const score = async (entries: string, scores = file('scores.csv', SCORES)) => {
  const run = await kippIn(['score', entries, '--scores', scores, '--as-of', '2026-11-22', '--format', 'json']);
  return { run, report: (run.stdout ? JSON.parse(run.stdout) : undefined) as Report | undefined };
};
const validateJson = async (args: string[]) => {
  const run = await kippIn(['validate', ...args, '--as-of', '2026-11-22', '--format', 'json']);
  return { run, diagnostics: (JSON.parse(run.stdout) as { diagnostics: Report['diagnostics'] }).diagnostics };
};

describe('#16.5 YAML from strangers, end to end', () => {
  it('#16.5: a 1.1 MB entries file with one alias per record to a 1 MB anchor is refused (exit 1), naming the file and the bound', async () => {
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `- {id: E${i + 1}, title: T${i + 1}, agency: *big, category: governance}\n`,
    ).join('');
    const path = file(
      'bomb.yaml',
      `- id: E0\n  title: T0\n  agency: &big "${'x'.repeat(1 << 20)}"\n  category: governance\n${rows}`,
    );
    const { run, diagnostics } = await validateJson([path]);
    expect(run.status).toBe(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'parse-error', file: path });
    expect(diagnostics[0]!.message).toMatch(
      /aliases .* expand the document to more than [\d,]+ characters, 10 times the file's size/,
    );
  });

  it('#16.5: an anchor on a 50,000-item list, one alias per record, is refused the same way', async () => {
    const rows = Array.from(
      { length: 500 },
      (_, i) => `- {id: E${i + 1}, title: T${i + 1}, agency: a, category: governance, tags: *big}\n`,
    ).join('');
    const path = file(
      'bomb-list.yaml',
      `- {id: E0, title: T0, agency: a, category: governance, tags: &big [${Array(50_000).fill('xxxx').join(', ')}]}\n${rows}`,
    );
    const { run, diagnostics } = await validateJson([path]);
    expect(run.status).toBe(1);
    expect(diagnostics.map((d) => d.code)).toEqual(['parse-error']);
  });

  it('#16.5: a score under an unresolved tag (score: !weird 9) is an error at its line and never scored', async () => {
    const rows = ['E1', 'E2'].flatMap((e) =>
      ['J1', 'J2', 'J3'].flatMap((j) =>
        CRITERIA.map((c) => `- {entry_id: ${e}, judge_id: ${j}, criterion: ${c}, score: ${e === 'E1' ? 8 : 7}}\n`),
      ),
    );
    // J3's novelty for E2 is written under a tag: the record is refused, so E2 has 2 judges on novelty.
    const tagged = rows
      .map((r) =>
        r.startsWith('- {entry_id: E2, judge_id: J3, criterion: novelty')
          ? '- entry_id: E2\n  judge_id: J3\n  criterion: novelty\n  score: !weird 9\n'
          : r,
      )
      .join('');
    const scores = file('tagged.yaml', tagged);
    const line = tagged.split('\n').indexOf('  score: !weird 9') + 1;
    const { run, diagnostics } = await validateJson([file('entries.csv', ENTRIES), '--scores', scores]);
    expect(run.status).toBe(1);
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['parse-error', scores, line]]);
    // score exits 1 but still prints its report: E2's novelty is the mean of J1's and J2's 7s,
    // never (7 + 7 + 9) / 3.
    const { run: scored, report } = await score(file('entries.csv', ENTRIES), scores);
    expect(scored.status).toBe(1);
    expect(report!.entries.map((e) => [e.id, e.total])).toEqual([
      ['E1', total(8)],
      ['E2', total(7)],
    ]);
  });
});

describe('#16.6 encodings and messages, end to end', () => {
  it('#16.6: one Windows-1252 line in a UTF-8 entries file: the other titles stay exact, a warning at the bad line', async () => {
    const bytes = Buffer.concat([
      Buffer.from(
        'id,title,agency,category,implemented_since\nE1,Kafé Layanan — “Sapa”,Kementerian A,governance,2019-01-01\nE2,Stra',
      ),
      Buffer.from([0xdf]),
      Buffer.from('e Warga,Kota B,governance,2019-01-01\n'),
    ]);
    const { run, report } = await score(file('mixed.csv', bytes));
    expect(run.status).toBe(0);
    expect(report!.entries.map((e) => [e.id, e.title, e.total])).toEqual([
      ['E1', 'Kafé Layanan — “Sapa”', total(8)],
      ['E2', 'Straße Warga', total(7)],
    ]);
    expect(report!.diagnostics.map((d) => [d.code, d.line])).toEqual([['encoding', 3]]);
    expect(report!.diagnostics[0]!.message).toContain('"E2,Straße Warga,Kota B,governance,2019-01-01"');
  });

  const wide = {
    'UTF-16 BE without a BOM': (t: string) => Buffer.from(t, 'utf16le').swap16(),
    'UTF-16 LE without a BOM': (t: string) => Buffer.from(t, 'utf16le'),
    'UTF-32 LE without a BOM': (t: string) =>
      Buffer.concat([...t].map((c) => Buffer.from(new Uint32Array([c.codePointAt(0)!]).buffer))),
    'UTF-32 BE with a BOM': (t: string) =>
      Buffer.concat([...`\ufeff${t}`].map((c) => Buffer.from(new Uint32Array([c.codePointAt(0)!]).buffer).reverse())),
  };
  it.each(Object.entries(wide))(
    '#16.6: entries and scores in %s load to the same report as UTF-8',
    async (name, encode) => {
      const { run, report } = await score(
        file(`wide-entries-${name}.csv`, encode(ENTRIES)),
        file(`wide-scores-${name}.csv`, encode(SCORES)),
      );
      expect(run.status).toBe(0);
      expect(report!.entries.map((e) => [e.id, e.title, e.total])).toEqual([
        ['E1', 'Kafé Layanan — “Sapa”', total(8)],
        ['E2', 'Straße Warga', total(7)],
      ]);
      expect(report!.diagnostics).toEqual([]);
    },
  );

  it('#16.6: a sep=; line in a CR-only (classic Mac) file is honoured; a bad one is refused with a bounded message', async () => {
    const cr = (t: string) => t.replace(/\n/g, '\r');
    const { run, report } = await score(
      file('cr.csv', cr(`sep=;\n${ENTRIES.replace(/,/g, ';')}`)),
      file('cr-scores.csv', cr(SCORES)),
    );
    expect(run.status).toBe(0);
    expect(report!.entries.map((e) => e.total)).toEqual([total(8), total(7)]);
    const bad = await validateJson([file('bad-sep.csv', cr(`sep=|\n${ENTRIES}${'x'.repeat(1 << 20)}\n`))]);
    expect(bad.run.status).toBe(1);
    expect(bad.diagnostics.map((d) => [d.code, d.line])).toEqual([['parse-error', 1]]);
    expect(bad.diagnostics[0]!.message).toBe(
      'the first line "sep=|" names a delimiter kipp does not read: use , ; or a tab',
    );
  });

  // 24 MB rather than the issue's 100 MB, to keep `npm test` quick; the sheet is still past the
  // 16 MiB at which worker threads read it, so both paths quote the cell the same way.
  it('#16.6: a 24 MB score cell is quoted as 60 characters and its length, not echoed', async () => {
    const cell = `9${'0'.repeat(24 * 2 ** 20)}`;
    const sheet = file('huge-cell.csv', `${SCORES.trimEnd()}\nE1,J1,novelty,${cell}x\n`);
    const { run, diagnostics } = await validateJson([file('entries.csv', ENTRIES), '--scores', sheet]);
    expect(run.status).toBe(1);
    expect(run.stdout.length).toBeLessThan(10_000);
    const d = diagnostics.find((x) => x.code === 'score-not-a-number')!;
    expect(d.line).toBe(SCORES.split('\n').length);
    expect(d.message).toContain(`"${cell.slice(0, 59)}…" (${(cell.length + 1).toLocaleString('en-US')} characters)`);
  });

  it('#16.6: every message quotes a bounded excerpt: 1 MB values in every column give short messages', async () => {
    const big = (tag: string) => `${tag}${'z'.repeat(1 << 20)}`;
    const entries = file(
      'big-entries.csv',
      `id,title,agency,category,agency_type,group,implemented_since,${big('H')}\n` +
        `${big('I')},${big('T')},${big('A')},${big('C')},${big('Y')},${big('G')},${big('D')},x\n` +
        `${big('I')},${big('T')},${big('A')},governance,ministry,,2019-01-01,x\n`,
    );
    const scores = file(
      'big-scores.csv',
      `entry_id,judge_id,criterion,score\n${big('E')},${big('J')},${big('K')},${big('S')}\nE1,J1,novelty,${'1'.repeat(1 << 20)}\n`,
    );
    const { run, diagnostics } = await validateJson([entries, '--scores', scores]);
    expect(run.status).toBe(1);
    expect(diagnostics.length).toBeGreaterThan(5);
    for (const d of diagnostics) expect(d.message.length, d.message.slice(0, 200)).toBeLessThan(500);
  });
});
