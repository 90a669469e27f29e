/**
 * RowFields (a CSV record's fields: a shared header index and the row's cells) reads exactly like
 * the Map of its own that each record used to hold: same values, same absent fields, same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldNames, RowFields, RowHeader } from '../../src/model/row-fields.js';

/** The Map the reader built before: each named cell of the row, in cell order. */
function mapOf(names: (string | null)[], cells: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i < cells.length; i++) {
    const name = names[i];
    if (name === undefined || name === null) continue;
    map.set(name, cells[i]!);
  }
  return map;
}

describe('RowFields', () => {
  it('reads like the per-row Map: rows shorter and longer than the header, unnamed columns', () => {
    const header = fc
      .uniqueArray(fc.constantFrom('id', 'title', 'agency', 'category', 'novelty', 'x'), { maxLength: 6 })
      .chain((names) =>
        fc.tuple(fc.constant(names), fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length })),
      );
    fc.assert(
      fc.property(header, fc.array(fc.string({ maxLength: 3 }), { maxLength: 9 }), ([unique, unnamed], cells) => {
        const names = unique.map((n, i) => (unnamed[i] ? null : n));
        const index = new Map<string, number>();
        names.forEach((n, i) => n !== null && index.set(n, i));
        const fields = new RowFields(new RowHeader(index), cells);
        const expected = mapOf(names, cells);
        expect([...fields]).toEqual([...expected]);
        expect([...fields.entries()]).toEqual([...expected.entries()]);
        expect([...fields.keys()]).toEqual([...expected.keys()]);
        expect([...fields.values()]).toEqual([...expected.values()]);
        expect(fields.size).toBe(expected.size);
        expect(fieldNames(fields)).toEqual([...expected.keys()]);
        expect(fieldNames(expected)).toEqual([...expected.keys()]);
        expect(Object.fromEntries(fields)).toEqual(Object.fromEntries(expected));
        for (const name of ['id', 'title', 'agency', 'category', 'novelty', 'x', 'missing']) {
          expect(fields.has(name)).toBe(expected.has(name));
          expect(fields.get(name)).toBe(expected.get(name));
        }
        const seen: [string, string][] = [];
        fields.forEach((value, key, map) => {
          expect(map).toBe(fields);
          seen.push([key, value]);
        });
        expect(seen).toEqual([...expected]);
      }),
      { numRuns: 300 },
    );
  });

  it('rows of the same length share one list of names; other lengths get their own', () => {
    const header = new RowHeader(
      new Map([
        ['id', 0],
        ['title', 1],
        ['agency', 2],
      ]),
    );
    const a = new RowFields(header, ['E1', 'A', 'X']);
    const b = new RowFields(header, ['E2', 'B', 'Y']);
    const short = new RowFields(header, ['E3']);
    expect(fieldNames(a)).toBe(fieldNames(b));
    expect(fieldNames(a)).toEqual(['id', 'title', 'agency']);
    expect(fieldNames(short)).toEqual(['id']);
    expect(short.get('title')).toBeUndefined();
  });
});
