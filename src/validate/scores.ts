/**
 * Score rules — docs/reference/scoring.md steps 1 and 2, and the judge-count rule of step 5:
 * every score becomes a record or a diagnostic; repeated records keep no copy; records of a judge
 * with a conflict of interest are set aside; entries with too few judges are found.
 */
import {
  countOf,
  diagnostic,
  limitDiagnostics,
  otherPlaces,
  pushLimited,
  quoted,
  type Diagnostic,
} from '../model/diagnostic.js';
import {
  compareCodePoints,
  foldText,
  idOrder,
  NUMBER_DIGITS_KEPT,
  numberIdKey,
  significantDigits,
} from '../model/names.js';
import { ScoreSheet } from '../model/scoresheet.js';
import type { Competition, Judge, ScoreRow } from '../model/records.js';
import { vocabulary } from '../model/vocabulary.js';
import { describeNumberProblem, parseScore } from '../io/number.js';
import { checkDeclaredConflicts } from './conflicts.js';
import { idIndex, type CheckedEntry } from './entries.js';

export const INLINE_JUDGE = 'inline';

/** A score that passed step 1, as an object (for small consumers: explanations, analytics). */
export interface ScoreRecord {
  /** Index into the checked entries. */
  entry: number;
  judge: string;
  criterion: string;
  value: number;
  source: ScoreRow['source'];
  column?: number;
  /** The CSV column of the row's judge_id (for conflict-of-interest). */
  judgeColumn?: number;
}

/**
 * Records by column, in canonical order: entry id, then judge id, then criterion (rubric order).
 * Sums taken in this order do not depend on the order of rows in the files.
 */
export interface RecordColumns {
  count: number;
  /** Index into the checked entries. */
  entry: Int32Array;
  /** Index into CheckedScores.judges. */
  judge: Int32Array;
  /** Index into rubric.criteria. */
  criterion: Int32Array;
  value: Float64Array;
  /** Index of the row in the ScoreSheet (its file, line and column). */
  row: Int32Array;
}

export interface CheckedScores {
  /** Judge ids in code-point order: RecordColumns.judge indexes this list. */
  judges: string[];
  /** Records remaining after steps 1–2. */
  kept: RecordColumns;
  /** Records excluded in step 2 (conflict of interest). */
  excluded: RecordColumns;
  sheet: ScoreSheet;
  /** The remaining records as objects (one per score: millions in a stress year), built on the first call. */
  records(): ScoreRecord[];
  /** The excluded records as objects, built on the first call. */
  conflicts(): ScoreRecord[];
  /** Per entry index: criterion ids with fewer than the required distinct judges. */
  tooFewJudges: Map<number, string[]>;
  /** Distinct judges per entry index, over the remaining records. */
  judgeCounts: number[];
  /** True when the scores came from the entries' own criterion columns. */
  inline: boolean;
  diagnostics: Diagnostic[];
  /** Per entry index: its place among the entries in id order (code points; equal ids in entry order). */
  entryRank: Int32Array;
}

function emptyColumns(n: number): RecordColumns {
  return {
    count: 0,
    entry: new Int32Array(n),
    judge: new Int32Array(n),
    criterion: new Int32Array(n),
    value: new Float64Array(n),
    row: new Int32Array(n),
  };
}

/** Blocks of more records than this are sorted natively (canonicalOrder). */
const INSERTION_SORT_MAX = 16;
/** A record's place in a packed sort key: rows below 2³¹. */
const ROWS = 2 ** 31;
/** Keys (judge × criteria + criterion) below this pack with a row into an exact double. */
const PACKED_KEYS = 2 ** 22;

/**
 * Reorders the columns so that position k holds what position order[k] held: column by column,
 * each gathered into one scratch column and copied back. Following the permutation's cycles
 * instead needs no scratch, but each step waits for the load before it (a shuffled stress
 * year's 5 million records took 0.8 s that way); a gather's loads are independent, and the
 * scratch is one column (40 MB for 5 million values), not a copy of all five.
 */
function permute(c: RecordColumns, order: Int32Array): void {
  const n = order.length;
  const scratch = new ArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT);
  const values = new Float64Array(scratch, 0, n);
  for (let k = 0; k < n; k++) values[k] = c.value[order[k]!]!;
  c.value.set(values);
  const ints = new Int32Array(scratch, 0, n);
  for (const column of [c.entry, c.judge, c.criterion, c.row]) {
    for (let k = 0; k < n; k++) ints[k] = column[order[k]!]!;
    column.set(ints);
  }
}

