/**
 * From a file's bytes to UTF-8 (for the CSV reader, which works on bytes) or to text (YAML,
 * JSON, rubrics). What spreadsheets and registration systems write:
 *
 * - UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" writes one);
 * - UTF-16 LE or BE with a byte-order mark (Excel's "Unicode text"), and UTF-32 with one;
 * - UTF-16 and UTF-32 without one, told apart by where their zero bytes fall (ASCII letters in
 *   UTF-16 LE are `A 00`, in BE `00 A`, in UTF-32 LE `A 00 00 00`): read as UTF-8 they would be
 *   text full of NULs;
 * - anything else that is not valid UTF-8 (Excel's "CSV" on a Windows machine: Windows-1252).
 *   Each byte that does not fit UTF-8 is read as the Windows-1252 character it is, and every
 *   valid UTF-8 sequence stays UTF-8: one stray `é` from an old export does not turn the
 *   `—` and `ü` of the other lines into mojibake. A file where nothing non-ASCII is valid UTF-8
 *   is simply Windows-1252 (one warning); a UTF-8 file with some bytes that are not gets a
 *   warning at each such line, quoting it.
 *
 * Nothing here replaces a byte silently: text that already holds U+FFFD (damaged by an earlier
 * conversion), broken UTF-16/UTF-32 and stray NUL bytes are reported too.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { quoted } from '../model/diagnostic.js';

/** `utf-8+windows-1252`: a UTF-8 file with stray bytes that are not, read as Windows-1252 (so not the file's own bytes). */
export type Encoding =
  'utf-8' | 'utf-8+windows-1252' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1252';

/** Something a reader must be told about (an `encoding` warning), with its 1-based line. */
export interface DecodeProblem {
  message: string;
  line: number;
}

export interface DecodedBytes {
  /** The content as UTF-8 bytes, without a byte-order mark. */
  utf8: Buffer;
  encoding: Encoding;
  bom: boolean;
  problems: DecodeProblem[];
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  problems: DecodeProblem[];
}

/** At most this many lines of a UTF-8 file get their own warning for bytes that are not UTF-8; then one for the rest. */
export const MAX_LINE_WARNINGS = 100;

/** How far into a file zero bytes are looked for (UTF-16/32 without a byte-order mark, stray NULs). */
const NUL_SEARCH = 1 << 16;

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]); // U+FFFD in UTF-8

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * 1-based line of each of the ascending byte `offsets` (counts LF; a lone CR counts as a line
 * end too). Jumps from line break to line break with indexOf rather than looking at every byte.
 */
function linesAt(input: Uint8Array, offsets: readonly number[]): number[] {
  const bytes = asBuffer(input);
  const lines: number[] = [];
  let line = 1;
  let lf = bytes.indexOf(0x0a);
  let cr = bytes.indexOf(0x0d);
  for (const offset of offsets) {
    for (;;) {
      const next = Math.min(lf < 0 ? Infinity : lf, cr < 0 ? Infinity : cr);
      if (next >= offset) break;
      if (next === cr) {
        if (bytes[cr + 1] !== 0x0a) line++; // CRLF counts once, at its LF
        cr = bytes.indexOf(0x0d, cr + 1);
      } else {
        line++;
        lf = bytes.indexOf(0x0a, lf + 1);
      }
    }
    lines.push(line);
  }
  return lines;
}

