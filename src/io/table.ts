/**
 * From a file's bytes to records with canonical field names: decoding, CSV/YAML/JSON parsing and
 * header normalization. Problems become diagnostics with the file and line; nothing is cast.
 */
import { Buffer } from 'node:buffer';
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import { diagnostic, limitDiagnostics, pushLimited, quoted, type Diagnostic } from '../model/diagnostic.js';
import { cleanCell, ROW_NUMBER_FIELD, rowNumberColumns, type FileKind } from '../model/names.js';
import type { RawRecord } from '../model/records.js';
import { RowFields, RowHeader } from '../model/row-fields.js';
import { CsvSyntaxError, parseCsv, type CsvResult, type Delimiter } from './csv.js';
import { toUtf8 } from './decode.js';
import { binaryKind, sniffFormat, type InputBytes } from './files.js';
import type { WorkbookSheet } from './xlsx.js';
import { feedSheet } from './xlsx-rows.js';
import { canonicalField } from './header.js';
import { parseYaml, plainValue, yamlMessage, type ParsedYaml } from './yaml.js';
import { prependAll } from '../model/arrays.js';

export interface TableOptions {
  kind: FileKind;
  /** Maps a normalized header that is not a known field to a criterion id (criterion columns). */
  criterion: (normalized: string) => string | undefined;
  delimiter?: Delimiter;
  /** CSV read in parts (see CsvOptions): a byte offset of the file's own bytes to stop at. */
  stopAt?: number;
  /** CSV read in parts: after the header, continue at this byte offset of the file's own bytes and line. */
  resume?: { at: number; line: number };
  /** The file is a workbook: its sheet, already read (readWorkbooks, before loading). */
  workbook?: WorkbookSheet | undefined;
}

/** Receives CSV rows as they are parsed, instead of records (score sheets: millions of rows). */
export interface RowStream {
  /**
   * Canonical name per column (null: ignored), and canonical name → 1-based column; for CSV,
   * about how many rows follow and the delimiter.
   */
  header(
    names: (string | null)[],
    columns: Map<string, number>,
    line: number,
    rows?: number,
    delimiter?: Delimiter,
  ): void;
  /** `codes`: see CsvHandlers.row (absent for YAML/JSON records). */
  row(cells: string[], line: number, codes?: Int32Array): void;
}

export interface Table {
  /** Empty when the rows went to a RowStream. */
  records: RawRecord[];
  /** Canonical name → 1-based CSV column. */
  columns: Map<string, number>;
  /** True when a CSV file's delimiter is not a comma: numbers may use a decimal comma. */
  decimalComma: boolean;
  /** Canonical names of the columns/keys present (CSV header order; YAML/JSON first-seen order). */
  fields: string[];
  /** Where the header is (CSV) — for diagnostics about columns. */
  headerLine: number;
  /** With `stopAt`: where reading stopped, as an offset of the file's bytes (undefined: read to the end). */
  stoppedAt?: number;
  /** With `stoppedAt`: the line it is on. */
  stoppedLine?: number;
  diagnostics: Diagnostic[];
}

export function readTable(input: InputBytes, options: TableOptions, stream?: RowStream): Table {
  // A workbook is known by its bytes too (a .xlsx saved as nilai.csv): never decoded as text.
  if (input.format === 'xlsx' || options.workbook !== undefined || binaryKind(input.bytes.subarray(0, 4)) === 'zip')
    return readSheetTable(input.path, options, stream);
  const diagnostics: Diagnostic[] = [];
  const decoded = toUtf8(input.bytes);
  for (const problem of decoded.problems)
    diagnostics.push(diagnostic('encoding', problem.message, { file: input.path, line: problem.line }));
  const format = input.format ?? sniffFormat(decoded.utf8.toString('utf8', 0, 4096));
  // CSV is read from the bytes (see csv.ts); YAML and JSON from the text.
  // A stop offset holds only while the bytes read are the file's own (UTF-8, at most without a
  // byte-order mark); a transcoded file is read whole.
  const shift = decoded.encoding === 'utf-8' ? (decoded.bom ? 3 : 0) : undefined;
  const csvOptions = {
    ...options,
    stopAt: options.stopAt !== undefined && shift !== undefined ? options.stopAt - shift : undefined,
    resume:
      options.resume !== undefined && shift !== undefined
        ? { at: options.resume.at - shift, line: options.resume.line }
        : undefined,
  };
  const table =
    format === 'csv'
      ? readCsvTable(decoded.utf8, input.path, csvOptions, stream)
      : readYamlTable(decoded.utf8.toString('utf8'), input.path, options);
  if (table.stoppedAt !== undefined) table.stoppedAt += shift!;
  prependAll(table.diagnostics, diagnostics);
  return table;
}

