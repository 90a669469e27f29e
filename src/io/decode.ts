/**
 * From a file's bytes to UTF-8 (for the CSV reader, which works on bytes) or to text (YAML,
 * JSON, rubrics). What spreadsheets and registration systems write:
 *
 * - UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" writes one);
 * - UTF-16 LE or BE with a byte-order mark (Excel's "Unicode text"), and UTF-16 LE without one
 *   when the first bytes leave no doubt (ASCII letters, each followed by a zero byte);
 * - anything else that is not valid UTF-8 is read as Windows-1252 (Excel's "CSV" on a Windows
 *   machine), with a warning that names the first line that was not UTF-8.
 *
 * Nothing here replaces a byte silently: text that already holds U+FFFD (damaged by an earlier
 * conversion) and broken UTF-16 are reported too.
 */
import { Buffer, isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedBytes {
  /** The content as UTF-8 bytes, without a byte-order mark. */
  utf8: Buffer;
  encoding: Encoding;
  bom: boolean;
  /** Something a reader must be told about (the `encoding` warning), with its 1-based line. */
  problem?: { message: string; line: number };
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  problem?: { message: string; line: number };
}

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]); // U+FFFD in UTF-8

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** 1-based line of a byte offset (counts LF; a lone CR counts as a line end too). */
export function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1. Only called once a file is known to be invalid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** UTF-16 LE without a byte-order mark: ASCII text with a zero after every letter. */
function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return false;
  for (let i = 0; i < n; i += 2) if (bytes[i] === 0 || bytes[i + 1] !== 0) return false;
  return true;
}

function fromUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): DecodedBytes {
  const body = bytes.subarray(bom ? 2 : 0);
  const decoded: DecodedBytes = { utf8: Buffer.alloc(0), encoding, bom };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding).decode(body);
    const at = text.indexOf('\uFFFD');
    decoded.problem = { message: `the file is not valid ${encoding.toUpperCase()}: broken characters were replaced by "\uFFFD"; save it again from the spreadsheet`, line: lineOfText(text, at) };
  }
  decoded.utf8 = Buffer.from(text, 'utf8');
  return decoded;
}

function lineOfText(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** 0x80–0x9F in Windows-1252 (WHATWG); the rest of the code page is Latin-1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
  0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 by hand: Node's TextDecoder('windows-1252') reads 0x80–0x9F as C1 controls
 * (Latin-1), which would turn Excel's curly quotes and dashes into invisible characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = asBuffer(bytes).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

/** The bytes of a file as UTF-8 without a byte-order mark, and how they were read. */
export function toUtf8(input: Uint8Array): DecodedBytes {
  const bytes = asBuffer(input);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fromUtf16(bytes, 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fromUtf16(bytes, 'utf-16be', true);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (!bom && looksLikeUtf16le(body)) return fromUtf16(body, 'utf-16le', false);
  if (isUtf8(body)) {
    const decoded: DecodedBytes = { utf8: body, encoding: 'utf-8', bom };
    const damaged = body.indexOf(REPLACEMENT);
    if (damaged >= 0) {
      decoded.problem = {
        message: 'the file holds the replacement character "\uFFFD": some letters were lost by an earlier conversion; fix them in the source file',
        line: lineAtOffset(body, damaged),
      };
    }
    return decoded;
  }
  const at = firstInvalidUtf8(body);
  const text = decodeWindows1252(body);
  return {
    utf8: Buffer.from(text, 'utf8'),
    encoding: 'windows-1252',
    bom: false,
    problem: {
      message: 'the file is not valid UTF-8 and was read as Windows-1252: check accented letters, and save it as "CSV UTF-8" to be sure',
      line: lineAtOffset(body, Math.max(at, 0)),
    },
  };
}

/** The text of a file (YAML, JSON, rubrics), decoded as toUtf8 does. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const d = toUtf8(bytes);
  const decoded: Decoded = { text: d.utf8.toString('utf8'), encoding: d.encoding, bom: d.bom };
  if (d.problem) decoded.problem = d.problem;
  return decoded;
}