export function lineAtOffset(bytes: Uint8Array, offset: number): number {
  return linesAt(bytes, [offset])[0]!;
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there does not start one (b ≥ 0x80). */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  let need: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
  else return 0;
  if (i + need >= bytes.length) return 0;
  let cp = b & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

/** 0x80–0x9F in Windows-1252 (WHATWG); the rest of the code page is Latin-1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * The UTF-8 bytes of the Windows-1252 character of each byte ≥ 0x80 (the five bytes the code
 * page leaves undefined keep their own code point). By hand: Node's TextDecoder('windows-1252')
 * reads 0x80–0x9F as C1 controls (Latin-1), which would turn Excel's curly quotes and dashes
 * into invisible characters.
 */
const CP1252_UTF8 = Array.from({ length: 128 }, (_, k) =>
  Buffer.from(String.fromCharCode(k < 0x20 ? CP1252_HIGH[k]! : 0x80 + k), 'utf8'),
);

/**
 * Bytes that are not all UTF-8: every valid UTF-8 sequence kept, every byte at an `invalid`
 * offset read as its Windows-1252 character. Nothing is lost: each byte becomes a character of
 * its own, never "\uFFFD". The valid runs are copied as they are.
 */
function decodeMixed(bytes: Buffer, invalid: readonly number[]): Buffer {
  let length = bytes.length;
  for (const at of invalid) length += CP1252_UTF8[bytes[at]! - 0x80]!.length - 1;
  const out = Buffer.allocUnsafe(length);
  let from = 0;
  let to = 0;
  for (const at of invalid) {
    to += bytes.copy(out, to, from, at);
    const char = CP1252_UTF8[bytes[at]! - 0x80]!;
    to += char.copy(out, to);
    from = at + 1;
  }
  bytes.copy(out, to, from);
  return out;
}

/** Offsets of the bytes that are not part of a valid UTF-8 sequence, and whether any valid non-ASCII sequence was seen. */
function scanUtf8(bytes: Buffer): { invalid: number[]; multibyte: boolean } {
  const invalid: number[] = [];
  let multibyte = false;
  const n = bytes.length;
  for (let i = 0; i < n;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i);
    if (length === 0) {
      invalid.push(i);
      i++;
    } else {
      multibyte = true;
      i += length;
    }
  }
  return { invalid, multibyte };
}

/** The line of `invalid[k]`, its first bad byte, decoded as decodeMixed reads it (for quoting in a warning). */
function lineAround(bytes: Buffer, invalid: readonly number[], k: number): string {
  const at = invalid[k]!;
  let start = at;
  while (start > 0 && bytes[start - 1] !== 0x0a && bytes[start - 1] !== 0x0d) start--;
  let end = at;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  const inside: number[] = [];
  for (let j = k; j < invalid.length && invalid[j]! < end; j++) inside.push(invalid[j]! - start);
  return decodeMixed(bytes.subarray(start, end), inside).toString('utf8');
}

function notUtf8(body: Buffer): DecodedBytes {
  const { invalid, multibyte } = scanUtf8(body);
  if (!multibyte) {
    // Nothing non-ASCII in the file is UTF-8: a Windows-1252 file (Excel "CSV" on Windows).
    return {
      utf8: decodeMixed(body, invalid),
      encoding: 'windows-1252',
      bom: false,
      problems: [
        {
          message:
            'the file is not valid UTF-8 and was read as Windows-1252: check accented letters, and save it as "CSV UTF-8" to be sure',
          line: lineAtOffset(body, invalid[0] ?? 0),
        },
      ],
    };
  }
  const lines = linesAt(body, invalid);
  // A UTF-8 file with a few bytes that are not: each line that holds one is named and quoted.
  const problems: DecodeProblem[] = [];
  const badLines: { line: number; k: number }[] = [];
  for (let k = 0; k < invalid.length; k++)
    if (k === 0 || lines[k] !== lines[k - 1]) badLines.push({ line: lines[k]!, k });
  for (const { line, k } of badLines.slice(0, MAX_LINE_WARNINGS)) {
    problems.push({
      line,
      message: `this line is not valid UTF-8, though the rest of the file is: its stray bytes were read as Windows-1252 (${quoted(lineAround(body, invalid, k))}); check the letters and save the file as "CSV UTF-8"`,
    });
  }
  if (badLines.length > MAX_LINE_WARNINGS) {
    const rest = badLines.slice(MAX_LINE_WARNINGS);
    problems.push({
      line: rest[0]!.line,
      message: `${rest.length} more lines (from this one on) are not valid UTF-8 either: their stray bytes were read as Windows-1252`,
    });
  }
  return { utf8: decodeMixed(body, invalid), encoding: 'utf-8+windows-1252', bom: false, problems };
}

type Wide = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/**
 * UTF-16 or UTF-32 without a byte-order mark: the reading of the first 4 KiB that holds no NUL
 * and no broken character (one allowed at the cut) and the most ASCII — at least a quarter of
 * its characters, as a CSV's delimiters, digits and line breaks make sure. Read with the wrong
 * width or byte order, ASCII letters become NULs, CJK or code points past U+10FFFF. Undefined:
 * a stray NUL in a text file.
 */
