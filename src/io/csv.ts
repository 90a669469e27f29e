/**
 * The CSV reader: RFC 4180 plus what spreadsheets write, in one pass over UTF-8 bytes.
 *
 * - The delimiter is `,`, `;` or tab: given, named by Excel's `sep=;` first line, or detected
 *   from the header and the first records (see detectDelimiter).
 * - Quoted cells may hold delimiters, `""` and line breaks; line numbers count the breaks inside
 *   quotes, so a record's line is the line it starts on, whatever came before (CRLF included).
 * - A quote inside an unquoted cell is a plain character (`Layanan "Sapa" Warga`), as Excel
 *   reads it. Text after a closing quote, and a quote never closed, are errors at their place.
 * - Records whose cells are all empty (`;;;;`, blank lines) are skipped.
 *
 * Why by hand: csv-parse cannot detect a delimiter, miscounts lines after a quoted CRLF, and
 * takes over 20 s for a 5-million-row score sheet; this loop reads it in about two. Short cells
 * (ids, judge codes, criterion names, scores) repeat: each distinct byte sequence becomes one
 * string, found again by hash without allocating, so millions of rows make few strings.
 */
import { Buffer } from 'node:buffer';
import { quoted } from '../model/diagnostic.js';

export type Delimiter = ',' | ';' | '\t';

export interface CsvHandlers {
  /** The first non-empty record, and the delimiter the file is read with. */
  header(cells: string[], line: number, delimiter: Delimiter): void;
  /**
   * Every later non-empty record. `cells` is reused for the next record: copy it to keep it.
   * `codes[k]` numbers cell k's text within this file (equal codes, equal texts; -1: not
   * numbered, a long or quoted cell), so a reader can look a repeated text up in an array.
   * `codes` is reused too and is longer than the record: past `cells.length` it holds an
   * earlier record's codes, never this one's.
   */
  row(cells: string[], line: number, codes: Int32Array): void;
  /** A record that cannot be read (it is not passed to `row`); without a handler, the first one throws. */
  error?(error: CsvSyntaxError): void;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export interface CsvOptions {
  delimiter?: Delimiter | undefined;
  /**
   * Stop before the first record after the header that starts exactly at this byte offset of
   * the input; when no record starts there (the offset is inside a record, or before the end
   * of the header), read on to the end. For reading one file in two parts (sheet-thread.ts).
   */
  stopAt?: number | undefined;
  /**
   * Right after the header, jump to byte `at` of the input, a record start on line `line`: a
   * worker reads the second part of a file with the file's own header (sheet-thread.ts).
   */
  resume?: { at: number; line: number } | undefined;
  /** Applied to every cell once (to each distinct short cell once): e.g. trimming. */
  cell?: (raw: string) => string;
}

export interface CsvResult {
  delimiter: Delimiter;
  /** True when the file began with Excel's `sep=` line. */
  sepLine: boolean;
  /** True when the delimiter was detected (neither given nor named by `sep=`). */
  detected: boolean;
  /** With `stopAt`: the offset reading stopped at (equal to stopAt), or undefined when it read to the end. */
  stoppedAt?: number;
  /** With `stoppedAt`: the line that offset is on. */
  stoppedLine?: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
/** Column modes of the cell cache. */
const UNDECIDED = 0;
const CACHE = 1;
const PLAIN = 2;
/** Cells up to this many bytes are looked up in the cell cache. */
const CACHED = 64;

const identity = (s: string) => s;

function toBuffer(input: Uint8Array | string): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/**
 * One string per distinct short cell: an open-addressing table keyed by the cell's bytes (kept
 * as an offset into the buffer being read), so a repeated cell costs a hash and a comparison.
 * Each distinct cell also gets a code, its index in `values`.
 */
class CellCache {
  private mask = (1 << 12) - 1;
  private starts = new Int32Array(this.mask + 1);
  /** Length + 1; 0 marks an empty slot. */
  private lengths = new Int32Array(this.mask + 1);
  private hashes = new Int32Array(this.mask + 1);
  /** Code + 1 per slot. */
  private codes = new Int32Array(this.mask + 1);
  /** The (transformed) text of each code. */
  readonly values: string[] = [];

  constructor(
    private readonly buf: Buffer,
    private readonly transform: (raw: string) => string,
  ) {}

