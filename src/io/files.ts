/**
 * Reading input paths: files, directories (their .csv/.yaml/.yml/.json/.xlsx/.xlsm files in
 * sorted order), and `-` for standard input. Every file is read once, as bytes, and hashed for
 * the report. An Excel workbook is recognised by its bytes (a ZIP that holds `xl/workbook.xml`),
 * whatever its name; its cells are read by xlsx.ts.
 */
import { createHash } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { diagnostic, KippError } from '../model/diagnostic.js';

export type Format = 'csv' | 'yaml' | 'json' | 'xlsx';

export interface InputBytes {
  /** The path as the user named it (a file inside a named directory is joined to it). */
  path: string;
  bytes: Uint8Array;
  sha256: string;
  /** From the extension; null for standard input (sniffed from the text). */
  format: Format | null;
}

export const DATA_EXTENSIONS: Record<string, Format> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
};

export class MissingFile extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

let stdinBytes: Uint8Array | undefined;

function readStdin(): Uint8Array {
  // Read once (readCompetition refuses a second `-` before anything is read).
  stdinBytes ??= readFileSync(0);
  return stdinBytes;
}

/** Expands one argument into the files it names. Throws MissingFile for a path that is not there. */
export function listInputs(path: string): string[] {
  return expandInput(path).files;
}

/** What one argument names: the files to read, and what a named folder holds besides them. */
export interface Expanded {
  /** Files to read, in sorted order (a folder's) or the one named. */
  files: string[];
  /** Things in a named folder that are not data (hidden files, READMEs): skipped, with a note. */
  skipped: string[];
  /** Files that look like data kipp cannot read (a workbook, a PDF, a `.tsv` in a folder), each with the way out. */
  refused: { path: string; message: string }[];
}

/** The extensions a folder's files are read by (docs/reference/input-files.md: a directory means its .csv/.yaml/.yml/.json files, and its .xlsx/.xlsm workbooks). */
const FOLDER_EXTENSIONS = new Set(['.csv', '.yaml', '.yml', '.json', '.xlsx', '.xlsm']);

/** Documentation kept next to the data, skipped with a note. */
const DOCUMENT = /^(readme|license|licence|changelog|catatan|notes?)(\.[a-z]+)?$|\.(md|markdown|rst)$/i;

/**
 * Expands one argument (a folder's other files used to be skipped without a word,
 * so a judge's sheet saved as .xlsx dropped out of the ranking). A folder's .csv/.yaml/.yml/.json
 * files are read; hidden files, editor lock files and documentation are skipped with a note;
 * anything else is refused (a data error at that file) with the way out. Every file to read is
 * also checked by its first bytes: a workbook or PDF named .csv is refused too. Throws MissingFile
 * for a path that is not there.
 */
export function expandInput(path: string): Expanded {
  if (path === '-') return screen({ files: ['-'], skipped: [], refused: [] });
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new MissingFile(path, `${path}: no such file or directory`);
  }
  if (!stat.isDirectory()) return screen({ files: [path], skipped: [], refused: [] });
  if (isPackageFormat(path))
    return { files: [], skipped: [], refused: [{ path, message: binaryMessage(path, 'package') }] };
  const out: Expanded = { files: [], skipped: [], refused: [] };
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const { name } = entry;
    const full = join(path, name);
    const ext = extname(name).toLowerCase();
    const directory = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(full));
    if (name.startsWith('.') || name.startsWith('~$') || name.endsWith('~'))
      out.skipped.push(name); // hidden, Office lock files, editor backups
    else if (directory && isPackageFormat(name))
      out.refused.push({ path: full, message: binaryMessage(full, 'package') });
    else if (directory)
      out.refused.push({
        path: full,
        message:
          'a folder inside a named folder is not read: name it as well (kipp validate DIR DIR/SUB), or move its files up',
      });
    else if (FOLDER_EXTENSIONS.has(ext)) out.files.push(full);
    else if (BINARY_EXTENSIONS.has(ext)) out.refused.push({ path: full, message: binaryMessage(full, undefined) });
    else if (DOCUMENT.test(name) || (ext === '.txt' && !looksTabular(full))) out.skipped.push(name);
    else {
      const hint =
        ext === '.tsv' || ext === '.txt'
          ? `name it on the command line (kipp reads it as CSV there), or rename it to .csv`
          : `if it holds data, save it as CSV UTF-8 (or YAML/JSON); if not, move it out of the folder`;
      out.refused.push({
        path: full,
        message: `not read: kipp reads only .csv, .yaml, .yml, .json, .xlsx and .xlsm files from a folder; ${hint}`,
      });
    }
  }
  return screen(out);
}

