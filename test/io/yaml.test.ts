/**
 * YAML and JSON from strangers: the core schema (no casts, `no` stays "no" even after
 * `%YAML 1.1`), duplicate keys rejected, alias bombs stopped, custom tags reported.
 */
import { describe, expect, it } from 'vitest';
import { parseRubric } from '../../src/io/rubric.js';
import { readTable } from '../../src/io/table.js';

const read = (text: string, format: 'yaml' | 'json' = 'yaml') =>
  readTable(
    { path: 'x.yaml', bytes: new TextEncoder().encode(text), sha256: '', format },
    { kind: 'entries', criterion: () => undefined },
  );
const codes = (t: ReturnType<typeof read>) => t.diagnostics.map((d) => [d.code, d.line]);
const values = (t: ReturnType<typeof read>) => t.records.map((r) => Object.fromEntries(r.fields));

describe('hostile YAML', () => {
  it('keeps Norway-problem words and leading zeros as written, even after %YAML 1.1', () => {
    const t = read('%YAML 1.1\n---\nid: 0810\ntitle: no\nagency: on\ncategory: yes\nregion: ~\n');
    expect(codes(t)).toEqual([]);
    expect(values(t)).toEqual([{ id: '0810', title: 'no', agency: 'on', category: 'yes', region: '' }]);
  });

  it('rejects duplicate keys with the line of the second', () => {
    expect(codes(read('id: A\ntitle: x\nid: B\n'))).toEqual([['parse-error', 3]]);
  });

  it('stops an alias bomb as a parse error and does not use the record', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
    ]) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const t = read(`${bomb.join('\n')}\n`);
    expect(t.diagnostics.length).toBeGreaterThan(0);
    expect(t.diagnostics.every((d) => d.code === 'parse-error')).toBe(true);
    expect(t.records).toEqual([]);
  });

  it('an alias to a scalar is that scalar as written (not JSON-quoted); to a collection it is kept as JSON text', () => {
    const t = read('- id: &kode 0810\n  title: &judul Sapa Warga\n- id: B\n  title: *judul\n  region: *kode\n');
    expect(codes(t)).toEqual([]);
    expect(values(t)[1]).toEqual({ id: 'B', title: 'Sapa Warga', region: '0810' });
  });

  it('reports custom tags instead of running or ignoring them', () => {
    const t = read('id: !!python/object:os.system x\ntitle: !custom t\n');
    expect(codes(t)).toEqual([
      ['parse-error', 1],
      ['parse-error', 2],
    ]);
  });

  it('reports a list item that is not a record, and keeps the others', () => {
    const t = read('- id: A\n  title: t\n- just a string\n- id: B\n');
    expect(codes(t)).toEqual([['parse-error', 3]]);
    expect(t.records.map((r) => [r.fields.get('id'), r.source.line])).toEqual([
      ['A', 1],
      ['B', 4],
    ]);
  });

  it('broken syntax is a parse error with its line; an empty file has no records', () => {
    expect(codes(read('id: A\ntitle: [unclosed\n'))[0]).toEqual(['parse-error', 3]);
    expect(read('')).toMatchObject({ records: [], diagnostics: [] });
  });
});

describe('JSON', () => {
  it('keeps numbers as written (8.50 stays 8.50) and gives each record its line', () => {
    const t = read('[\n  {"id": "A", "novelty": 8.50},\n  {"id": "B", "novelty": 7}\n]\n', 'json');
    expect(values(t)).toEqual([
      { id: 'A', novelty: '8.50' },
      { id: 'B', novelty: '7' },
    ]);
    expect(t.records.map((r) => r.source.line)).toEqual([2, 3]);
  });
  it('rejects duplicate keys', () => {
    expect(codes(read('{"id": "A", "id": "B"}', 'json'))).toEqual([['parse-error', 1]]);
  });
});

