/**
 * `kipp assign`: load entries and judges → check what an assignment needs → assign (pure engine,
 * src/assign/policy.ts) → write assignment.csv and one score sheet per judge → summary on
 * stderr. Nothing goes to stdout: the result is the files.
 *
 * Exit codes: 2 for a bad option (including --per-entry above the number of judges) or an
 * output folder that already holds sheets without --force; 1 when the data does not allow an
 * assignment (errors in the entries or judges, or constraints that cannot all be met: the
 * message names the entries or judges). Nothing is written unless everything succeeds.
 */
import { getHeapStatistics } from 'node:v8';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { assignJudges, InfeasibleAssignment, type Assignment } from '../assign/policy.js';
import { compareDiagnostics, hasErrors, KippError, type Diagnostic } from '../model/diagnostic.js';
import type { DeclaredConflict } from '../model/records.js';
import { checkOutput, makeFolders, writeOutput } from '../io/write.js';
import { formatAssignmentCsv, formatSheetCsv, type AssignCsvOptions } from '../report/assign/csv.js';
import { formatSheetXlsx, type SheetForm } from '../report/assign/xlsx.js';
import { assignmentId } from '../io/assignment.js';
import { toolVersion } from '../version.js';
import { criterionHeaders, judgeSheets, type JudgeSheet, type SheetEntry } from '../report/assign/sheet.js';
import type { CsvDelimiter } from '../report/export/csv.js';
import type { Lang } from '../report/shared/labels.js';
import { countLine, diagnosticLines } from '../report/shared/diagnostics.js';
import { summaryLines } from '../report/assign/summary.js';
import { checkEntries, idIndex, REQUIRED_ENTRY_FIELDS } from '../validate/entries.js';
import { checkDeclaredConflicts } from '../validate/conflicts.js';
import { checkJudges } from '../validate/judges.js';
import { referenceDate } from '../scoring/score.js';
import { needsConnectedPanel } from '../model/rubric.js';
import type { CommandContext, CommandResult } from './context.js';
import { inputPaths, loadInputs } from './inputs.js';

/** As src/cli.ts declares and parses them. */
export interface AssignCommandOptions {
  judges: string;
  conflicts?: string;
  perEntry: number;
  outputDir: string;
  seed?: string;
  avoid?: 'region';
  by?: 'category';
  sheetFormat?: SheetFormat;
  rubric?: string;
  force?: boolean;
  /** The delimiter of the CSV files written (as `kipp export --delimiter`). */
  delimiter?: CsvDelimiter;
  lang?: Lang;
}

export const SHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** The folder inside --output-dir that holds the sheets, so that `--scores DIR/sheets` reads them alone. */
export const SHEETS_FOLDER = 'sheets';
export const ASSIGNMENT_FILE = 'assignment.csv';

/** Score-sheet files a folder may hold (what `--scores DIR` would read, and XLSX). */
const SHEET_EXTENSIONS = new Set(['.csv', '.yaml', '.yml', '.json', '.xlsx']);