/**
 * A workbook's sheet read like a CSV file: its rows go through the same header and
 * row checks; the cells are typed by xlsx-rows.ts. A workbook that was not read before loading
 * (the synchronous library API, loadCompetition) is refused with the way to read it.
 */
function readSheetTable(file: string, options: TableOptions, stream?: RowStream): Table {
  const book = options.workbook;
  if (book === undefined || book.problem !== undefined) {
    const message =
      book?.problem ??
      'an Excel workbook is read by the asynchronous API (loadCompetitionAsync) or the command line; loadCompetition reads CSV, YAML and JSON only';
    return {
      records: [],
      fields: [],
      columns: new Map(),
      decimalComma: true,
      headerLine: 1,
      diagnostics: [diagnostic(book === undefined ? 'unsupported-format' : 'sheet-not-found', message, { file })],
    };
  }
  const cellProblems: Diagnostic[] = [];
  const table = readCsvTable(
    new Uint8Array(0),
    file,
    { ...options, stopAt: undefined, resume: undefined },
    stream,
    (handlers) => feedSheet(book, options, handlers, cellProblems),
  );
  // The cells' problems and the rows' in one list, by row (as one reader would have listed them).
  if (cellProblems.length > 0)
    table.diagnostics = [...table.diagnostics, ...cellProblems].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
  return table;
}

/** Parses rows into handlers: the CSV parser, or a workbook sheet's rows (feedSheet). */
type ParseRows = (handlers: {
  header(cells: string[], line: number, delimiter: Delimiter): void;
  row(cells: string[], line: number, codes?: Int32Array): void;
  error(err: CsvSyntaxError): void;
}) => CsvResult;