describe('#16.5 the whole document is bounded, and a value not read is never used', () => {
  /** A 1 MB anchor and one alias to it per record: about 1.1 MB of file, gigabytes expanded. */
  const anchorBomb = (records: number, anchor: string) =>
    `- id: A0\n  title: &big ${anchor}\n${Array.from({ length: records }, (_, i) => `- {id: A${i + 1}, title: *big}\n`).join('')}`;

  it('#16.5: one alias per record to a 1 MB anchor is refused for the whole file, at the alias that crosses the bound', () => {
    const text = anchorBomb(4000, `"${'x'.repeat(1 << 20)}"`);
    const t = read(text);
    expect(t.records).toEqual([]);
    expect(t.diagnostics).toHaveLength(1);
    const [d] = t.diagnostics;
    expect(d).toMatchObject({ code: 'parse-error', file: 'x.yaml' });
    // The bound is 10 × the file's characters. The anchor's value is 1,048,578 characters as
    // written (on line 2), and the k-th alias is on line 2 + k: with k aliases the document holds
    // k + 1 copies, so the bound is crossed at k + 1 = ceil(bound / 1,048,578).
    expect(d!.message).toContain(`${(10 * text.length).toLocaleString('en-US')} characters`);
    expect(d!.message).toContain('*big');
    expect(d!.line).toBe(1 + Math.ceil((10 * text.length) / ((1 << 20) + 2)));
  });

  it('#16.5: an anchor on a large list, repeated per record, is refused the same way (nested aliases too)', () => {
    const list = `[${Array(50_000).fill('x').join(', ')}]`;
    expect(read(anchorBomb(100, list)).diagnostics.map((d) => d.code)).toEqual(['parse-error']);
    // The classic billion laughs: each level nine aliases of the one before (9^7 x's, 5 lines).
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
    ])
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    const t = read(`${laughs.join('\n')}\n`);
    expect(t.records).toEqual([]);
    expect(t.diagnostics.map((d) => [d.code, d.line])).toEqual([['parse-error', 6]]);
  });

  it('#16.5: a file that repeats a few short anchors (the way people use them) still loads', () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `- {id: A${i + 1}, title: Judul ${i + 1}, agency: *kemenkes, category: *kat}\n`,
    ).join('');
    const t = read(
      `- {id: A0, title: Judul 0, agency: &kemenkes Kementerian Kesehatan Republik Indonesia, category: &kat governance}\n${rows}`,
    );
    expect(t.diagnostics).toEqual([]);
    expect(t.records).toHaveLength(2001);
    expect(t.records[2000]!.fields.get('agency')).toBe('Kementerian Kesehatan Republik Indonesia');
  });

  it('#16.5: a value under an unresolved tag is an error at its line and its record is not used; the others load', () => {
    const t = readTable(
      {
        path: 's.yaml',
        bytes: new TextEncoder().encode(
          '- {entry_id: E1, judge_id: J1, criterion: novelty, score: 7}\n- entry_id: E2\n  judge_id: J1\n  criterion: novelty\n  score: !weird 9\n- {entry_id: E3, judge_id: J1, criterion: novelty, score: 8}\n',
        ),
        sha256: '',
        format: 'yaml',
      },
      { kind: 'scores', criterion: () => undefined },
    );
    expect(t.diagnostics.map((d) => [d.code, d.line])).toEqual([['parse-error', 5]]);
    expect(t.diagnostics[0]!.message).toContain('!weird');
    expect(t.records.map((r) => [r.fields.get('entry_id'), r.fields.get('score')])).toEqual([
      ['E1', '7'],
      ['E3', '8'],
    ]);
  });

  it('#16.5: a tag outside every record (on the list itself) stops the file', () => {
    const t = read('!weird\n- {id: A, title: t}\n- {id: B, title: u}\n');
    expect(t.records).toEqual([]);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['parse-error']);
  });

  it('#16.5: an alias inside the value it names is refused, not followed forever', () => {
    const t = read('- id: A\n  title: &t [a, *t]\n');
    expect(t.records).toEqual([]);
    expect(t.diagnostics.map((d) => [d.code, d.line])).toEqual([['parse-error', 2]]);
  });

  it('#16.5: a rubric is parsed with the same bound (invalid-rubric, nothing read)', () => {
    const big = 'x'.repeat(1 << 20);
    const text = `name: &n "${big}"\nversion: 1\nscale: { min: 1, max: 10 }\nlabels: [${Array(20).fill('*n').join(', ')}]\n`;
    const { rubric, diagnostics } = parseRubric(text, 'r.yaml');
    expect(rubric).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['invalid-rubric', 4]]);
    expect(diagnostics[0]!.message).toContain('is not read');
  });
});

describe("a rubric's version, as written", () => {
  // The reports, the manifest and `kipp diff` show and compare it: YAML reads 2026.10 as 2026.1.
  const versionOf = (written: string) =>
    parseRubric(`name: T\nversion: ${written}\nscale: { min: 1, max: 10 }\n`, 'rubric.yaml').rubric!.version;

  it('keeps a version YAML would print otherwise as the text written', () => {
    expect(versionOf('2026.10')).toBe('2026.10');
    expect(versionOf('01')).toBe('01');
    expect(versionOf('1e3')).toBe('1e3');
    expect(versionOf('1.50')).toBe('1.50');
  });

  it('keeps a number that reads back as written a number, and text text', () => {
    expect(versionOf('2')).toBe(2);
    expect(versionOf('1.5')).toBe(1.5);
    expect(versionOf('"1.10"')).toBe('1.10');
    expect(versionOf('v2')).toBe('v2');
  });
});