/**
 * Moves the files whose first bytes say they are no text kipp reads (a PDF, a legacy .xls named
 * .csv) to `refused`. An Excel workbook (.xlsx/.xlsm) is read, whatever its name.
 */
function screen(expanded: Expanded): Expanded {
  const files: string[] = [];
  for (const file of expanded.files) {
    const kind = binaryKind(file === '-' ? readStdin().subarray(0, 8) : firstBytes(file, 8));
    if (kind === undefined || (kind === 'zip' && isWorkbook(file))) files.push(file);
    else expanded.refused.push({ path: file, message: binaryMessage(file, kind) });
  }
  expanded.files = files;
  return expanded;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function firstBytes(path: string, n: number): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = new Uint8Array(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } catch {
    return new Uint8Array(0); // unreadable: readInput says so when it is read
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A `.txt` that looks like a table: UTF-16 (Excel "Unicode text") or a tab in its first line. */
function looksTabular(path: string): boolean {
  const head = firstBytes(path, 4096);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  const end = head.indexOf(0x0a);
  return head.subarray(0, end < 0 ? head.length : end).includes(0x09);
}

export type BinaryKind = 'zip' | 'ole' | 'pdf' | 'gzip' | 'image' | 'package';

/** Formats that are not text, refused in a folder by their extension too (whatever their bytes). */
const BINARY_EXTENSIONS = new Set([
  '.xlsb',
  '.xls',
  '.ods',
  '.numbers',
  '.pdf',
  '.doc',
  '.docx',
  '.odt',
  '.zip',
  '.gz',
  '.7z',
  '.rar',
  '.png',
  '.jpg',
  '.jpeg',
]);

/**
 * Whether a ZIP file is an Excel workbook kipp reads: its parts' names (stored uncompressed in
 * the ZIP's central directory at the end, and in each part's local header) include
 * `xl/workbook.xml`. A .xlsb holds `xl/workbook.bin` instead; an .ods, `content.xml`. This looks
 * for a name, it parses nothing: exceljs reads the workbook.
 */
export function isWorkbook(path: string): boolean {
  const bytes = path === '-' ? readStdin() : edges(path, 1 << 16);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('xl/workbook.xml');
}

/** Whether a file (or standard input) starts as a ZIP does: after screen(), a workbook. */
export function isZip(path: string): boolean {
  return binaryKind(path === '-' ? readStdin().subarray(0, 4) : firstBytes(path, 4)) === 'zip';
}

/** The first and last `n` bytes of a file (all of a small one). */
function edges(path: string, n: number): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size <= 2 * n) {
      const all = new Uint8Array(size);
      return all.subarray(0, readSync(fd, all, 0, size, 0));
    }
    const buf = new Uint8Array(2 * n);
    const head = readSync(fd, buf, 0, n, 0);
    const tail = readSync(fd, buf, n, n, size - n);
    return head === n ? buf.subarray(0, n + tail) : buf.subarray(0, head);
  } catch {
    return new Uint8Array(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isPackageFormat(name: string): boolean {
  return extname(name).toLowerCase() === '.numbers';
}

/**
 * What a file's first bytes say it is, when that is no text kipp reads: ZIP (`PK\x03\x04`: .xlsx,
 * .xlsm, .ods, .numbers, .docx), OLE (`D0 CF 11 E0`: legacy .xls, .doc), PDF, gzip, PNG, JPEG.
 */
export function binaryKind(head: Uint8Array): BinaryKind | undefined {
  const starts = (...sig: number[]) => head.length >= sig.length && sig.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff)) return 'image';
  return undefined;
}

/**
 * Names a binary file's format and the way out. Workbooks kipp does not read (.xls, .xlsb, .ods,
 * .numbers, a template) are converted to .xlsx, which it reads; other files to CSV.
 */
