/**
 * A CSV record's fields: the file's header (name → cell index, one per file, shared by all of
 * its rows) and the row's cells. Read like a Map (ReadonlyMap), in header order. A Map of its own
 * per row held the same texts in some 300 bytes more: 60 MB of a 200,000-entry year's heap,
 * which the garbage collector copied and marked again and again.
 */
export class RowHeader {
  /** Per number of cells in a row: the names of the fields such a row has (header order). */
  private readonly namesByLength: (readonly string[] | undefined)[] = [];

  constructor(
    /** Field name → 0-based cell index, in header order. */
    readonly index: ReadonlyMap<string, number>,
  ) {}

  /** The fields of a row of `cells` cells, one array per length, shared by every such row. */
  names(cells: number): readonly string[] {
    let names = this.namesByLength[cells];
    if (names === undefined) {
      names = [...this.index].filter(([, i]) => i < cells).map(([name]) => name);
      this.namesByLength[cells] = names;
    }
    return names;
  }
}

export class RowFields implements ReadonlyMap<string, string> {
  constructor(
    private readonly header: RowHeader,
    /** The row's cells (a row shorter than its header has no value for the missing columns). */
    private readonly cells: readonly string[],
  ) {}

  get(name: string): string | undefined {
    const i = this.header.index.get(name);
    return i !== undefined && i < this.cells.length ? this.cells[i] : undefined;
  }

  has(name: string): boolean {
    const i = this.header.index.get(name);
    return i !== undefined && i < this.cells.length;
  }

  /** The names of the fields, in header order: the same array for every row of the file with as many cells. */
  names(): readonly string[] {
    return this.header.names(this.cells.length);
  }

  get size(): number {
    return this.names().length;
  }

  // Arrays, not generators: an export lists the fields of 200,000 records, and a generator's
  // steps cost several times a loop's.
  entries(): MapIterator<[string, string]> {
    return this.names()
      .map((name): [string, string] => [name, this.get(name)!])
      [Symbol.iterator]();
  }

  keys(): MapIterator<string> {
    return this.names()[Symbol.iterator]();
  }

  values(): MapIterator<string> {
    return this.names()
      .map((name) => this.get(name)!)
      [Symbol.iterator]();
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }
}

/**
 * The names of a record's fields in order. For a CSV row, the array shared by the file's rows of
 * its length: a caller can tell rows with the same fields apart by identity, without reading them.
 */
export function fieldNames(fields: ReadonlyMap<string, string>): readonly string[] {
  return fields instanceof RowFields ? fields.names() : [...fields.keys()];
}