function readCsvTable(
  bytes: Uint8Array,
  file: string,
  options: Omit<TableOptions, 'stopAt' | 'resume'> & {
    stopAt: number | undefined;
    resume: { at: number; line: number } | undefined;
  },
  stream?: RowStream,
  parse: ParseRows = (handlers) =>
    parseCsv(bytes, handlers, {
      delimiter: options.delimiter,
      cell: cleanCell,
      stopAt: options.stopAt,
      resume: options.resume,
    }),
): Table {
  const diagnostics: Diagnostic[] = [];
  const records: RawRecord[] = [];
  let names: (string | null)[] = [];
  let headerLine = 1;
  let decimalComma = false;
  let stoppedAt: number | undefined;
  let stoppedLine: number | undefined;
  const fields: string[] = [];
  const columnOf = new Map<string, number>();
  /** Field → 0-based cell index (columnOf less one), for the records' RowFields. */
  const indexOf = new Map<string, number>();
  const rowHeader = new RowHeader(indexOf);
  // Whether the row fits its header: cells past the header's width, cells under a header cell
  // with no name, and (in a score sheet) missing cells are refused at the row's line; see fits.
  const strict = options.kind === 'scores';
  /** A comma-separated score sheet: where a decimal comma cuts a score in two. */
  let commaSheet = false;
  /**
   * Where a row is refused: an entries row names its id, so that its scores' unknown-entry
   * errors can point here instead of at the id. Only from a first column: the row's cells may
   * have moved, and only those before the cut are where the header says (a cut before a later
   * id column would name a piece of the title, or another entry's id).
   */
  const refusedAt = (cells: string[], line: number, column: number) => {
    const id = options.kind === 'entries' && indexOf.get('id') === 0 ? cleanCell(cells[0] ?? '') : '';
    return id === '' ? { file, line, column } : { file, line, column, entry_id: id };
  };
  const fits = (cells: string[], line: number): boolean => {
    for (let i = names.length; i < cells.length; i++) {
      if (cells[i] !== '') {
        pushLimited(
          diagnostics,
          diagnostic(
            'parse-error',
            `the row has a value in column ${i + 1} (${excerpt(cells[i]!)}), but the header has ${names.length} columns: ${splitHint(cells, i, options.kind)}. The row is not read`,
            refusedAt(cells, line, i + 1),
          ),
        );
        return false;
      }
      // Empty cells past the header are spreadsheet padding, except in a comma-separated score
      // sheet: a spreadsheet writes as many cells on every row as on the header, and a score
      // cut in two at its decimal comma before an empty last cell looks just like this.
      if (commaSheet) {
        pushLimited(
          diagnostics,
          diagnostic(
            'parse-error',
            `the row has ${cells.length} cells but the header has ${names.length} columns (the extra ones empty): ${splitHint(cells, -1, options.kind)}. If the extra cells are only padding, delete them (in a comma-separated score sheet every row has as many cells as the header). The row is not read`,
            { file, line, column: names.length + 1 },
          ),
        );
        return false;
      }
    }
    // A score sheet's row must have a cell under every named column: one that ends early has
    // lost a cell (or was cut short), and reading the cells it has by position could take one
    // column's value for another's.
    if (strict && cells.length < namedWidth) {
      const missing = names.slice(cells.length, namedWidth).filter((n) => n !== null);
      pushLimited(
        diagnostics,
        diagnostic(
          'parse-error',
          `the row has ${cells.length} cells but the header has ${namedWidth} columns (no cell for ${missing.map((n) => `"${n}"`).join(', ')}): a cell is missing or the row was cut short. Write every cell, an empty one as nothing between two delimiters. The row is not read`,
          {
            file,
            line,
            column: cells.length + 1,
          },
        ),
      );
      return false;
    }
    for (let i = 0; i < names.length && i < cells.length; i++) {
      if (!emptyHeaders.has(i) || cells[i] === '') continue;
      // In a score sheet a value with no column to go in is an error at every row that has one:
      // it is nearly always a score cut in two (below), and the row's other cells may have moved.
      // In any file, so is a value past the header's last named column (under the empty cells a
      // spreadsheet pads the header with): a text cell cut in two at a "," or ";" puts one there,
      // having moved every cell after the cut one column right (an agency into region, a region
      // into category), as a cell past an unpadded header is (above).
      if (i >= namedWidth && !strict) {
        pushLimited(
          diagnostics,
          diagnostic(
            'parse-error',
            `the row has a value in column ${i + 1} (${excerpt(cells[i]!)}), past the header's last named column (column ${namedWidth}): ${splitHint(cells, i, options.kind)}. The row is not read`,
            refusedAt(cells, line, i + 1),
          ),
        );
        return false;
      }
      if (strict) {
        pushLimited(
          diagnostics,
          diagnostic(
            'parse-error',
            `column ${i + 1} has no header but the row has a value in it (${excerpt(cells[i]!)}): ${splitHint(cells, i, options.kind)}; then delete the empty column, or give it a header if it holds something else. The row is not read`,
            { file, line, column: i + 1 },
          ),
        );
        return false;
      }
      // Elsewhere, a column with no header between named ones (a spacer, or notes) is kept
      // nowhere: say so once per column.
      if (unnamedReported.has(i)) continue;
      unnamedReported.add(i);
      pushLimited(
        diagnostics,
        diagnostic(
          'unknown-field',
          `column ${i + 1} has no header but holds values (first here): it is ignored; give it a header if it matters`,
          { file, line, column: i + 1 },
        ),
      );
    }
    return true;
  };
  const unnamedReported = new Set<number>();
  let unnamed = false;
  /** One past the header's last named column (trailing empty header cells are padding). */
  let namedWidth = 0;
  const emptyHeaders = new Set<number>();
  try {
    const result = parse({
      error(err) {
        pushLimited(diagnostics, diagnostic('parse-error', err.message, { file, line: err.line, column: err.column }));
      },
      header(cells, line, delimiter) {
        headerLine = line;
        commaSheet = strict && delimiter === ',';
        const seen = new Map<string, number>();
        const rowNumbers = rowNumberColumns(cells, options.kind);
        names = cells.map((cell, i) => {
          const header = cleanCell(cell);
          if (header === '') {
            emptyHeaders.add(i);
            return null;
          }
          const name = rowNumbers.has(i) ? ROW_NUMBER_FIELD : canonicalField(header, options).name;
          const previous = seen.get(name);
          if (previous !== undefined) {
            diagnostics.push(
              diagnostic(
                'duplicate-header',
                `columns ${previous + 1} (${quoted(cleanCell(cells[previous] ?? ''))}) and ${i + 1} (${quoted(header)}) both mean "${name}": rename or delete one of them`,
                {
                  file,
                  line,
                  column: i + 1,
                  field: name,
                },
              ),
            );
            return null;
          }
          seen.set(name, i);
          fields.push(name);
          columnOf.set(name, i + 1);
          indexOf.set(name, i);
          return name;
        });
        namedWidth = names.length;
        while (namedWidth > 0 && names[namedWidth - 1] === null && emptyHeaders.has(namedWidth - 1)) namedWidth--;
        unnamed = emptyHeaders.size > 0;
        stream?.header(
          names,
          columnOf,
          line,
          stream && bytes.length > 0 ? estimateRecords(bytes, options.resume?.at ?? 0) : undefined,
          delimiter,
        );
      },
      row(cells, line, codes) {
        // One comparison for a row that fits (the common case: millions of score rows).
        if ((cells.length !== names.length || unnamed) && !fits(cells, line)) return;
        if (stream) return stream.row(cells, line, codes);
        // Every record of a file shares the header's column map and field index (200,000
        // entries: one map each); a record keeps only a copy of its cells.
        records.push({
          source: { file, line },
          fields: new RowFields(rowHeader, cells.slice()),
          columns: columnOf,
          decimalComma,
        });
      },
    });
    decimalComma = result.delimiter !== ',';
    stoppedAt = result.stoppedAt;
    stoppedLine = result.stoppedLine;
    if (decimalComma) for (const r of records) r.decimalComma = true;
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      pushLimited(diagnostics, diagnostic('parse-error', err.message, { file, line: err.line, column: err.column }));
    } else throw err;
  }
  const table: Table = {
    records,
    fields,
    columns: columnOf,
    decimalComma,
    headerLine,
    diagnostics: limitDiagnostics(diagnostics),
  };
  if (stoppedAt !== undefined) table.stoppedAt = stoppedAt;
  if (stoppedLine !== undefined) table.stoppedLine = stoppedLine;
  return table;
}

