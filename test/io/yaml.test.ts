/**
 * YAML and JSON from strangers: the core schema (no casts, `no` stays "no" even after
 * `%YAML 1.1`), duplicate keys rejected, alias bombs stopped, custom tags reported.
 */
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/io/table.js';

const read = (text: string, format: 'yaml' | 'json' = 'yaml') =>
  readTable({ path: 'x.yaml', bytes: new TextEncoder().encode(text), sha256: '', format }, { kind: 'entries', criterion: () => undefined });
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
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) {
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