/**
 * Why an entry id is not in the entries, when a reason is known: its row was refused (a
 * parse-error in an entries file naming the id: fix that row), or a known id is its spreadsheet
 * twin (zeroTwins).
 */
function entryHint(competition: Competition, checked: readonly CheckedEntry[]): (id: string) => string | undefined {
  const refused = refusedRows(competition, 'entries');
  const byId = new Map<string, Diagnostic>();
  for (const d of refused) if (d.entry_id !== undefined && !byId.has(d.entry_id)) byId.set(d.entry_id, d);
  const twins = zeroTwins(checked.map((c) => c.entry.id));
  const others = refusedNote(refused, 'entry');
  return (id) => {
    const row = byId.get(id);
    if (row !== undefined)
      return `its row in ${row.file} (${row.sheet !== undefined ? 'row' : 'line'} ${row.line}) was not read: fix that row (see the parse-error there)`;
    const twin = twins(id);
    return twin === undefined && others !== undefined ? `check the id; or ${others}` : twin;
  };
}

/** "did you mean" for an unknown judge (zeroTwins), or the judges file's refused rows (refusedNote). */
function judgeHint(competition: Competition): (id: string) => string | undefined {
  const twins = zeroTwins(competition.judges!.map((j) => j.id));
  const others = refusedNote(refusedRows(competition, 'judges'), 'judge');
  return (id) => twins(id) ?? (others === undefined ? undefined : `add the judge or correct the id; or ${others}`);
}

/** The rows of the competition's files of a kind that did not fit their header and were not read. */
function refusedRows(competition: Competition, kind: 'entries' | 'judges'): Diagnostic[] {
  const files = new Set(competition.inputs.filter((i) => i.kind === kind).map((i) => i.path));
  return competition.diagnostics.filter(
    (d) => d.code === 'parse-error' && d.line !== undefined && d.file !== undefined && files.has(d.file),
  );
}

/**
 * Where refused rows are, for a message about an id that is not there: the id may be on one of
 * them (a row whose id is not its first column, or a judge's row, cannot be named for sure).
 */
function refusedNote(refused: readonly Diagnostic[], what: 'entry' | 'judge'): string | undefined {
  if (refused.length === 0) return undefined;
  const first = refused[0]!;
  const lines = refused.slice(0, 3).map((d) => d.line);
  const more = refused.reduce((n, d) => n + countOf(d), 0) - lines.length;
  const where = `${first.file} (${first.sheet !== undefined ? 'row' : 'line'}${lines.length > 1 ? 's' : ''} ${lines.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''})`;
  return `the ${what} may be on a row of ${where} that was not read: fix it (see the parse-error there)`;
}

/**
 * "did you mean" for an id that matches a known one as a spreadsheet's number would (numberIdKey:
 * `08123` made the number 8123, or a 16-digit id kept to 15 digits), in the score sheet or in
 * the entries.
 */
function zeroTwins(known: readonly string[]): (id: string) => string | undefined {
  const byKey = new Map<string, string[]>();
  for (const id of known) {
    const key = numberIdKey(id);
    if (key === undefined) continue;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [id]);
    else if (!list.includes(id) && list.length < 3) list.push(id);
  }
  return (id) => {
    const key = numberIdKey(id);
    const twins = key === undefined ? undefined : byKey.get(key)?.filter((t) => t !== id);
    if (twins === undefined || twins.length === 0) return undefined;
    return `did you mean ${twins.map((t) => `"${t}"`).join(' or ')}? ${
      significantDigits(id).length > NUMBER_DIGITS_KEPT
        ? `A spreadsheet keeps ${NUMBER_DIGITS_KEPT} digits of a number and turns the rest into zeros`
        : 'A spreadsheet drops the leading zeros of a number'
    }: format the id column as Text, type the ids again, and save`;
  };
}

function pushRecord(
  c: RecordColumns,
  entry: number,
  judge: number,
  criterion: number,
  value: number,
  row: number,
): void {
  const i = c.count++;
  c.entry[i] = entry;
  c.judge[i] = judge;
  c.criterion[i] = criterion;
  c.value[i] = value;
  c.row[i] = row;
}