  /** The code of bytes s..e; `h` is the hash scan() computed over them: (h * 0x01000193) ^ byte, from 0. */
  code(s: number, e: number, ascii: boolean, h: number): number {
    const buf = this.buf;
    const len = e - s;
    // murmur3's finalizer: ids that differ in their last digits (KIPP-000001, …) would
    // otherwise fill neighbouring slots and probe seven times per look-up.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let slot = h & this.mask;
    for (;;) {
      const stored = this.lengths[slot]!;
      if (stored === 0) break;
      if (stored === len + 1 && this.hashes[slot] === h) {
        const t = this.starts[slot]!;
        let k = 0;
        while (k < len && buf[t + k] === buf[s + k]) k++;
        if (k === len) return this.codes[slot]! - 1;
      }
      slot = (slot + 1) & this.mask;
    }
    const code = this.values.length;
    this.values.push(this.transform(buf.toString(ascii ? 'latin1' : 'utf8', s, e)));
    this.starts[slot] = s;
    this.lengths[slot] = len + 1;
    this.hashes[slot] = h;
    this.codes[slot] = code + 1;
    if ((code + 1) * 2 > this.mask) this.grow();
    return code;
  }

  private grow(): void {
    const { starts, lengths, hashes, codes } = this;
    this.mask = this.mask * 2 + 1;
    this.starts = new Int32Array(this.mask + 1);
    this.lengths = new Int32Array(this.mask + 1);
    this.hashes = new Int32Array(this.mask + 1);
    this.codes = new Int32Array(this.mask + 1);
    for (let i = 0; i < lengths.length; i++) {
      if (lengths[i] === 0) continue;
      let slot = hashes[i]! & this.mask;
      while (this.lengths[slot] !== 0) slot = (slot + 1) & this.mask;
      this.starts[slot] = starts[i]!;
      this.lengths[slot] = lengths[i]!;
      this.hashes[slot] = hashes[i]!;
      this.codes[slot] = codes[i]!;
    }
  }
}

/** What one scan reads and where its records and errors go. */
interface ScanJob {
  buf: Buffer;
  /** A byte offset at the beginning of line `firstLine`. */
  start: number;
  firstLine: number;
  /** The delimiter's byte. */
  delimiter: number;
  /** Applied to each unquoted cell's text (trimming, for example). */
  transform: (raw: string) => string;
  /** Each record with the line it starts on; returning false stops the scan. */
  emit: (cells: string[], line: number, codes: Int32Array) => boolean;
  /** A broken record: said here, not emitted. */
  onError: (error: CsvSyntaxError) => void;
  /** Stop at the first record that starts at or after this offset (a worker's half). */
  stopAt?: number;
  /** Where a previous scan of the same bytes stopped. */
  resume?: { at: number; line: number };
}

/**
 * Reads records from `job.start` and passes each to `job.emit`; stops when it returns false.
 * Returns where it stopped at `stopAt`, if it did. Errors go to `onError`.
 */
function scan(job: ScanJob): { at: number; line: number } | undefined {
  const { buf, start, firstLine, delimiter, transform, emit, onError, resume } = job;
  let stopAt = job.stopAt ?? Infinity;
  const n = buf.length;
  const cache = new CellCache(buf, transform);
  const cells: string[] = [];
  const values = cache.values;
  let codes = new Int32Array(64);
  // Per column: whether its cells are cached. A column whose cells rarely repeat (ids and
  // titles in an entries file) stops being cached when most of its first 4,096 lookups missed:
  // filling the cache with 200,000 one-off titles costs more than it saves.
  let modes = new Int32Array(64).fill(UNDECIDED); // then CACHE or PLAIN
  let lookups = new Int32Array(64);
  let misses = new Int32Array(64);
  let i = start;
  let line = firstLine;
  let emitted = false;
  while (i < n) {
    if (i >= stopAt && emitted) {
      if (i === stopAt) return { at: i, line };
      stopAt = Infinity; // the offset was inside a record: no clean place to stop
    }
    const recordLine = line;
    let count = 0; // cells in this record; the array is reused and only resized when needed
    let bad = false;
    for (;;) {
      if (count + 2 > codes.length) {
        codes = doubled(codes);
        modes = doubled(modes);
        lookups = doubled(lookups);
        misses = doubled(misses);
      }
      if (i < n && buf[i] === QUOTE) {
        // A quoted cell: runs to the closing quote; `""` is one quote; breaks count as lines.
        const openLine = line;
        i++;
        let from = i;
        let text = '';
        let closed = false;
        while (i < n) {
          const b = buf[i]!;
          if (b === QUOTE) {
            if (buf[i + 1] === QUOTE) {
              text += buf.toString('utf8', from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            text += buf.toString('utf8', from, i);
            i++;
            closed = true;
            break;
          }
          if (b === LF || (b === CR && buf[i + 1] !== LF)) line++;
          i++;
        }
        if (!closed) {
          onError(
            new CsvSyntaxError(
              `a quote opened in column ${count + 1} is never closed: everything from this line to the end of the file could not be read; add the missing " or remove the stray one`,
              openLine,
              count + 1,
            ),
          );
          return undefined;
        }
        // Spaces between the closing quote and the delimiter are tolerated; anything else is not.
        while (i < n && (buf[i] === SPACE || (buf[i] === TAB && delimiter !== TAB))) i++;
        if (i < n && buf[i] !== delimiter && buf[i] !== LF && buf[i] !== CR) {
          if (!bad) {
            onError(
              new CsvSyntaxError(
                `text after the closing quote in column ${count + 1}: a quoted cell must end with " followed by the delimiter; write "" for a quote inside it`,
                line,
                count + 1,
              ),
            );
          }
          bad = true;
          while (i < n && buf[i] !== delimiter && buf[i] !== LF && buf[i] !== CR) i++;
        }
        codes[count] = -1;
        cells[count++] = transform(text);
      } else {
        // An unquoted cell: up to the delimiter or the end of the line.
        const from = i;
        let high = 0;
        let code = -1;
        const mode = modes[count]!;
        if (mode !== PLAIN) {
          let h = 0;
          while (i < n) {
            const b = buf[i]!;
            if (b === delimiter || b === LF || b === CR) break;
            high |= b;
            h = Math.imul(h, 0x01000193) ^ b;
            i++;
          }
          if (i > from && i - from <= CACHED) {
            if (mode === CACHE) code = cache.code(from, i, high < 0x80, h);
            else {
              const known = values.length;
              code = cache.code(from, i, high < 0x80, h);
              if (code >= known) misses[count]!++;
              if (++lookups[count]! === 4096) modes[count] = misses[count]! * 2 < 4096 ? CACHE : PLAIN;
            }
          }
        } else {
          while (i < n) {
            const b = buf[i]!;
            if (b === delimiter || b === LF || b === CR) break;
            high |= b;
            i++;
          }
        }
        codes[count] = code;
        cells[count++] =
          code >= 0
            ? values[code]!
            : transform(i === from ? '' : buf.toString(high < 0x80 ? 'latin1' : 'utf8', from, i));
      }
      if (i >= n) break;
      const b = buf[i]!;
      if (b === delimiter) {
        i++;
        if (i >= n) {
          codes[count] = -1;
          cells[count++] = transform('');
          break;
        }
        continue;
      }
      // End of the record: CRLF, LF or a lone CR.
      i += b === CR && buf[i + 1] === LF ? 2 : 1;
      line++;
      break;
    }
    if (cells.length !== count) cells.length = count;
    if (bad) continue;
    let blank = true;
    for (let k = 0; k < count; k++) {
      if (cells[k] !== '') {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    if (!emit(cells, recordLine, codes)) return undefined;
    if (!emitted) {
      if (resume !== undefined && resume.at >= i) {
        i = resume.at;
        line = resume.line;
      }
      // A stop offset before the end of the header (debris rows above it, or a long header) is
      // no place the second part can start from: it reads from right after the header, so
      // stopping here would lose the records in between. Read on to the end instead.
      if (stopAt < i) stopAt = Infinity;
      emitted = true;
    }
  }
  // Stopping at the very end: nothing follows the stop offset.
  return emitted && i === stopAt ? { at: i, line } : undefined;
}

function doubled(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const more = new Int32Array(a.length * 2);
  more.set(a);
  return more;
}

const DELIMITERS: Delimiter[] = [',', ';', '\t'];

/** Cells of a record without its trailing empty ones (spreadsheets pad rows with `;;;`). */
function width(cells: string[]): number {
  let w = cells.length;
  while (w > 0 && cells[w - 1]!.trim() === '') w--;
  return w;
}

/**
 * The delimiter of a file, from its header and first records: each candidate splits the sample
 * (quotes respected); a candidate must split the header in two or more; among those, the one
 * under which most records have as many cells as the header wins, then the one giving the header
 * more cells. `8,5` in a semicolon file does not fool it: the header has no comma.
 */
export function detectDelimiter(buf: Buffer, start: number, firstLine: number): Delimiter {
  const sample = buf.subarray(start, Math.min(buf.length, start + (1 << 16)));
  let best: { d: Delimiter; consistent: number; header: number } | undefined;
  for (const d of DELIMITERS) {
    const widths: number[] = [];
    scan({
      buf: sample,
      start: 0,
      firstLine,
      delimiter: d.charCodeAt(0),
      transform: identity,
      emit: (cells) => widths.push(width(cells)) < 21,
      onError: () => {},
    });
    // A sample cut short ends inside a record: that record does not count.
    if (sample.length < buf.length - start && widths.length > 2) widths.pop();
    const header = widths[0] ?? 0;
    if (header < 2) continue;
    const records = widths.slice(1);
    const consistent = records.length === 0 ? 1 : records.filter((w) => w === header).length / records.length;
    if (!best || consistent > best.consistent || (consistent === best.consistent && header > best.header))
      best = { d, consistent, header };
  }
  return best?.d ?? ',';
}

/** Excel's `sep=;` first line: the delimiter it names and where the data starts. */
function sepLine(buf: Buffer): { delimiter: Delimiter; next: number } | undefined {
  if (buf.length < 5 || buf.toString('latin1', 0, 4).toLowerCase() !== 'sep=') return undefined;
  // The line ends at LF, CRLF or a lone CR (a classic Mac file has no LF at all).
  let end = 4;
  while (end < buf.length && buf[end] !== LF && buf[end] !== CR) end++;
  const value = buf.toString('utf8', 4, end).replace(/^"(.*)"$/, '$1');
  const delimiter = DELIMITERS.find((d) => d === value);
  if (delimiter === undefined)
    throw new CsvSyntaxError(
      `the first line ${quoted(`sep=${value}`)} names a delimiter kipp does not read: use , ; or a tab`,
      1,
      1,
    );
  return { delimiter, next: end + (buf[end] === CR && buf[end + 1] === LF ? 2 : 1) };
}

/**
 * Parses CSV (UTF-8 bytes or text) and passes the header and each record to the handlers.
 * Throws CsvSyntaxError for a broken `sep=` line, or for a broken record when there is no
 * `error` handler.
 */
export function parseCsv(input: Uint8Array | string, handlers: CsvHandlers, options: CsvOptions = {}): CsvResult {
  let buf = toBuffer(input);
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  buf = buf.subarray(bom);
  const sep = sepLine(buf);
  const start = sep?.next ?? 0;
  const firstLine = sep ? 2 : 1;
  const delimiter = options.delimiter ?? sep?.delimiter ?? detectDelimiter(buf, start, firstLine);
  let gotHeader = false;
  const onError =
    handlers.error?.bind(handlers) ??
    ((error: CsvSyntaxError) => {
      throw error;
    });
  const stopped = scan({
    buf,
    start,
    firstLine,
    delimiter: delimiter.charCodeAt(0),
    transform: options.cell ?? identity,
    emit: (cells, line, codes) => {
      if (gotHeader) handlers.row(cells, line, codes);
      else {
        gotHeader = true;
        handlers.header(cells.slice(), line, delimiter);
      }
      return true;
    },
    onError,
    ...(options.stopAt !== undefined ? { stopAt: options.stopAt - bom } : {}),
    ...(options.resume !== undefined ? { resume: { at: options.resume.at - bom, line: options.resume.line } } : {}),
  });
  const result: CsvResult = {
    delimiter,
    sepLine: sep !== undefined,
    detected: options.delimiter === undefined && sep === undefined,
  };
  if (stopped !== undefined) {
    result.stoppedAt = stopped.at + bom;
    result.stoppedLine = stopped.line;
  }
  return result;
}
