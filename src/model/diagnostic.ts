/**
 * Findings are data: every problem the tool sees becomes a Diagnostic, and formatters render
 * lists of them. The codes are part of the product contract (docs/reference/diagnostic-codes.md).
 */

export const DIAGNOSTIC_CODES = {
  'file-not-found': 'error',
  'parse-error': 'error',
  encoding: 'warning',
  'missing-field': 'error',
  'unknown-field': 'warning',
  'duplicate-id': 'error',
  'unknown-category': 'error',
  'invalid-agency-type': 'error',
  'invalid-date': 'error',
  'implementation-too-recent': 'error',
  'unknown-group': 'error',
  'duplicate-title': 'error',
  'too-many-entries': 'error',
  'text-too-long': 'error',
  'unknown-entry': 'error',
  'unknown-judge': 'error',
  'unknown-criterion': 'error',
  'score-not-a-number': 'error',
  'score-out-of-range': 'error',
  'duplicate-score': 'error',
  'too-few-judges': 'error',
  'conflict-of-interest': 'warning',
  'invalid-rubric': 'error',
  // Codes kipp adds beyond the original contract (docs/reference/diagnostic-codes.md lists every code).
  'duplicate-header': 'error',
  'inline-scores-ignored': 'warning',
  'cutoff-tie': 'warning',
  'disconnected-panel': 'warning',
  'unknown-stage': 'error',
  'shortlist-over-size': 'warning',
  'empty-file': 'error',
  'unsupported-format': 'error',
  'invalid-decision': 'error',
  'stale-decision': 'error',
  'missing-sheet': 'error',
  'unassigned-score': 'error',
  'other-assignment': 'warning',
  // Reading workbooks: a cell no rule can read, a sheet that is not there.
  'cell-error': 'error',
  'formula-without-value': 'error',
  'hidden-decimals': 'error',
  'sheet-not-found': 'error',
  'long-number-id': 'warning',
} as const satisfies Record<string, Severity>;

export type Severity = 'error' | 'warning';
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file?: string;
  /**
   * The sheet of a workbook `file` that was read; `line` is then its row and
   * `column` its column (cell F12: line 12, column 6).
   */
  sheet?: string;
  line?: number;
  column?: number;
  field?: string;
  entry_id?: string;
  message: string;
  /**
   * How many more diagnostics of this code about this file follow this one, counted but not
   * listed (limitDiagnostics): absent on all but the one that stands for them.
   */
  omitted?: number;
}

/** Where a record came from: the file as the user named it and the 1-based line it starts on. */
export interface SourceRef {
  file: string;
  line: number;
}

export interface DiagnosticInit {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  field?: string | undefined;
  entry_id?: string | undefined;
}

/** Builds a diagnostic with the code's default severity and without absent fields. */
export function diagnostic(code: DiagnosticCode, message: string, at: DiagnosticInit = {}): Diagnostic {
  const d: Diagnostic = { code, severity: DIAGNOSTIC_CODES[code], message };
  if (at.file !== undefined) d.file = at.file;
  if (at.line !== undefined) d.line = at.line;
  if (at.column !== undefined) d.column = at.column;
  if (at.field !== undefined) d.field = at.field;
  if (at.entry_id !== undefined) d.entry_id = at.entry_id;
  return d;
}

/**
 * At most this many diagnostics of one code are listed per file; the next one listed stands for
 * the rest (`omitted`), which are counted (errors, warnings, exit code) but not listed. A score
 * sheet of 5 million rows, every score out of range, made 5 million diagnostics: kipp ran out of
 * memory after 83 s (a 1 million row sheet took 2.4 GB and wrote 347 MB of JSON). A national
 * year of 125,000 scores on the wrong scale lists 10,000 and counts the rest.
 */
export const LISTED_PER_CODE = 10_000;

/** How many findings a diagnostic stands for: itself, and those it omits. */
export function countOf(d: Diagnostic): number {
  return 1 + (d.omitted ?? 0);
}

/** Errors and warnings in a list, each diagnostic counted with those it omits. */
export function countSeverities(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of list) {
    if (d.severity === 'error') errors += countOf(d);
    else warnings += countOf(d);
  }
  return { errors, warnings };
}

/** The message, and what the diagnostic stands for when it omits others. */
export function messageOf(d: Diagnostic): string {
  if (d.omitted === undefined || d.omitted === 0) return d.message;
  const n = d.omitted.toLocaleString('en-US');
  const kind = d.severity === 'error' ? 'error' : 'warning';
  return `${d.message} (and ${n} more ${d.code} ${kind}${d.omitted === 1 ? '' : 's'} about this file after this one, counted but not listed: at most ${LISTED_PER_CODE.toLocaleString('en-US')} of a code are listed per file)`;
}

/**
 * Keeps, in the list's order, the first `per` diagnostics of each code and file; the next one
 * stays and stands for the rest (its `omitted` counts them and what they omitted), which are
 * dropped. The list is changed in place and returned; the diagnostics are not (a stand-in that
 * takes on more is a copy: the same diagnostic may be in another list, the competition's, that
 * is limited again). Limiting parts of a list and then the parts joined in order keeps what
 * limiting the whole at once keeps (the two halves of a sheet read by two threads give one
 * reader's list), and the counts never change.
 */