/** What every phase of checkScores reads: the competition, its checked entries and the sheet. */
interface ScoreCheck {
  competition: Competition;
  rubric: Competition['rubric'];
  checked: CheckedEntry[];
  sheet: ScoreSheet;
  inline: boolean;
  /** Criteria of the rubric. */
  C: number;
  criterionIndex: Map<string, number>;
  byId: Map<string, number>;
  shared: Set<string>;
  /** The records are made in the sheet's own code columns (see CheckScoresOptions). */
  take: boolean;
  /** In the order they are reported. */
  diagnostics: Diagnostic[];
}

export interface CheckScoresOptions {
  /**
   * The caller needs nothing of `competition.scores` afterwards but each row's place and line
   * (file(), `lines`, columnOf(): what findings and score records point at). Step 1 then makes
   * its records in the sheet's own code columns (ScoreSheet.release), each written at or before
   * the row it is read from, instead of in new ones: 80 MB less at the peak of a stress year.
   * The sheet's texts are gone after: reading them throws. A sheet made from inline scores is
   * made here and is always taken.
   */
  takeSheet?: boolean;
}

/**
 * Steps 1 and 2 and the judge-count rule, in four phases: every row checked in one pass
 * (checkRows), the records put in canonical order (canonicalOrder), repeated records and
 * conflicts of interest set aside in one pass (keepRecords), and judges counted (countJudges).
 */
export function checkScores(
  competition: Competition,
  checked: CheckedEntry[],
  options: CheckScoresOptions = {},
): CheckedScores {
  const { rubric } = competition;
  const diagnostics: Diagnostic[] = [];
  const inline = !competition.hasScoreSheets;

  // Entry ids: an id shared by several entries cannot carry scores (docs/reference/scoring.md step 1).
  const { first: byId, shared } = idIndex(checked);

  const sheet = ScoreSheet.from(inline ? inlineRows(checked) : competition.scores);
  if (!inline) warnIgnoredInline(checked, diagnostics);
  const check: ScoreCheck = {
    competition,
    rubric,
    checked,
    sheet,
    inline,
    C: rubric.criteria.length,
    criterionIndex: new Map(rubric.criteria.map((c, i) => [c.id, i])),
    byId,
    shared,
    take: inline || options.takeSheet === true,
    diagnostics,
  };

  const { valid, judgeNames } = checkRows(check);
  const { judges, judgeRank, entryRank } = canonicalOrder(check, valid, judgeNames);
  const { kept, excluded } = keepRecords(check, valid, judges, judgeRank, judgeNames);
  const { tooFewJudges, judgeCounts } = countJudges(check, kept);
  return checkedScores(
    judges,
    kept,
    excluded,
    sheet,
    rubric.criteria,
    tooFewJudges,
    judgeCounts,
    entryRank,
    inline,
    limitDiagnostics(diagnostics),
  );
}

/**
 * Step 1, row by row, in one pass: each row becomes a record (in the sheet's order) or a
 * diagnostic. Returns the records and the judges' names in the order they were first seen.
 */
