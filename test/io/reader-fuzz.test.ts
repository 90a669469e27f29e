/**
 * Fuzzing the readers above the CSV tokenizer (issue #16): generated score sheets (long and
 * wide) and entries files, with short and long rows, columns under an empty header, debris
 * rows (`,,,`, blank lines, also above the header), scores cut in two at a decimal comma,
 * every delimiter and every line end. Each file is read by one reader and in two parts cut at
 * every line break (as the two worker threads read it), and the properties are:
 *
 * - every row is read exactly as its writer meant it, or there is an error at its line (and
 *   then nothing is read from it); a row with nothing wrong is read;
 * - the two-part read gives exactly what one reader gives;
 * - nothing throws (an internal error is exit 70).
 *
 * The oracle is the generator's own record of what each row means, not the reader's output.
 * KIPP_FUZZ_RUNS=2000 runs a larger search (default: a few seconds' worth).
 */
import { Buffer } from 'node:buffer';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';
import { loadRubric } from '../../src/io/rubric.js';
import { readInTwoParts } from '../../src/io/sheet-thread.js';
import { readScoreSheets, type ReadSheets } from '../../src/io/sheets.js';
import { readTable } from '../../src/io/table.js';
import { tempFolder } from '../tmp.js';

const RUNS = Number(process.env.KIPP_FUZZ_RUNS ?? 60);
const rubric = loadRubric(null).rubric;
const CRITERIA = rubric.criteria.map((c) => c.id);

const ENTRIES = ['KIPP-001', 'KIPP-002', '08123', 'KIPP-004'];
const JUDGES = ['J01', 'J02', 'J03'];
/** Scores as a judge types them: `8,5` is a decimal comma (cut in two in a comma-separated file). */
const SCORES = ['7', '10', '8.5', '8,5', '6,25', '9', ''];
/** Comments a judge writes (none is only a number: that one is a mutation below). */
const COMMENTS = ['', 'baik', 'cukup, perlu data', 'kata "Sapa" warga', 'dua\nbaris', 'Café', '5 tahun'];

type Delim = ',' | ';' | '\t';

const row = fc.record({
  entry: fc.constantFrom(...ENTRIES, ''),
  judge: fc.constantFrom(...JUDGES),
  criterion: fc.constantFrom(...CRITERIA),
  scores: fc.array(fc.constantFrom(...SCORES), { minLength: CRITERIA.length, maxLength: CRITERIA.length }),
  comment: fc.constantFrom(...COMMENTS),
  drop: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
  extra: fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as string[]) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom('', '', '5', 'x'), { minLength: 1, maxLength: 2 }) },
  ),
  unnamedValue: fc.constantFrom('', '', '', '5', 'catatan'),
  numericComment: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  debrisBefore: fc.oneof(
    { weight: 5, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) },
  ),
});

const sheetSpec = fc.record({
  wide: fc.boolean(),
  comment: fc.boolean(),
  delimiter: fc.constantFrom<Delim>(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  /** Where empty header cells go (indices into the named columns, before which one is put). */
  unnamedAt: fc.oneof(
    { weight: 3, arbitrary: fc.constant([] as number[]) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 2 }) },
  ),
  /** Debris rows above the header: a long run puts the middle of a small file before the header's end. */
  debrisAbove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
  rows: fc.array(row, { minLength: 1, maxLength: 30 }),
});
type SheetSpec = typeof sheetSpec extends fc.Arbitrary<infer T> ? T : never;