export function limitDiagnostics<T extends Diagnostic>(list: T[], per = LISTED_PER_CODE): T[] {
  const listed = new Map<string, number>();
  /** Per code and file: where its stand-in is in the list, and whether it is this call's copy. */
  const standIn = new Map<string, { at: number; copied: boolean }>();
  let kept = 0;
  for (const d of list) {
    const key = `${d.code}\u0000${d.file ?? ''}`;
    const n = listed.get(key) ?? 0;
    if (n <= per) {
      listed.set(key, n + 1);
      if (n === per) standIn.set(key, { at: kept, copied: false });
      list[kept++] = d;
    } else {
      const s = standIn.get(key)!;
      if (!s.copied) {
        list[s.at] = { ...list[s.at]! };
        s.copied = true;
      }
      const into = list[s.at]!;
      into.omitted = (into.omitted ?? 0) + countOf(d);
    }
  }
  list.length = kept;
  return list;
}

/** How many appends pushLimited lets a list grow by between two limitDiagnostics. */
const LIMIT_EVERY = 1 << 16;

/**
 * Appends a diagnostic to a list that may grow by one per row of a file (millions): every
 * LIMIT_EVERY appends the list is limited, so it holds at most LISTED_PER_CODE + 1 per code
 * and file beyond the last LIMIT_EVERY. The owner limits it once more when it is complete.
 */
export function pushLimited(list: Diagnostic[], d: Diagnostic): void {
  if (list.push(d) % LIMIT_EVERY === 0) limitDiagnostics(list);
}

/**
 * Where else a repeated value is, for a duplicate-* message: one other place (the first
 * occurrence, or the second for the first itself) and how many more. Listing every other place
 * made n messages of n places each: 2,000 entries sharing a title gave 100 MB of JSON.
 */
export function otherPlaces(places: { self: number; count: number; place: (k: number) => string }): string {
  const { self, count, place } = places;
  const other = place(self === 0 ? 1 : 0);
  const more = count - 2;
  return more === 0
    ? other
    : `${other} and ${more.toLocaleString('en-US')} more (${count.toLocaleString('en-US')} in all)`;
}

/** How much of a value a message quotes: enough to find it in the file, never the whole of a huge cell. */
export const EXCERPT_LENGTH = 60;

/**
 * A value from an input file as a message quotes it: `"8,5"`, or for a long value its start, an
 * ellipsis and its length (`"Layanan…" (104,857,600 characters)`). Every message that quotes
 * input text goes through here, so that no cell, line or file is ever echoed whole.
 */
export function quoted(text: string): string {
  if (text.length <= EXCERPT_LENGTH) return `"${text}"`;
  // Cut at a code point boundary: half an emoji would be a lone surrogate in the JSON report.
  let end = EXCERPT_LENGTH - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `"${text.slice(0, end)}…" (${text.length.toLocaleString('en-US')} characters)`;
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A diagnostic's cell in its sheet (`F12`; `row 12` without a column), or undefined outside a workbook. */
export function cellOf(d: Diagnostic): string | undefined {
  if (d.sheet === undefined || d.line === undefined) return undefined;
  return d.column !== undefined ? `${columnLetters(d.column)}${d.line}` : `row ${d.line}`;
}

/** Where a diagnostic points, in words: `sheet "Nilai", cell F12` in a workbook, else `line:column`. */
export function placeOf(d: Diagnostic): string {
  if (d.sheet !== undefined) {
    const cell = cellOf(d);
    return `sheet "${d.sheet}"${cell === undefined ? '' : cell.startsWith('row') ? `, ${cell}` : `, cell ${cell}`}`;
  }
  if (d.line === undefined) return '';
  return d.column !== undefined ? `${d.line}:${d.column}` : String(d.line);
}

/**
 * Names the sheet in every diagnostic about a workbook input: the readers and the checks after
 * them point at a file, a line (the row) and a column; the sheet read is the input's.
 */
export function inSheets<T extends Diagnostic>(
  diagnostics: T[],
  inputs: readonly { path: string; sheet?: string }[],
): T[] {
  const sheets = new Map<string, string>();
  for (const input of inputs) if (input.sheet !== undefined) sheets.set(input.path, input.sheet);
  if (sheets.size === 0) return diagnostics;
  for (const d of diagnostics) {
    const sheet = d.file === undefined ? undefined : sheets.get(d.file);
    if (sheet !== undefined && d.sheet === undefined) d.sheet = sheet;
  }
  return diagnostics;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** A total order on diagnostics so that reports are byte-identical from run to run. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmp(a.code, b.code) ||
    cmp(a.field ?? '', b.field ?? '') ||
    cmp(a.entry_id ?? '', b.entry_id ?? '') ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Errors that stop a command before it produces a result. `kind` decides the exit code in
 * src/cli.ts: 'usage' and 'config' exit 2, 'data' exits 1.
 */
export class KippError extends Error {
  constructor(
    readonly kind: 'usage' | 'config' | 'data',
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    /** Said after the diagnostics (the message is said only without them). */
    readonly closing?: string,
  ) {
    super(message);
    this.name = 'KippError';
  }
}