function checkRows(check: ScoreCheck): { valid: RecordColumns; judgeNames: string[] } {
  const { competition, rubric, checked, sheet, inline, criterionIndex, byId, shared, diagnostics } = check;
  const vocab = vocabulary(rubric);

  const judgeIds = competition.judges ? new Set(competition.judges.map((j) => j.id)) : null;
  // Step 1, row by row. Ids, criterion names and score texts repeat: the sheet codes each
  // distinct text, and each code is looked up (entry, judge, criterion, number) once. The
  // columns read on every row are locals: the loop's calls (diagnostics) would otherwise make
  // the compiled code load them from their objects again on every row.
  const n = sheet.length;
  const { entryCodes, judgeCodes, criterionCodes, textCodes, strings } = check.take ? sheet.release() : sheet;
  // Taken, the code columns become the records' columns: row i's record is written at `count`,
  // never past i, after row i is read (the rows after it are still to be read, unchanged).
  const valid: RecordColumns = check.take
    ? {
        count: 0,
        entry: entryCodes,
        judge: judgeCodes,
        criterion: criterionCodes,
        value: new Float64Array(n),
        row: textCodes,
      }
    : emptyColumns(n);
  const UNSEEN = -2;
  const UNKNOWN = -1;
  const SHARED = -3;
  /** Per code: the entry index, or UNKNOWN / SHARED. */
  const entryOf = new Int32Array(strings.length).fill(UNSEEN);
  /** Per code: 1 a listed judge, 2 not in the judges file. */
  const judgeState = new Uint8Array(strings.length);
  /** Per code: the judge's slot, given at its first valid record (by name: a joined sheet may give a name two codes). */
  const judgeSlot = new Int32Array(strings.length).fill(-1);
  const slotOfName = new Map<string, number>();
  const criterionOf = new Int32Array(strings.length).fill(UNSEEN);
  /** Per decimal-comma flag and code: 1 a number (in valueOf), 2 not a number. */
  const valueState = [new Uint8Array(strings.length), new Uint8Array(strings.length)] as const;
  const valueOf = [new Float64Array(strings.length), new Float64Array(strings.length)] as const;
  const judgeNames: string[] = [];
  const { placeCodes } = sheet;
  const commaOfPlace = sheet.placeField('decimalComma');
  const fileOfPlace = sheet.placeField('file');
  // A wide row is several scores: an unknown entry or judge is one problem, reported at the
  // row's first score (the row: its file and line; a file number may pass 65,535).
  let lastKind = 0;
  let lastLine = -1;
  let lastFile = -1;
  const firstOfRow = (i: number, kind: 1 | 2): boolean => {
    const line = sheet.line(i);
    const file = fileOfPlace[placeCodes[i]!]!;
    if (kind === lastKind && line === lastLine && file === lastFile) return false;
    [lastKind, lastLine, lastFile] = [kind, line, file];
    return true;
  };
  const at = (i: number, field: string, column?: number) => ({
    file: sheet.file(i),
    line: sheet.line(i),
    column: column || sheet.columnOf(i) || undefined,
    field,
    entry_id: strings[entryCodes[i]!]!, // row i is not yet overwritten (see `valid`)
  });
  const { min, max } = rubric.scale;
  // Built at the first unknown id only: most years have none.
  let entryHints: ((id: string) => string | undefined) | undefined;
  let judgeHints: ((id: string) => string | undefined) | undefined;
  const { entry: validEntry, judge: validJudge, criterion: validCriterion, value: validValue, row: validRow } = valid;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const entryCode = entryCodes[i]!;
    let entry = entryOf[entryCode]!;
    if (entry === UNSEEN) {
      const id = strings[entryCode]!;
      entryOf[entryCode] = entry = shared.has(id) ? SHARED : (byId.get(id) ?? UNKNOWN);
    }
    if (entry === UNKNOWN) {
      if (firstOfRow(i, 1)) {
        const id = strings[entryCode]!;
        pushLimited(
          diagnostics,
          diagnostic(
            'unknown-entry',
            `score for entry ${quoted(id)}, which is not in the entries: ${(entryHints ??= entryHint(competition, checked))(id) ?? 'check the id'}`,
            at(i, 'entry_id', sheet.entryColumnOf(i)),
          ),
        );
      }
      continue;
    }
    if (entry === SHARED) continue; // reported once as duplicate-id on the entries
    const judgeCode = judgeCodes[i]!;
    let listed = judgeState[judgeCode]!;
    if (listed === 0) judgeState[judgeCode] = listed = !judgeIds || inline || judgeIds.has(strings[judgeCode]!) ? 1 : 2;
    if (listed === 2) {
      if (firstOfRow(i, 2)) {
        const id = strings[judgeCode]!;
        const hint = (judgeHints ??= judgeHint(competition))(id);
        pushLimited(
          diagnostics,
          diagnostic(
            'unknown-judge',
            `judge ${quoted(id)} is not in the judges file: ${hint ?? 'add the judge or correct the id'}`,
            at(i, 'judge_id', sheet.judgeColumnOf(i)),
          ),
        );
      }
      continue;
    }
    const criterionCode = criterionCodes[i]!;
    let criterion = criterionOf[criterionCode]!;
    if (criterion === UNSEEN) {
      const id = vocab.criterion(strings[criterionCode]!);
      criterionOf[criterionCode] = criterion = id === undefined ? UNKNOWN : criterionIndex.get(id)!;
    }
    if (criterion === UNKNOWN) {
      pushLimited(
        diagnostics,
        diagnostic(
          'unknown-criterion',
          `${quoted(strings[criterionCode]!)} is not a criterion of the rubric (${vocab.criterionIds.join(', ')})`,
          at(i, 'criterion', sheet.criterionColumnOf(i)),
        ),
      );
      continue;
    }
    const textCode = textCodes[i]!;
    const comma = commaOfPlace[placeCodes[i]!]!;
    const state = valueState[comma as 0 | 1];
    if (state[textCode] === 0) {
      const parsed = parseScore(strings[textCode]!, comma === 1);
      state[textCode] = parsed === undefined ? 2 : 1;
      if (parsed !== undefined) valueOf[comma as 0 | 1][textCode] = parsed;
    }
    if (state[textCode] === 2) {
      const text = strings[textCode]!;
      const criterionId = rubric.criteria[criterion]!.id;
      const hint =
        text === '' ? 'the score is empty: fill it in or delete the row' : describeNumberProblem(text, comma === 1);
      pushLimited(diagnostics, diagnostic('score-not-a-number', `${criterionId}: ${hint}`, at(i, criterionId)));
      continue;
    }
    const value = valueOf[comma as 0 | 1][textCode]!;
    if (value < min || value > max) {
      const criterionId = rubric.criteria[criterion]!.id;
      pushLimited(
        diagnostics,
        diagnostic(
          'score-out-of-range',
          `${criterionId}: ${quoted(strings[textCode]!)} is outside the scale ${min}–${max}`,
          at(i, criterionId),
        ),
      );
      continue;
    }
    let judge = judgeSlot[judgeCode]!;
    if (judge < 0) {
      const name = strings[judgeCode]!;
      judge = slotOfName.get(name) ?? -1;
      if (judge < 0) {
        slotOfName.set(name, (judge = judgeNames.length));
        judgeNames.push(name);
      }
      judgeSlot[judgeCode] = judge;
    }
    validEntry[count] = entry;
    validJudge[count] = judge;
    validCriterion[count] = criterion;
    validValue[count] = value;
    validRow[count] = i;
    count++;
  }
  valid.count = count;
  return { valid, judgeNames };
}

