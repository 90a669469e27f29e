/**
 * A CSV record's fields: the header's name → cell index map, one per file and shared by all of
 * its rows, and the row's cells. Read like a Map (ReadonlyMap), in header order. A Map of its own
 * per row held the same texts in about 500 bytes more: 100 MB of a 200,000-entry year's heap,
 * which the garbage collector copied and marked again and again.
 */
export class RowFields implements ReadonlyMap<string, string> {
  constructor(
    /** Field name → 0-based cell index, in header order. */
    private readonly index: ReadonlyMap<string, number>,
    /** The row's cells (a row shorter than its header has no value for the missing columns). */
    private readonly cells: readonly string[],
  ) {}

  get(name: string): string | undefined {
    const i = this.index.get(name);
    return i !== undefined && i < this.cells.length ? this.cells[i] : undefined;
  }

  has(name: string): boolean {
    const i = this.index.get(name);
    return i !== undefined && i < this.cells.length;
  }

  get size(): number {
    let n = 0;
    for (const i of this.index.values()) if (i < this.cells.length) n++;
    return n;
  }

  // Arrays, not generators: an export lists the fields of 200,000 records, and a generator's
  // steps cost several times a loop's.
  entries(): MapIterator<[string, string]> {
    const out: [string, string][] = [];
    for (const [name, i] of this.index) if (i < this.cells.length) out.push([name, this.cells[i]!]);
    return out[Symbol.iterator]();
  }

  keys(): MapIterator<string> {
    const out: string[] = [];
    for (const [name, i] of this.index) if (i < this.cells.length) out.push(name);
    return out[Symbol.iterator]();
  }

  values(): MapIterator<string> {
    const out: string[] = [];
    for (const i of this.index.values()) if (i < this.cells.length) out.push(this.cells[i]!);
    return out[Symbol.iterator]();
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }
}
