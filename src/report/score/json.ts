/**
 * The JSON report of docs/reference/json-report.md: a projection of the ScoreResult with a fixed key order, so
 * that the same inputs give byte-identical output.
 */
import type { AppliedDecision } from '../../model/decisions.js';
import type { EntryResult, ScoreResult, Selection } from '../../model/result.js';
import { reportManifest } from '../audit/manifest.js';
import type { ReportOptions } from './options.js';
import { asciiTable, Utf8Pieces, type PieceOptions } from '../shared/utf8-pieces.js';
import { diagnosticJson } from '../validate/json.js';
import { messageOf } from '../../model/diagnostic.js';

export function jsonEntry(e: EntryResult, withGroup: boolean): Record<string, unknown> {
  return {
    id: e.id,
    title: e.title,
    agency: e.agency,
    category: e.category,
    ...(withGroup ? { group: e.group } : {}),
    rank: e.rank,
    category_rank: e.category_rank,
    tied: e.tied,
    total: e.total,
    ...(e.stages !== undefined ? { stages: e.stages } : {}),
    criteria: e.criteria,
    judges: e.judges,
    passed: e.passed,
    reasons: e.reasons,
    shortlists: e.shortlists,
    flags: e.flags,
  };
}

function jsonSelection(s: Selection): Record<string, unknown> {
  return { category: s.category, top: s.top, shown: s.shown, of: s.of, tie: s.tie };
}

export function jsonReport(
  result: ScoreResult,
  options: Pick<ReportOptions, 'version' | 'generated' | 'manifest'>,
): Record<string, unknown> {
  const withGroup = result.rubric.groups.length > 0;
  // The manifest keys of docs/reference/json-report.md first, then the rest of the manifest (rubric path, options) for `kipp verify`.
  const manifest = reportManifest(result, options);
  return {
    kipp: manifest.kipp,
    rubric: manifest.rubric,
    inputs: manifest.inputs,
    as_of: manifest.as_of,
    options: manifest.options,
    ...(manifest.generated !== undefined ? { generated: manifest.generated } : {}),
    // What the entries are: all, or those --category and --top kept (a tie at the N-th place whole).
    ...(result.selection !== undefined ? { selection: jsonSelection(result.selection) } : {}),
    entries: result.entries.map((e) => jsonEntry(e, withGroup)),
    shortlists: result.shortlists.map((s) => ({
      name: s.name,
      size: s.size,
      taken: s.taken,
      cutoff_tie: s.cutoff_tie,
      ...(s.by_quota !== undefined ? { by_quota: s.by_quota } : {}),
    })),
    // `normalization: severity` only: what each judge's scores were moved by (x' = x − severity).
    ...(result.severities !== undefined ? { severities: result.severities } : {}),
    // Only with --decisions: a report without decisions keeps the shape of docs/reference/json-report.md byte for byte.
    ...(result.decisions !== undefined ? { decisions: result.decisions.map(jsonDecision) } : {}),
    // A workbook's diagnostics as validate writes them, with their `cell` (F12); the others keep the
    // shape they always had, byte for byte.
    diagnostics: result.diagnostics.map((d) =>
      d.sheet !== undefined ? diagnosticJson(d) : d.omitted ? { ...d, message: messageOf(d) } : d,
    ),
  };
}

/** One applied decision, keys in a fixed order (byte-identical reports). */
function jsonDecision(d: AppliedDecision): Record<string, unknown> {
  return {
    action: d.action,
    ...(d.shortlist !== undefined ? { shortlist: d.shortlist } : {}),
    ...(d.category !== undefined ? { category: d.category } : {}),
    entries: d.entries,
    ...(d.left_out !== undefined ? { left_out: d.left_out } : {}),
    by: d.by,
    date: d.date,
    reason: d.reason,
    // The line in the decisions file (the manifest's `decisions` input: a path here would differ
    // between a report and its re-derivation by `kipp verify`).
    line: d.line,
  };
}

export function formatJson(result: ScoreResult, options: ReportOptions): string {
  return `${JSON.stringify(jsonReport(result, options), null, 2)}\n`;
}

/**
 * formatJson's text as UTF-8 in pieces of about `pieces.pieceSize` bytes (a piece ends after the
 * entry that reaches the size; the last piece closes the report): joined, the pieces are formatJson's
 * text, byte for byte. For stdout and --output: a stress year's report, 200,000 entries and
 * ~100 MB, is never held whole, neither as one string nor as one object per entry. The
 * entries are written straight into the bytes, no string or object made for one: faster than
 * JSON.stringify per batch of entries, re-indented, then encoded (0.8 s against 1.2 s a stress
 * year, most of it now the reading of 200,000 entries scattered over a 1 GB heap).
 */