function quoted(cell: string, d: Delim): string {
  return /["\r\n]/.test(cell) || cell.includes(d) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Counts line breaks as the reader does (CRLF, LF and a lone CR are one each). */
function linesIn(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

interface Expected {
  line: number;
  /** The rows the record means: [entry, judge, criterion, text, comment]. */
  rows: string[][];
  /** Nothing in the file differs from what the writer meant: it must be read. */
  clean: boolean;
}

/** The file's text and, per data record, what it means. */
function renderSheet(f: SheetSpec): { text: string; expected: Expected[] } {
  const d = f.delimiter;
  const named = f.wide ? ['entry_id', 'judge_id', ...CRITERIA] : ['entry_id', 'judge_id', 'criterion', 'score'];
  if (f.comment) named.push('comment');
  // Columns: a named one, or null under an empty header cell.
  const columns: (string | null)[] = [];
  named.forEach((name, i) => {
    for (const at of f.unnamedAt) if (at === i) columns.push(null);
    columns.push(name);
  });
  for (const at of f.unnamedAt) if (at >= named.length) columns.push(null);
  const debris = (n: number) => Array.from({ length: n }, (_, k) => (k % 2 ? '' : d.repeat(columns.length - 1)));
  const lines: string[] = [...debris(f.debrisAbove), columns.map((c) => c ?? '').join(d)];
  const expected: Expected[] = [];
  for (const r of f.rows) {
    lines.push(...debris(r.debrisBefore));
    const comment = !f.comment ? '' : r.numericComment ? '5' : r.comment;
    const meant: Record<string, string> = {
      entry_id: r.entry,
      judge_id: r.judge,
      criterion: r.criterion,
      score: r.scores[0]!,
      comment,
    };
    CRITERIA.forEach((c, k) => (meant[c] = r.scores[k]!));
    // The cells as written: a decimal comma in a comma-separated file is written unquoted (the
    // writer's mistake), so it becomes two cells.
    let split = false;
    let cells: string[] = [];
    for (const column of columns) {
      const value = column === null ? r.unnamedValue : meant[column]!;
      const isScore = column !== null && (column === 'score' || CRITERIA.includes(column));
      if (isScore && d === ',' && value.includes(',')) {
        split = true;
        cells.push(...value.split(','));
      } else cells.push(quoted(value, d));
    }
    // A row cut in two at a decimal comma that still fits its header is caught through the
    // comment column, when the score that moves into it is not empty: a wide row whose last
    // criterion is left empty and whose comment cell is left out reads, once cut, exactly like
    // a valid row (see the README). The generator leaves out only the comment, and only then.
    const lastMoves = !f.wide || meant[CRITERIA[CRITERIA.length - 1]!] !== '';
    const drop = split ? (f.comment && r.drop > 0 && lastMoves ? 1 : 0) : Math.min(r.drop, cells.length - 1);
    const dropped = cells.slice(cells.length - drop);
    cells = cells.slice(0, cells.length - drop);
    // Cells past the header's width (after a full row: after a short one they would be its own).
    const extra = drop === 0 ? r.extra : [];
    cells.push(...extra);
    const line = 1 + linesIn(`${lines.join(f.eol)}${f.eol}`);
    lines.push(cells.join(d));
    const rows: string[][] = [];
    if (r.entry !== '') {
      if (f.wide) CRITERIA.forEach((c) => meant[c] !== '' && rows.push([r.entry, r.judge, c, meant[c]!, comment]));
      else rows.push([r.entry, r.judge, r.criterion, meant.score!, comment]);
    }
    const clean =
      r.entry !== '' &&
      !split &&
      dropped.length === 0 &&
      extra.every((x) => x === '') &&
      (d !== ',' || extra.length === 0) &&
      (columns.every((c) => c !== null) || r.unnamedValue === '') &&
      !r.numericComment;
    expected.push({ line, rows, clean });
  }
  // The file ends with or without a line break; a blank record at the start of the file is debris too.
  const text = `${f.bom ? '\uFEFF' : ''}${lines.join(f.eol)}${f.eol}`;
  return { text, expected };
}

const FILE = 'nilai.csv';
const dir = tempFolder('kipp-reader-fuzz-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readOne(bytes: Buffer): ReadSheets {
  return readScoreSheets([{ path: FILE, stage: undefined }], rubric, { bytes });
}

/** The sheet's rows as [line, entry, judge, criterion, text, comment]. */
function rowsOf(read: ReadSheets): (string | number)[][] {
  const s = read.sheet;
  return Array.from({ length: s.length }, (_, i) => {
    const r = s.at(i);
    return [r.source.line, r.entryId, r.judgeId, r.criterionRaw, r.text, r.comment ?? ''];
  });
}

/** Every offset just after a line break (where the workers may cut), at most `max` of them spread out. */
function cuts(bytes: Buffer, max: number): number[] {
  const all: number[] = [];
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) all.push(i + 1);
  if (all.length <= max) return all;
  return Array.from({ length: max }, (_, k) => all[Math.floor((k * all.length) / max)]!);
}

function checkSheet(f: SheetSpec): void {
  const { text, expected } = renderSheet(f);
  const bytes = Buffer.from(text, 'utf8');
  const one = readOne(bytes);
  const rows = rowsOf(one);
  const errorsAt = new Set(one.diagnostics.filter((d) => d.severity === 'error' && d.file === FILE).map((d) => d.line));
  expect(one.diagnostics.filter((d) => d.line === undefined || d.line <= 1 + f.debrisAbove).map((d) => d.code)).toEqual(
    [],
  );
  for (const e of expected) {
    const got = rows.filter((r) => r[0] === e.line).map((r) => r.slice(1));
    if (errorsAt.has(e.line)) expect({ line: e.line, got }).toEqual({ line: e.line, got: [] });
    else expect({ line: e.line, got }).toEqual({ line: e.line, got: e.rows });
    if (e.clean) expect({ line: e.line, error: errorsAt.has(e.line) }).toEqual({ line: e.line, error: false });
  }
  const lines = new Set(expected.map((e) => e.line));
  expect(rows.filter((r) => !lines.has(r[0] as number))).toEqual([]);
  // Two parts, cut after any line break, as two worker threads read it.
  for (const cut of cuts(bytes, 12)) {
    const two = readInTwoParts({ path: FILE, stage: undefined }, bytes, cut, rubric, undefined);
    expect({ cut, rows: rowsOf(two) }).toEqual({ cut, rows });
    expect({ cut, diagnostics: two.diagnostics }).toEqual({ cut, diagnostics: one.diagnostics });
  }
}

describe('#16 fuzz: score sheets, long and wide, every delimiter and line end', () => {
  it('every row is read as meant or is an error at its line; one reader equals two parts cut anywhere', () => {
    fc.assert(fc.property(sheetSpec, checkSheet), { numRuns: RUNS });
  }, 120_000);

  it('the real worker threads (from dist/) give what one thread gives', async () => {
    // Starting threads costs ~100 ms a file: a few files here, the cuts are searched above.
    const { loadCompetition } = (await import(
      join(ROOT, 'dist/io/competition.js')
    )) as typeof import('../../src/io/competition.js');
    let n = 0;
    fc.assert(
      fc.property(sheetSpec, (f) => {
        const path = join(dir, `sheet-${n++}.csv`);
        writeFileSync(path, renderSheet(f).text);
        const options = { entries: [join(ROOT, 'fixtures/example/entries.csv')], scores: [path] };
        const alone = loadCompetition({ ...options, workerMinBytes: Infinity });
        const threaded = loadCompetition({ ...options, workerMinBytes: 0 });
        const all = (c: typeof alone) => [...(c.scores as Iterable<unknown>)];
        expect(all(threaded)).toEqual(all(alone));
        expect(threaded.diagnostics).toEqual(alone.diagnostics);
      }),
      { numRuns: Math.max(4, Math.round(RUNS / 15)) },
    );
  }, 120_000); // threads start slowly on a busy machine
});

// Entries files: one reader (they are never read in parts). Rows short or long, empty header cells.
const entriesSpec = fc.record({
  delimiter: fc.constantFrom<Delim>(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  unnamedAt: fc.oneof(fc.constant([] as number[]), fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 2 })),
  debrisAbove: fc.integer({ min: 0, max: 5 }),
  rows: fc.array(
    fc.record({
      id: fc.constantFrom('KIPP-001', '08123', 'E-3', ''),
      title: fc.constantFrom('Sapa Warga', 'Layanan "Sapa", Warga', 'Lapak\nGanjar'),
      agency: fc.constantFrom('Pemkot Bandung', 'Dinas; PTSP'),
      category: fc.constantFrom('governance', '4', 'Inklusif'),
      summary: fc.constantFrom('', 'ringkas', '8,5 juta warga'),
      drop: fc.oneof(
        { weight: 4, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) },
      ),
      extra: fc.oneof(
        { weight: 4, arbitrary: fc.constant([] as string[]) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom('', 'x'), { minLength: 1, maxLength: 2 }) },
      ),
      unnamedValue: fc.constantFrom('', 'catatan'),
      debrisBefore: fc.integer({ min: 0, max: 1 }),
    }),
    { minLength: 1, maxLength: 20 },
  ),
});