/**
 * Canonical order: judges by id, entries by id, then criterion. The records are put in that
 * order in place; returns the judges by id, each first-seen judge's place among them, and each
 * entry's place among the entries by id.
 */
function canonicalOrder(
  check: ScoreCheck,
  valid: RecordColumns,
  judgeNames: string[],
): { judges: string[]; judgeRank: Int32Array; entryRank: Int32Array } {
  const { checked, C } = check;
  // Canonical order: judges by id, entries by id, then criterion. A counting sort by entry, then
  // a small sort inside each entry's block (a few dozen records).
  const judges = [...judgeNames].sort(compareCodePoints);
  const judgeRank = new Int32Array(judgeNames.length);
  const rankOf = new Map(judges.map((name, i) => [name, i]));
  judgeNames.forEach((name, i) => (judgeRank[i] = rankOf.get(name)!));
  const entryRank = idOrder(checked.map((c) => c.entry.id));
  const blockStart = new Int32Array(checked.length + 1);
  // Sheets sorted by entry id (most exports are) need no scattering: each entry's records
  // already follow the previous entry's.
  let grouped = true;
  for (let i = 0; i < valid.count; i++) {
    const rank = entryRank[valid.entry[i]!]!;
    blockStart[rank + 1]!++;
    if (i > 0 && rank < entryRank[valid.entry[i - 1]!]!) grouped = false;
  }
  for (let r = 0; r < checked.length; r++) blockStart[r + 1]! += blockStart[r]!;
  const keyOf = (i: number) => judgeRank[valid.judge[i]!]! * C + valid.criterion[i]!;
  // A sheet in entry, judge and criterion order (most exports are, a stress year's too) is in
  // canonical order already: nothing is moved, and no order of 5 million places is made.
  let inOrder = grouped;
  for (let i = 1; inOrder && i < valid.count; i++)
    if (valid.entry[i] === valid.entry[i - 1] && keyOf(i - 1) > keyOf(i)) inOrder = false;
  if (!inOrder) {
    const order = new Int32Array(valid.count);
    if (grouped) for (let i = 0; i < valid.count; i++) order[i] = i;
    else {
      const fill = blockStart.slice(0, checked.length);
      for (let i = 0; i < valid.count; i++) order[fill[entryRank[valid.entry[i]!]!]!++] = i;
    }
    // Each place's key, gathered once: the sort below then reads its block's keys side by side,
    // not each record's judge and criterion again at every comparison, scattered over 5 million.
    const keys = new Int32Array(valid.count);
    for (let p = 0; p < valid.count; p++) keys[p] = keyOf(order[p]!);
    // A large block (an entry scored by dozens of judges: 250 records for 50 judges × 5
    // criteria) is sorted natively as numbers key × 2³¹ + row, exact below 2⁵³; insertion sort
    // takes time in the square of a block's size.
    const packable = judgeNames.length * C < PACKED_KEYS;
    let packed: Float64Array | undefined;
    for (let r = 0; r < checked.length; r++) {
      const from = blockStart[r]!;
      const to = blockStart[r + 1]!;
      if (packable && to - from > INSERTION_SORT_MAX) {
        if (packed === undefined || packed.length < to - from) packed = new Float64Array(to - from);
        const block = packed.subarray(0, to - from);
        for (let a = from; a < to; a++) block[a - from] = keys[a]! * ROWS + order[a]!;
        block.sort();
        for (let a = from; a < to; a++) {
          const key = Math.floor(block[a - from]! / ROWS);
          keys[a] = key;
          order[a] = block[a - from]! - key * ROWS;
        }
        continue;
      }
      // insertion sort by (judge, criterion), then row (stable): blocks are small
      for (let a = from + 1; a < to; a++) {
        const item = order[a]!;
        const key = keys[a]!;
        let b = a - 1;
        while (b >= from && (keys[b]! > key || (keys[b] === key && order[b]! > item))) {
          order[b + 1] = order[b]!;
          keys[b + 1] = keys[b]!;
          b--;
        }
        order[b + 1] = item;
        keys[b + 1] = key;
      }
    }
    // The records are put in that order (a stress year's columns are 140 MB: a sorted copy of
    // them all would double them).
    permute(valid, order);
  }
  return { judges, judgeRank, entryRank };
}