/** A cell as a message quotes it: in quotes, at most 40 characters (a cell may hold megabytes). */
function excerpt(cell: string): string {
  return JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);
}

/**
 * Why a row may hold a value where its header has no column: a decimal comma read as a
 * delimiter, which cuts `6,5` into the cells `6` and `5` (an unquoted `8,5` in a
 * comma-separated file; LibreOffice's CSV import, which by default splits on `,` as well as on
 * `;` and tab, and then saves the file with an unnamed column at the end).
 */
function splitHint(cells: string[], at: number, kind: TableOptions['kind']): string {
  if (kind !== 'scores')
    return `either the column holds something of its own (notes): give it a header; or a text cell of the row holding a "," or ";" was cut in two, which moves every cell after the cut one column right. LibreOffice's CSV import cuts such cells unless only the file's own separator is ticked (a comma-separated file cuts an unquoted one): open the original file again with only its own separator ticked, or quote the cell. A row cut where its last cell was empty moves its cells without leaving anything past the header, and cannot be told from a correct row: after such an import, mend the whole file, not only the rows refused`;
  const before = at > 0 ? cells[at - 1]! : '';
  const cut =
    at > 0 && /^\d{1,6}$/.test(before) && /^\d{1,3}$/.test(cells[at]!)
      ? `"${before}" and "${cells[at]}" look like the score ${before},${cells[at]}`
      : 'this is often a score like 6,5';
  return `${cut} cut in two at its decimal comma: a comma-separated file cuts an unquoted 6,5, and so does LibreOffice's CSV import in any file unless only the file's own separator is ticked. Write the score in one cell (6.5, or 6,5 in a file separated by ";" or tab); a text cell that holds a "," must be quoted`;
}

/**
 * About how many records the bytes from `from` hold, a little over: line breaks in a 64 KiB
 * sample scaled to the rest (a score sheet sizes its columns once instead of doubling them);
 * all of them counted when the sample has too few to go by.
 */
function estimateRecords(bytes: Uint8Array, from: number): number {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sample = buf.subarray(from, from + (1 << 16));
  let breaks = 0;
  for (let i = sample.indexOf(10); i >= 0; i = sample.indexOf(10, i + 1)) breaks++;
  if (sample.length === buf.length - from || breaks < 64) {
    let count = 1;
    for (let i = buf.indexOf(10, from); i >= 0; i = buf.indexOf(10, i + 1)) count++;
    return count;
  }
  return Math.ceil(((buf.length - from) * breaks * 1.05) / sample.length) + 16;
}