describe('#16 fuzz: entries files', () => {
  it('every record holds the cells written under their header, or is an error at its line; nothing throws', () => {
    fc.assert(
      fc.property(entriesSpec, (f) => {
        const d = f.delimiter;
        const named = ['id', 'title', 'agency', 'category', 'summary'];
        const columns: (string | null)[] = [];
        named.forEach((name, i) => {
          for (const at of f.unnamedAt) if (at === i) columns.push(null);
          columns.push(name);
        });
        for (const at of f.unnamedAt) if (at >= named.length) columns.push(null);
        const lastNamed = columns.lastIndexOf('summary');
        const lines = [
          ...Array.from({ length: f.debrisAbove }, () => d.repeat(3)),
          columns.map((c) => c ?? '').join(d),
        ];
        const expected: { line: number; fields: [string, string][]; mustError: boolean }[] = [];
        for (const r of f.rows) {
          if (r.debrisBefore) lines.push('');
          const all = columns.map((c) => (c === null ? r.unnamedValue : (r as unknown as Record<string, string>)[c]!));
          const cells = all.slice(0, all.length - Math.min(r.drop, all.length - 1));
          const extra = cells.length === all.length ? r.extra : [];
          const fields = columns.flatMap((c, i): [string, string][] =>
            c !== null && i < cells.length ? [[c, cells[i]!]] : [],
          );
          const line = 1 + linesIn(`${lines.join(f.eol)}${f.eol}`);
          lines.push([...cells.map((c) => quoted(c, d)), ...extra].join(d));
          const blank = cells.every((c) => c === '') && extra.every((x) => x === '');
          // Refused: a value past the header (extra cells), or under the empty header cells
          // after its last named column (where a cut text cell pushes the row's last cell).
          const pastNamed = cells.some((c, i) => i > lastNamed && c !== '');
          if (!blank) expected.push({ line, fields, mustError: extra.some((x) => x !== '') || pastNamed });
        }
        const text = `${lines.join(f.eol)}${f.eol}`;
        const t = readTable(
          { path: 'e.csv', bytes: Buffer.from(text), sha256: '', format: 'csv' },
          { kind: 'entries', criterion: () => undefined },
        );
        const errorsAt = new Set(t.diagnostics.filter((x) => x.severity === 'error').map((x) => x.line));
        for (const e of expected) {
          const record = t.records.find((r) => r.source.line === e.line);
          if (errorsAt.has(e.line)) expect(record).toBeUndefined();
          else
            expect({ line: e.line, fields: record && [...record.fields] }).toEqual({ line: e.line, fields: e.fields });
          // Every other row is read: an entries row has nothing else that refuses it.
          expect({ line: e.line, error: errorsAt.has(e.line) }).toEqual({ line: e.line, error: e.mustError });
        }
        expect(t.records.length).toBe(expected.filter((e) => !errorsAt.has(e.line)).length);
      }),
      { numRuns: RUNS },
    );
  });
});