/**
 * Repeated records and step 2 in one pass over the records in canonical order: returns the
 * records kept (compacted into `valid`'s columns, judges numbered by id) and those excluded
 * for a conflict of interest.
 */
function keepRecords(
  check: ScoreCheck,
  valid: RecordColumns,
  judges: string[],
  judgeRank: Int32Array,
  judgeNames: string[],
): { kept: RecordColumns; excluded: RecordColumns } {
  const { competition, rubric, checked, sheet, C, byId, shared, diagnostics } = check;
  const keyOf = (i: number) => judgeRank[valid.judge[i]!]! * C + valid.criterion[i]!;
  // Repeated records (same entry, judge, criterion) are an error, and scoring keeps none of
  // the copies. Step 2 in the same pass: records of a judge from the entry's agency are set
  // aside. Records arrive grouped by entry and judge, so each pair is decided once. The kept
  // records are compacted into the same columns: a record is written at or before the place it
  // is read from, after everything at that place has been read.
  const kept: RecordColumns = { ...valid, count: 0 };
  const excludedList: number[][] = [];
  const agencyOf = new Map<string, string>((competition.judges ?? []).map((j: Judge) => [j.id, foldText(j.agency)]));
  const judgeAgency = judges.map((id) => agencyOf.get(id));
  // An entry's agency is folded once, not once per judge (a stress year has a million pairs).
  const entryAgency: (string | undefined)[] = new Array<string | undefined>(checked.length);
  // Declared conflicts (--conflicts), checked against the entries and the judges.
  const declared = checkDeclaredConflicts(competition, byId, shared, judgeNames);
  for (const d of declared.diagnostics) diagnostics.push(d);
  const declaredOf = judges.map((id) => declared.byJudge.get(id));
  let pairEntry = -1;
  let pairJudge = -1;
  let conflict = false;
  /** Where the records of the current entry and judge start, and theirs (firstRowOfPair). */
  let pairStart = 0;
  let startEntry = -1;
  let startJudge = -1;
  for (let a = 0; a < valid.count;) {
    const e = valid.entry[a]!;
    const key = keyOf(a);
    // Read before anything is written at a: the judge as first numbered, not yet by id.
    if (e !== startEntry || valid.judge[a] !== startJudge) {
      pairStart = a;
      startEntry = e;
      startJudge = valid.judge[a]!;
    }
    let b = a + 1;
    while (b < valid.count && valid.entry[b] === e && keyOf(b) === key) b++;
    if (b - a > 1) {
      reportDuplicates(a, b);
      a = b;
      continue;
    }
    const i = a;
    a = b;
    const judge = judgeRank[valid.judge[i]!]!;
    if (e !== pairEntry || judge !== pairJudge) {
      pairEntry = e;
      pairJudge = judge;
      const agency = judgeAgency[judge];
      conflict =
        agency !== undefined && agency !== '' && agency === (entryAgency[e] ??= foldText(checked[e]!.entry.agency));
      if (conflict) {
        const row = firstRowOfPair();
        const entry = checked[e]!.entry;
        pushLimited(
          diagnostics,
          diagnostic(
            'conflict-of-interest',
            `judge ${quoted(judges[judge]!)} belongs to the entry's agency ${quoted(entry.agency)}: their scores for this entry are excluded`,
            {
              file: sheet.file(row),
              line: sheet.line(row),
              column: sheet.judgeColumnOf(row) || undefined,
              field: 'judge_id',
              entry_id: entry.id,
            },
          ),
        );
      }
      const declaration = conflict ? undefined : declaredOf[judge]?.get(e);
      if (declaration !== undefined) {
        conflict = true;
        const row = firstRowOfPair();
        pushLimited(
          diagnostics,
          diagnostic(
            'conflict-of-interest',
            `judge "${judges[judge]}" declared a conflict with this entry (${declaration.reason}; ${declaration.source.file}:${declaration.source.line}): their scores for this entry are excluded`,
            {
              file: sheet.file(row),
              line: sheet.line(row),
              column: sheet.judgeColumnOf(row) || undefined,
              field: 'judge_id',
              entry_id: checked[e]!.entry.id,
            },
          ),
        );
      }
    }
    if (conflict) excludedList.push([e, judge, valid.criterion[i]!, valid.value[i]!, valid.row[i]!]);
    else if (kept.count === i) {
      // Nothing left out before it: the record is in its place, its judge numbered by id now.
      kept.judge[i] = judge;
      kept.count++;
    } else pushRecord(kept, e, judge, valid.criterion[i]!, valid.value[i]!, valid.row[i]!);
  }
  for (const key of ['entry', 'judge', 'criterion', 'value', 'row'] as const)
    (kept as unknown as Record<string, Int32Array | Float64Array>)[key] = kept[key].subarray(0, kept.count);
  const excluded = emptyColumns(excludedList.length);
  for (const [e, judge, criterion, value, row] of excludedList)
    pushRecord(excluded, e!, judge!, criterion!, value!, row!);

  /**
   * The first row in the sheet of the judge's scores for the entry, their records starting at
   * `pairStart` (repeated scores included): where a conflict of interest is reported. The pair's
   * records are next to each other in criterion order, not in the sheet's. Called at the pair's
   * first record that is not repeated, before anything of the pair is written: the records kept
   * are written at or before the pair's start.
   */
  function firstRowOfPair(): number {
    let row = valid.row[pairStart]!;
    for (let k = pairStart + 1; k < valid.count && valid.entry[k] === startEntry && valid.judge[k] === startJudge; k++)
      row = Math.min(row, valid.row[k]!);
    return row;
  }

  function reportDuplicates(a: number, b: number): void {
    const first = a;
    const criterionId = rubric.criteria[valid.criterion[first]!]!.id;
    const place = (k: number) => `${sheet.file(valid.row[k]!)}:${sheet.line(valid.row[k]!)}`;
    for (let k = a; k < b; k++) {
      const row = valid.row[k]!;
      const others = otherPlaces({ self: k - a, count: b - a, place: (o) => place(a + o) });
      pushLimited(
        diagnostics,
        diagnostic(
          'duplicate-score',
          `judge ${quoted(judgeNames[valid.judge[k]!]!)} scored ${criterionId} of this entry more than once (also at ${others}): keep one; none is used until then`,
          {
            file: sheet.file(row),
            line: sheet.line(row),
            column: sheet.columnOf(row) || undefined,
            field: criterionId,
            entry_id: checked[valid.entry[first]!]!.entry.id,
          },
        ),
      );
    }
  }
  return { kept, excluded };
}