export async function runAssign(
  entryPaths: string[],
  options: AssignCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  // Options first: a bad option is a usage error before anything is read.
  const { perEntry } = options;
  const sheetFormat = options.sheetFormat ?? 'csv';
  const byCategory = options.by === 'category';
  const avoidRegion = options.avoid === 'region';
  const seed = options.seed ?? '1';
  // As `kipp export`: --lang (default $KIPP_LANG, else en) names the columns, --delimiter is the
  // delimiter written (`;` for Indonesian-locale Excel); assignment.csv is CSV whatever the sheets.
  const lang = options.lang ?? ctx.lang;
  const delimiter: CsvDelimiter = options.delimiter ?? ',';
  const csv: AssignCsvOptions = { delimiter, lang };

  // The folder before the inputs: a refusal costs nothing.
  checkOutputDir(options.outputDir, options.force ?? false);
  const competition = await loadInputs(
    entryPaths,
    {
      judges: options.judges,
      conflicts: options.conflicts,
      ...(options.rubric !== undefined ? { rubric: options.rubric } : {}),
    },
    ctx,
    null, // any error below stops the assignment, an unread file's among them
  );
  const { rubric } = competition;
  const judges = competition.judges ?? [];
  const entryCheck = checkEntries(competition.entries, rubric, referenceDate(rubric, undefined));
  const judgeCheck = checkJudges(judges, rubric);

  // What the assignment needs: records that load, unique ids, the fields conflicts and sheets
  // use, and (with --by category) categories to match. Eligibility is scoring's business
  // (run `kipp validate`): an entry that is too recent still gets judges here.
  const needed = (d: Diagnostic) =>
    (d.code === 'missing-field' && (REQUIRED_ENTRY_FIELDS as readonly string[]).includes(d.field ?? '')) ||
    d.code === 'duplicate-id' ||
    (byCategory && d.code === 'unknown-category');
  const { first: byId, shared } = idIndex(entryCheck.checked);
  const declared = checkDeclaredConflicts(competition, byId, shared, []);
  const found = [
    ...competition.diagnostics,
    ...entryCheck.diagnostics.filter(needed),
    ...judgeCheck.diagnostics.filter(needed),
    ...declared.diagnostics,
  ].sort(compareDiagnostics);
  for (const line of diagnosticLines(found, ctx.stderrColor)) ctx.log(line);
  if (hasErrors(found)) {
    ctx.log(`kipp assign: ${countLine(found)}; nothing written: fix the errors and run again`);
    return { exit: 1 };
  }
  if (competition.entries.length === 0)
    throw new KippError('data', 'the entry files hold no entries: nothing to assign');
  if (perEntry > judges.length) {
    throw new KippError(
      'usage',
      `--per-entry ${perEntry}: the judges file lists ${judges.length} judge${judges.length === 1 ? '' : 's'}; lower --per-entry or add judges`,
    );
  }

  const fits = assignmentFits(competition.entries.length, judges.length, getHeapStatistics().heap_size_limit);
  if (!fits.ok) throw new KippError('data', fits.message);

  let assignment: Assignment;
  try {
    assignment = assignJudges(
      entryCheck.checked.map((c) => ({
        id: c.entry.id,
        agency: c.entry.agency,
        region: c.entry.region,
        category: c.category ?? '',
      })),
      judgeCheck.checked.map((c) => ({
        id: c.judge.id,
        agency: c.judge.agency,
        region: c.judge.region,
        expertise: c.expertise,
      })),
      {
        perEntry,
        seed,
        avoid: avoidRegion ? ['agency', 'region'] : ['agency'],
        byCategory,
        declared: declaredByEntry(competition.conflicts ?? []),
      },
    );
  } catch (err) {
    if (err instanceof InfeasibleAssignment)
      throw new KippError('data', `no assignment meets every rule, nothing written. ${infeasibleMessage(err)}`);
    throw err;
  }

  const sheetEntries = new Map<string, SheetEntry>(
    entryCheck.checked.map((c) => [
      c.entry.id,
      { id: c.entry.id, title: c.entry.title, agency: c.entry.agency, category: c.category ?? c.entry.categoryRaw },
    ]),
  );
  const sheets = judgeSheets(
    assignment.pairs,
    judges.map((j) => j.id),
    sheetEntries,
  );
  const headers = criterionHeaders(rubric, lang);
  // The workbooks carry the id of the assignment.csv written with them (src/io/assignment.ts).
  const assignmentCsv = formatAssignmentCsv(assignment.pairs, csv);
  const names = new Map(judges.map((j) => [j.id, j.name]));
  const form = (sheet: JudgeSheet): SheetForm => ({
    lang,
    scale: rubric.scale,
    assignmentId: assignmentId(assignmentCsv),
    rubricSha256: competition.rubricSource.sha256,
    kippVersion: toolVersion(),
    judgeName: names.get(sheet.judgeId) ?? '',
    fileName: `${sheet.fileStem}.xlsx`,
  });
  const files: { path: string; data: () => Promise<string | Uint8Array> }[] = [
    ...sheets.map((sheet) => ({
      path: join(options.outputDir, SHEETS_FOLDER, `${sheet.fileStem}.${sheetFormat}`),
      data: async () =>
        sheetFormat === 'xlsx' ? formatSheetXlsx(sheet, headers, form(sheet)) : formatSheetCsv(sheet, headers, csv),
    })),
    // Last: an assignment.csv means every sheet before it was written.
    { path: join(options.outputDir, ASSIGNMENT_FILE), data: async () => assignmentCsv },
  ];
  const leftovers = prepareFolder(
    options.outputDir,
    files.map((f) => f.path),
    options.force ?? false,
    inputPaths(competition),
  );
  for (const file of files) writeOutput(file.path, await file.data(), { inputs: inputPaths(competition), force: true });

  for (const line of summaryLines(assignment, {
    entries: competition.entries.length,
    perEntry,
    seed,
    avoidRegion,
    byCategory,
    comparing: needsConnectedPanel(rubric) ? rubric.normalization : null,
    anyExpertise: judgeCheck.checked.some((c) => c.expertise.length > 0),
    declared: (competition.conflicts ?? []).length > 0,
  })) {
    ctx.log(line);
  }
  for (const path of leftovers)
    ctx.log(
      `kipp assign: warning: ${path} is left from an earlier run; delete it before reading the folder back with --scores`,
    );
  ctx.log(
    `kipp assign: wrote ${join(options.outputDir, ASSIGNMENT_FILE)} and ${sheets.length} score sheet${sheets.length === 1 ? '' : 's'} in ${join(options.outputDir, SHEETS_FOLDER)}/`,
  );
  return { exit: 0 };
}