function readYamlTable(text: string, file: string, options: TableOptions): Table {
  const diagnostics: Diagnostic[] = [];
  const records: RawRecord[] = [];
  const fields: string[] = [];
  const { doc, lineOf: lineAt, targets, refused } = parseYaml(text, { strict: true });
  const lineOf = (offset: number | undefined) => lineAt(offset) ?? 1;
  const table = {
    records,
    fields,
    columns: new Map<string, number>(),
    decimalComma: false,
    headerLine: 1,
    diagnostics,
  };
  for (const e of doc.errors)
    diagnostics.push(diagnostic('parse-error', yamlMessage(e), { file, line: lineOf(e.pos[0]) }));
  if (doc.errors.length > 0) return table;
  if (refused) {
    diagnostics.push(diagnostic('parse-error', refused.message, { file, line: refused.line ?? 1 }));
    return table;
  }
  const root = doc.contents;
  const items: Node[] = root === null ? [] : isSeq(root) ? root.items : [root];
  // A warning (an unresolved tag such as `score: !weird 9`, …) means a value was not read as
  // written: the record that holds it is not used; one outside every record stops the file.
  const warnings = doc.warnings.map((w) => ({ at: w.pos[0], message: yamlMessage(w) })).sort((a, b) => a.at - b.at);
  /** The warnings inside each item (items and warnings are both in document order). */
  const unread: (typeof warnings)[] = items.map(() => []);
  let outside = 0;
  for (let w = 0, i = 0; w < warnings.length; w++) {
    const at = warnings[w]!.at;
    while (i < items.length && (items[i]?.range?.[1] ?? 0) <= at) i++;
    const from = items[i]?.range?.[0];
    if (from !== undefined && from <= at) unread[i]!.push(warnings[w]!);
    else outside++;
  }
  if (outside > 0) {
    for (const w of warnings)
      diagnostics.push(diagnostic('parse-error', `${w.message}: the file is not read`, { file, line: lineOf(w.at) }));
    return table;
  }
  for (const [i, item] of items.entries()) {
    const line = lineOf(item?.range?.[0]);
    if (!isMap(item)) {
      diagnostics.push(
        diagnostic('parse-error', 'expected a record (a mapping of field: value), or a list of records', {
          file,
          line,
        }),
      );
      continue;
    }
    if (unread[i]!.length > 0) {
      for (const w of unread[i]!)
        diagnostics.push(
          diagnostic('parse-error', `${w.message}: the value is not read as written, so the record is not used`, {
            file,
            line: lineOf(w.at),
          }),
        );
      continue;
    }
    const map = new Map<string, string>();
    const keyOf = new Map<string, string>();
    let clash = false;
    for (const pair of item.items) {
      const keyNode = pair.key as Node | null;
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar's value: a string, number, boolean or null
      const key = isScalar(keyNode) ? String(keyNode.value ?? '') : '';
      if (key === '$schema') continue; // an editor's JSON Schema link (schemas/*.schema.json), not data
      const { name } = canonicalField(key, options);
      if (!fields.includes(name)) fields.push(name);
      // Two keys that mean one field (`score:` and `nilai:`, `kode:` and `no:`): which one the
      // writer meant is a guess, so neither is read and the record is not used (as a CSV's
      // duplicate-header keeps neither column).
      const earlier = keyOf.get(name);
      if (earlier !== undefined) {
        diagnostics.push(
          diagnostic(
            'duplicate-header',
            `keys ${quoted(earlier)} and ${quoted(key)} both mean the field "${name}": keep one; the record is not used until then`,
            { file, line: lineOf(keyNode?.range?.[0]), field: name },
          ),
        );
        clash = true;
        continue;
      }
      keyOf.set(name, key);
      map.set(name, scalarText(pair.value as Node | null, targets));
    }
    if (!clash) records.push({ source: { file, line }, fields: map, decimalComma: false });
  }
  return table;
}

/** The text of a value as written: `08123` stays `08123`, `8.50` stays `8.50`. */
function scalarText(node: Node | null, targets: ParsedYaml['targets']): string {
  if (node === null || node === undefined) return '';
  // An alias to a scalar is that scalar, as written; to a collection, its JSON (never data here).
  const target = isAlias(node) ? targets.get(node)! : node;
  if (isScalar(target)) {
    const written = plainValue(target, targets, true) as string | null;
    return written === null ? '' : cleanCell(written);
  }
  return JSON.stringify(plainValue(target, targets));
}