/** Step 5's judge count: distinct judges per entry and criterion; entries with too few are reported. */
function countJudges(
  check: ScoreCheck,
  kept: RecordColumns,
): { tooFewJudges: Map<number, string[]>; judgeCounts: number[] } {
  const { rubric, checked, inline, C, criterionIndex, shared, diagnostics } = check;
  const minJudges = inline ? 1 : rubric.minJudges;
  const perCriterion = new Int32Array(checked.length * C);
  const judgeCounts = new Array<number>(checked.length).fill(0);
  for (let i = 0; i < kept.count; i++) {
    const e = kept.entry[i]!;
    perCriterion[e * C + kept.criterion[i]!]!++;
    // records are ordered by judge inside an entry: a new judge starts where the judge changes
    if (i === 0 || kept.entry[i - 1] !== e || kept.judge[i - 1] !== kept.judge[i]) judgeCounts[e]!++;
  }
  const tooFewJudges = new Map<number, string[]>();
  checked.forEach((c, i) => {
    let complete = true;
    for (let k = 0; k < C && complete; k++) complete = perCriterion[i * C + k]! >= minJudges;
    if (complete || c.entry.id === '' || shared.has(c.entry.id)) return;
    const short = rubric.criteria.filter((_, k) => perCriterion[i * C + k]! < minJudges);
    if (short.length === 0) return;
    tooFewJudges.set(
      i,
      short.map((k) => k.id),
    );
    const detail = short.map((k) => `${k.id} ${perCriterion[i * C + criterionIndex.get(k.id)!]}`).join(', ');
    diagnostics.push(
      diagnostic(
        'too-few-judges',
        `needs at least ${minJudges} judge${minJudges === 1 ? '' : 's'} on every criterion, has ${detail}: the entry is not ranked`,
        {
          file: c.entry.source.file,
          line: c.entry.source.line,
          entry_id: c.entry.id,
        },
      ),
    );
  });

  return { tooFewJudges, judgeCounts };
}