export function formatJsonChunks(
  result: ScoreResult,
  options: ReportOptions,
  pieces: PieceOptions = {},
): Iterable<Uint8Array> {
  if (result.entries.length === 0) return [Buffer.from(formatJson(result, options))];
  // The report with no entries, cut where its entries go.
  // Built now, so that the pieces keep only the frame and the entries alive, not the result
  // (whose score records hold a stress year's columns, hundreds of megabytes).
  const frame = `${JSON.stringify(jsonReport(withoutEntries(result), options), null, 2)}\n`;
  const marker = '\n  "entries": [],\n';
  const at = frame.indexOf(marker);
  const withGroup = result.rubric.groups.length > 0;
  const { entries } = result;
  return (function* entryPieces(): Generator<Uint8Array> {
    const out = new Utf8Pieces(pieces);
    out.write(`${frame.slice(0, at)}\n  "entries": [\n    `);
    for (let i = 0; i < entries.length; i++) {
      if (i > 0) out.writeBytes(ENTRY_COMMA);
      writeEntry(out, entries[i]!, withGroup);
      const piece = out.full();
      if (piece !== undefined) yield piece;
    }
    out.write(`\n  ],\n${frame.slice(at + marker.length)}`);
    yield out.take();
  })();
}

/** Where an entry's fields start: six spaces in (report → entries → entry). */
const FIELD_INDENT = '      ';

const ENTRY_KEYS = [
  'title',
  'agency',
  'category',
  'group',
  'rank',
  'category_rank',
  'tied',
  'total',
  'stages',
  'criteria',
  'judges',
  'passed',
  'reasons',
  'shortlists',
  'flags',
] as const;
/** `,\n      "name": ` as bytes, for each key of an entry after the id. */
const KEY = Object.fromEntries(ENTRY_KEYS.map((k) => [k, Buffer.from(`,\n${FIELD_INDENT}"${k}": `)])) as Record<
  (typeof ENTRY_KEYS)[number],
  Buffer
>;
const ENTRY_OPEN = Buffer.from(`{\n${FIELD_INDENT}"id": `);
const ENTRY_CLOSE = Buffer.from('\n    }');
const ENTRY_COMMA = Buffer.from(',\n    ');

/**
 * One entry as `JSON.stringify(jsonReport(…), null, 2)` writes it inside `entries` (four spaces
 * in), without building jsonEntry's object: the same keys in the same order, a key left out
 * where JSON leaves it out. Keep the two in step: the tests compare formatJsonChunks with
 * formatJson. Each field is read once: a stress year's entries come in many shapes, and every
 * property read on them is slow.
 */
function writeEntry(out: Utf8Pieces, e: EntryResult, withGroup: boolean): void {
  const id = e.id;
  if (typeof id !== 'string') {
    writeValue(out, jsonEntry(e, withGroup), '    ');
    return;
  }
  out.writeBytes(ENTRY_OPEN);
  writeString(out, id);
  member(out, KEY.title, e.title);
  member(out, KEY.agency, e.agency);
  member(out, KEY.category, e.category);
  if (withGroup) member(out, KEY.group, e.group);
  member(out, KEY.rank, e.rank);
  member(out, KEY.category_rank, e.category_rank);
  member(out, KEY.tied, e.tied);
  member(out, KEY.total, e.total);
  member(out, KEY.stages, e.stages);
  member(out, KEY.criteria, e.criteria);
  member(out, KEY.judges, e.judges);
  member(out, KEY.passed, e.passed);
  member(out, KEY.reasons, e.reasons);
  member(out, KEY.shortlists, e.shortlists);
  member(out, KEY.flags, e.flags);
  out.writeBytes(ENTRY_CLOSE);
}

/** An entry's field: its key (made once) and its value; neither when JSON leaves the value out. */
function member(out: Utf8Pieces, key: Uint8Array, value: unknown): void {
  const mark = out.length;
  out.writeBytes(key);
  if (!writeValue(out, value, FIELD_INDENT)) out.truncate(mark);
}

/** Characters JSON.stringify escapes in a string: `"`, `\\` and the control characters. */
const JSON_ESCAPED = asciiTable([0x22, 0x5c], 0x20);

/** JSON.stringify(text): plain ASCII copied between quotes, anything else quoted by JSON.stringify (escapes, lone surrogates). */
function writeString(out: Utf8Pieces, text: string): void {
  if (!out.writeAscii(text, JSON_ESCAPED, 0x22)) out.write(JSON.stringify(text));
}