function sniffWide(bytes: Buffer): Wide | undefined {
  let best: Wide | undefined;
  let bestAscii = 0;
  for (const encoding of ['utf-32le', 'utf-32be', 'utf-16le', 'utf-16be'] as const) {
    const wide32 = encoding.startsWith('utf-32');
    const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & (wide32 ? ~3 : ~1));
    const text = wide32 ? decodeUtf32(sample, encoding === 'utf-32le').text : new TextDecoder(encoding).decode(sample);
    let ascii = 0;
    let bad = 0;
    let chars = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      chars++;
      if (c === 0 || c === 0xfffd) bad++;
      else if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d) ascii++;
    }
    if (bad > 1 || ascii * 4 < chars || ascii <= bestAscii) continue;
    best = encoding;
    bestAscii = ascii;
  }
  return best;
}

function fromWide(body: Uint8Array, encoding: Wide, bom: boolean): DecodedBytes {
  let text: string;
  let broken = false;
  if (encoding === 'utf-32le' || encoding === 'utf-32be')
    ({ text, broken } = decodeUtf32(body, encoding === 'utf-32le'));
  else {
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(body);
    } catch {
      text = new TextDecoder(encoding).decode(body);
      broken = true;
    }
  }
  const problems: DecodeProblem[] = [];
  if (broken) {
    const at = text.indexOf('\uFFFD');
    problems.push({
      message: `the file is not valid ${encoding.toUpperCase()}: broken characters were replaced by "\uFFFD"; save it again from the spreadsheet`,
      line: lineOfText(text, at),
    });
  }
  return { utf8: Buffer.from(text, 'utf8'), encoding, bom, problems };
}

/** UTF-32 (TextDecoder does not read it): code points past U+10FFFF, surrogates and a cut-off end become U+FFFD, reported. */
function decodeUtf32(body: Uint8Array, le: boolean): { text: string; broken: boolean } {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const chunks: string[] = [];
  let codes: number[] = [];
  let broken = body.length % 4 !== 0;
  for (let i = 0; i + 4 <= body.length; i += 4) {
    let cp = view.getUint32(i, le);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      cp = 0xfffd;
      broken = true;
    }
    codes.push(cp);
    if (codes.length === 8192) {
      // spread-ok: at most 8,192 arguments (the chunk's size)
      chunks.push(String.fromCodePoint(...codes));
      codes = [];
    }
  }
  if (body.length % 4 !== 0) codes.push(0xfffd);
  // spread-ok: at most 8,193 arguments (a chunk and one replacement character)
  chunks.push(String.fromCodePoint(...codes));
  return { text: chunks.join(''), broken };
}

function lineOfText(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** The bytes of a file as UTF-8 without a byte-order mark, and how they were read. */
export function toUtf8(input: Uint8Array): DecodedBytes {
  const bytes = asBuffer(input);
  // UTF-32 LE's mark starts with UTF-16 LE's: it is looked for first.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0)
    return fromWide(bytes.subarray(4), 'utf-32le', true);
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
    return fromWide(bytes.subarray(4), 'utf-32be', true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fromWide(bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fromWide(bytes.subarray(2), 'utf-16be', true);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // NUL bytes are valid UTF-8, but no text file holds them: UTF-16/32 without a mark does, from
  // its first characters on. Only the start is searched: a whole 80 MB file would cost the
  // UTF-8 fast path a third pass over its bytes (a NUL further on still fails any value it is in).
  const nul = body.subarray(0, NUL_SEARCH).indexOf(0);
  const wide = nul >= 0 && !bom ? sniffWide(body) : undefined;
  if (wide) return fromWide(body, wide, false);
  const decoded: DecodedBytes = isUtf8(body)
    ? { utf8: body, encoding: 'utf-8', bom, problems: [] }
    : { ...notUtf8(body), bom };
  const damaged = decoded.utf8.indexOf(REPLACEMENT);
  if (damaged >= 0) {
    decoded.problems.push({
      message:
        'the file holds the replacement character "\uFFFD": some letters were lost by an earlier conversion; fix them in the source file',
      line: lineAtOffset(decoded.utf8, damaged),
    });
  }
  if (nul >= 0) {
    decoded.problems.push({
      message:
        'the file holds a zero byte (NUL), which no text file has: it may be damaged or not a text file; the byte is kept as a character, so a value that holds it will not match',
      line: lineAtOffset(body, nul),
    });
  }
  decoded.problems.sort((a, b) => a.line - b.line);
  return decoded;
}

/** The text of a file (YAML, JSON, rubrics), decoded as toUtf8 does. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const d = toUtf8(bytes);
  return { text: d.utf8.toString('utf8'), encoding: d.encoding, bom: d.bom, problems: d.problems };
}