/**
 * The result, with its lazily built record objects. A function of its own, so that the methods'
 * closures keep only what they need: closures share their function's scope, and the step-1
 * columns and the sort order (hundreds of megabytes in a stress year) must be freed.
 */
function checkedScores(
  judges: string[],
  kept: RecordColumns,
  excluded: RecordColumns,
  sheet: ScoreSheet,
  criteria: readonly { id: string }[],
  tooFewJudges: Map<number, string[]>,
  judgeCounts: number[],
  entryRank: Int32Array,
  inline: boolean,
  diagnostics: Diagnostic[],
): CheckedScores {
  const objects = (cols: RecordColumns): ScoreRecord[] => {
    const out: ScoreRecord[] = [];
    for (let i = 0; i < cols.count; i++) {
      const row = cols.row[i]!;
      const r: ScoreRecord = {
        entry: cols.entry[i]!,
        judge: judges[cols.judge[i]!]!,
        criterion: criteria[cols.criterion[i]!]!.id,
        value: cols.value[i]!,
        source: { file: sheet.file(row), line: sheet.line(row) },
      };
      if (sheet.columnOf(row)) r.column = sheet.columnOf(row);
      if (sheet.judgeColumnOf(row)) r.judgeColumn = sheet.judgeColumnOf(row);
      out.push(r);
    }
    return out;
  };
  let records: ScoreRecord[] | undefined;
  let conflicts: ScoreRecord[] | undefined;
  return {
    judges,
    kept,
    excluded,
    sheet,
    records: () => (records ??= objects(kept)),
    conflicts: () => (conflicts ??= objects(excluded)),
    tooFewJudges,
    judgeCounts,
    entryRank,
    inline,
    diagnostics,
  };
}

function inlineRows(checked: CheckedEntry[]): ScoreRow[] {
  const rows: ScoreRow[] = [];
  for (const { entry } of checked) {
    for (const [criterion, cell] of entry.inlineScores) {
      if (cell.text === '') continue; // "not scored"
      const row: ScoreRow = {
        entryId: entry.id,
        judgeId: INLINE_JUDGE,
        criterionRaw: criterion,
        text: cell.text,
        decimalComma: entry.decimalComma,
        source: entry.source,
      };
      if (cell.column !== undefined) row.column = cell.column;
      rows.push(row);
    }
  }
  return rows;
}

function warnIgnoredInline(checked: CheckedEntry[], diagnostics: Diagnostic[]): void {
  const files = new Map<string, number>();
  for (const { entry } of checked) {
    if ([...entry.inlineScores.values()].some((s) => s.text !== '') && !files.has(entry.source.file))
      files.set(entry.source.file, entry.source.line);
  }
  for (const [file, line] of files) {
    diagnostics.push(
      diagnostic(
        'inline-scores-ignored',
        'the entries carry criterion columns, but score sheets were given: the inline scores are ignored',
        { file, line },
      ),
    );
  }
}