/**
 * A number as JSON.stringify writes it: String(n) when finite (-0 is "0"), else null.
 * String(n) is the shortest decimal that reads back as n. A number below 1e9 with at most six
 * decimals (every figure of a report, rounded by step 7) is written digit by digit instead,
 * making no string: when m = round(|n|·10⁶) gives back |n| exactly (m / 10⁶ === |n|, a
 * correctly rounded division), the decimal m·10⁻⁶ reads back as n and has at most 15
 * significant digits; no two decimals of at most 15 significant digits read back as the same
 * number (DBL_DIG), so it is the shortest one, the one String(n) writes, in the same notation
 * (plain, no exponent, between 1e-6 and 1e21). A test compares the two on random numbers.
 */
function writeNumber(out: Utf8Pieces, n: number | null): void {
  if (n === null || !Number.isFinite(n)) {
    out.write('null');
    return;
  }
  const abs = Math.abs(n);
  const m = Math.round(abs * 1e6);
  if (abs >= 1e9 || m / 1e6 !== abs) {
    out.write(String(n));
    return;
  }
  if (n < 0) out.write('-');
  const whole = Math.floor(m / 1e6);
  out.writeDigits(whole);
  let fraction = m - whole * 1e6;
  if (fraction === 0) return;
  let width = 6;
  while (fraction % 10 === 0) {
    fraction /= 10;
    width--;
  }
  out.write('.');
  out.writeDigits(fraction, width);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isPlainArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * `JSON.stringify(value, null, 2)` for a value written `indent` in: strings, numbers, booleans,
 * null, arrays and plain objects here; anything else (an object with toJSON, a class instance)
 * by JSON.stringify itself. Returns false, having written nothing, where JSON leaves the value
 * out (undefined, a function, a symbol).
 */
function writeValue(out: Utf8Pieces, value: unknown, indent: string): boolean {
  if (typeof value === 'string') writeString(out, value);
  else if (typeof value === 'number') writeNumber(out, value);
  else if (typeof value === 'boolean') out.write(value ? 'true' : 'false');
  else if (value === null) out.write('null');
  else if (isPlainArray(value)) writeArray(out, value, indent);
  else if (isPlainObject(value)) writeObject(out, value, indent);
  else {
    const text = JSON.stringify(value, null, 2) as string | undefined;
    if (text === undefined) return false;
    out.write(text.replaceAll('\n', `\n${indent}`));
  }
  return true;
}

/** The separators of an array or object `indent` in, as bytes made once per indent. */
interface Separators {
  /** The indent of the members. */
  inner: string;
  /** Before the first member (`\n` + inner), before each other one (`,\n` + inner). */
  first: Uint8Array;
  next: Uint8Array;
  /** After the last member: `\n` + indent + the bracket. */
  closeArray: Uint8Array;
  closeObject: Uint8Array;
}
const separatorsByIndent = new Map<string, Separators>();

function separators(indent: string): Separators {
  let s = separatorsByIndent.get(indent);
  if (s === undefined) {
    const inner = `${indent}  `;
    s = {
      inner,
      first: Buffer.from(`\n${inner}`),
      next: Buffer.from(`,\n${inner}`),
      closeArray: Buffer.from(`\n${indent}]`),
      closeObject: Buffer.from(`\n${indent}}`),
    };
    separatorsByIndent.set(indent, s);
  }
  return s;
}

function writeArray(out: Utf8Pieces, items: readonly unknown[], indent: string): void {
  if (items.length === 0) {
    out.write('[]');
    return;
  }
  const s = separators(indent);
  out.write('[');
  for (let i = 0; i < items.length; i++) {
    out.writeBytes(i === 0 ? s.first : s.next);
    if (!writeValue(out, items[i], s.inner)) out.write('null');
  }
  out.writeBytes(s.closeArray);
}

function writeObject(out: Utf8Pieces, object: Record<string, unknown>, indent: string): void {
  const s = separators(indent);
  out.write('{');
  let first = true;
  for (const key of Object.keys(object)) {
    const mark = out.length;
    out.writeBytes(first ? s.first : s.next);
    out.writeBytes(keyBytes(key));
    if (writeValue(out, object[key], s.inner)) first = false;
    else out.truncate(mark); // left out, as JSON leaves it
  }
  if (first) out.write('}');
  else out.writeBytes(s.closeObject);
}

/** `"key": ` as bytes, made once per key (criterion ids, stage names: a handful, met 200,000 times). */
const keyBytesMade = new Map<string, Uint8Array>();

function keyBytes(key: string): Uint8Array {
  let bytes = keyBytesMade.get(key);
  if (bytes === undefined) {
    if (keyBytesMade.size >= 1024) keyBytesMade.clear();
    keyBytesMade.set(key, (bytes = Buffer.from(`${JSON.stringify(key)}: `, 'utf8')));
  }
  return bytes;
}

/** The result with no entries, everything else read through from it (no getter is run). */
function withoutEntries(result: ScoreResult): ScoreResult {
  return Object.assign(Object.create(result) as ScoreResult, { entries: [] });
}