function binaryMessage(path: string, kind: BinaryKind | undefined): string {
  const ext = extname(path).toLowerCase();
  const name = path === '-' ? 'standard input' : basename(path);
  const file = path === '-' ? 'FILE' : name;
  const convert = `soffice --headless --convert-to xlsx ${file}`;
  const [what, way] =
    kind === 'package' || ext === '.numbers'
      ? ['an Apple Numbers spreadsheet', 'in Numbers, File > Export To > Excel, and give the .xlsx']
      : ext === '.ods'
        ? [
            'an OpenDocument spreadsheet (.ods)',
            `in LibreOffice Calc, File > Save As > Excel 2007-365 (.xlsx), or run ${convert}, and give the .xlsx`,
          ]
        : ext === '.xls' || (kind === 'ole' && ext !== '.doc')
          ? [
              'a legacy Excel workbook (.xls)',
              `in Excel, File > Save As > Excel Workbook (.xlsx), or run ${convert}, and give the .xlsx`,
            ]
          : ext === '.xlsb'
            ? [
                'a binary Excel workbook (.xlsb)',
                `in Excel, File > Save As > Excel Workbook (.xlsx), or run ${convert}, and give the .xlsx`,
              ]
            : ['.xlsx', '.xlsm'].includes(ext)
              ? [
                  `named ${ext} but holds no Excel workbook (a damaged or partial download?)`,
                  'open it in Excel or LibreOffice and save it again as .xlsx, or ask for the file again',
                ]
              : ['.doc', '.docx', '.odt'].includes(ext)
                ? ['a word-processor document', 'export the data it was made from as CSV UTF-8 or .xlsx and give that']
                : kind === 'zip'
                  ? [
                      'a ZIP file that holds no Excel workbook',
                      'unpack it and give the files inside (or, if it is a spreadsheet, save it as .xlsx)',
                    ]
                  : ext === '.pdf' || kind === 'pdf'
                    ? ['a PDF document', 'export the data it was made from as CSV UTF-8 or .xlsx and give that']
                    : kind === 'gzip' || ['.gz', '.zip', '.7z', '.rar'].includes(ext)
                      ? ['a compressed archive', 'unpack it and give the files inside']
                      : kind === 'image' || ['.png', '.jpg', '.jpeg'].includes(ext)
                        ? ['an image', 'type the data into a CSV UTF-8 file or a workbook (.xlsx) and give that']
                        : [
                            'a document, not a data file',
                            'export the data it was made from as CSV UTF-8 or .xlsx and give that',
                          ];
  return `${name} is ${what}, which kipp does not read (it reads CSV, YAML, JSON and .xlsx/.xlsm workbooks): ${way}`;
}

export function readInput(path: string): InputBytes {
  if (path === '-') {
    const bytes = readStdin();
    return { path, bytes, sha256: sha256(bytes), format: null };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new MissingFile(path, `${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { path, bytes, sha256: sha256(bytes), format: formatOf(path) };
}

/** readInput for a command's inputs: a file that cannot be read stops the command (exit 2, file-not-found). */
export function readInputOrStop(path: string): InputBytes {
  try {
    return readInput(path);
  } catch (err) {
    if (err instanceof MissingFile)
      throw new KippError('usage', err.message, [diagnostic('file-not-found', err.message, { file: path })]);
    throw err;
  }
}

/**
 * What makes two paths the same input: the device and inode the path leads to (after symlinks,
 * so `./a.csv`, `a.csv`, a symlink to it and a hard link are one file); `-` is standard input.
 */
export function inputIdentity(path: string): string {
  if (path === '-') return '-';
  try {
    const { dev, ino } = statSync(path);
    return `${dev}:${ino}`;
  } catch {
    return `path:${path}`;
  }
}

/** The format a file's extension names (anything else is read as CSV; a workbook is also known by its bytes, see isWorkbook). */
export function formatOf(path: string): Format {
  return DATA_EXTENSIONS[extname(path).toLowerCase()] ?? 'csv';
}

/** Guesses the format of text from standard input. */
export function sniffFormat(text: string): Format {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (start.startsWith('---') || start.startsWith('- ') || /^[\w"' -]+:(\s|$)/.test(firstLine)) return 'yaml';
  return 'csv';
}