/**
 * Makes the folders, refusing (without --force) a folder that already holds an assignment or
 * sheets: they may be filled in. Returns the sheet files of an earlier run that this run does
 * not replace (with --force), so that the user can be told.
 */
function prepareFolder(dir: string, targets: string[], force: boolean, inputs: string[]): string[] {
  const sheetsDir = join(dir, SHEETS_FOLDER);
  const present = checkOutputDir(dir, force);
  // A folder that does not exist yet holds no input; one that does is checked before writing.
  for (const path of targets) if (existsSync(dirname(path))) checkOutput(path, { inputs, force: true });
  makeFolders(sheetsDir);
  const written = new Set(targets);
  return present.map((name) => join(sheetsDir, name)).filter((path) => !written.has(path));
}

/**
 * Refuses (without --force) a folder that already holds an assignment or sheets, or a file where
 * a folder should be; returns the sheet files it holds. Run before the inputs are read, and
 * again just before writing.
 */
function checkOutputDir(dir: string, force: boolean): string[] {
  const sheetsDir = join(dir, SHEETS_FOLDER);
  for (const folder of [dir, sheetsDir]) {
    if (existsSync(folder) && !statSync(folder).isDirectory())
      throw new KippError('usage', `--output-dir: ${folder} is a file, not a folder`);
  }
  const present = existsSync(sheetsDir)
    ? readdirSync(sheetsDir)
        .filter((name) => SHEET_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('.'))
        .sort()
    : [];
  const assignmentPath = join(dir, ASSIGNMENT_FILE);
  if (!force && (present.length > 0 || existsSync(assignmentPath))) {
    const what = [
      ...(existsSync(assignmentPath) ? [ASSIGNMENT_FILE] : []),
      ...(present.length > 0
        ? [`${present.length} sheet file${present.length === 1 ? '' : 's'} in ${SHEETS_FOLDER}/`]
        : []),
    ];
    throw new KippError(
      'usage',
      `${dir} already holds ${what.join(' and ')} (perhaps already filled in): pass --force to replace them, or choose another --output-dir`,
    );
  }
  return present;
}

function infeasibleMessage(err: InfeasibleAssignment): string {
  // The engine names up to ten; a secretariat fixing the panel needs every one.
  const ids = err.entryIds.length > 10 ? err.entryIds : err.judgeIds.length > 10 ? err.judgeIds : [];
  const all =
    ids.length > 0 ? `\nAll ${ids.length} ${err.entryIds.length > 10 ? 'entries' : 'judges'}: ${ids.join(', ')}` : '';
  return `${err.message}${all}`;
}

/** Entry id → the judges that declared a conflict with it. */
function declaredByEntry(conflicts: readonly DeclaredConflict[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of conflicts) {
    let judges = out.get(c.entryId);
    if (!judges) out.set(c.entryId, (judges = new Set()));
    judges.add(c.judgeId);
  }
  return out;
}

/**
 * The assignment engine holds one edge per entry–judge pair in a flow network (src/assign/policy.ts):
 * about 155–210 bytes a pair measured (20,000 entries × 400 judges: 1.7 GB; 50,000 × 400: 3.1 GB).
 * Past what the process's heap can hold, Node would stop with a fatal out-of-memory error; kipp
 * refuses first, with the numbers and the ways out.
 */
export const BYTES_PER_PAIR = 160;

export function assignmentFits(
  entries: number,
  judges: number,
  heapLimit: number,
): { ok: true } | { ok: false; message: string } {
  const pairs = entries * judges;
  const most = Math.floor((heapLimit * 0.85) / BYTES_PER_PAIR);
  if (pairs <= most) return { ok: true };
  const n = (x: number) => x.toLocaleString('en-US');
  const gb = (heapLimit / 2 ** 30).toFixed(1);
  const needMb = Math.ceil((pairs * BYTES_PER_PAIR) / 0.85 / 2 ** 20 / 1024) * 1024;
  return {
    ok: false,
    message:
      `${n(entries)} entries × ${n(judges)} judges make ${n(pairs)} possible pairs; the assignment holds one per pair ` +
      `and this process's memory (a ${gb} GB heap) holds about ${n(most)}. Nothing written. Assign the entries in ` +
      `parts (one entries file per category, say, each with its own --output-dir), or give Node more memory: ` +
      `NODE_OPTIONS=--max-old-space-size=${needMb} kipp assign …`,
  };
}
