/**
 * The catalogue of diagnostic codes as people read it: what each code means and how to fix it.
 * SARIF publishes it as the tool's rules (GitHub code scanning shows `help` next to an alert),
 * and `npm run docs` writes docs/reference/diagnostic-codes.md from it. Typed over every code, so
 * a new code fails the build until it is described here.
 */
import type { DiagnosticCode } from '../../model/diagnostic.js';

export interface RuleText {
  /** One line: what the problem is. */
  summary: string;
  /** How to fix it, in plain words (Markdown allowed: backticks only). */
  fix: string;
  /** Where it points (file, line, column), for docs/reference/diagnostic-codes.md (Markdown). */
  where?: string;
}

export const RULES = {
  'file-not-found': {
    summary: 'An input path does not exist.',
    fix: 'Check the path (and its case) given on the command line, in `--rubric` or in `KIPP_RUBRIC`. A folder must hold at least one `.csv`, `.yaml`, `.yml`, `.json`, `.xlsx` or `.xlsm` file.',
    where:
      'the path as given (exit 2); for a rubric the message says whether it is missing, a directory or unreadable (permission denied)',
  },
  'parse-error': {
    summary:
      'A file cannot be parsed (bad YAML or JSON, broken CSV quoting), or a CSV row does not fit its header; the row is not read.',
    fix: "Open the file at the line shown: close the quote, fix the indentation, or remove the stray character. A YAML/JSON file holds one record (a mapping) or a list of records. A score sheet row needs one cell per header column: a decimal comma in a comma-separated file cuts `8,5` in two, so write `8.5` or save the file with `;` as the delimiter. A row with a value past the header's last named column had a cell cut in two (a text cell at its `,` or `;`): quote that cell, or import the file into the spreadsheet again with only its own separator ticked.",
    where:
      'the line of the YAML/JSON error or broken CSV quote; a CSV row that does not fit its header, at the row and the first cell out of place ([rows that do not fit their header](../guide/real-world-files.md#rows-that-do-not-fit-their-header)), with the entry id of a refused entries row',
  },
  encoding: {
    summary: 'The bytes were not valid UTF-8 and were read as Windows-1252.',
    fix: 'Check accented letters in the file; to be sure, save it again as "CSV UTF-8" (Excel) or UTF-8 (other editors).',
    where:
      'the first line read as Windows-1252; in a UTF-8 file, each line with bytes that are not UTF-8 (quoted); a damaged (`�`) or broken UTF-16/32 line; a NUL byte',
  },
  'missing-field': {
    summary: 'A required field is absent or empty.',
    fix: 'Fill in the field. Entries need `id`, `title`, `agency` and `category` (and `implemented_since` when the rubric has an age rule); score sheets need `entry_id` and `judge_id` and either `criterion` + `score` or one column per criterion.',
    where: "the record's line and the field's column (a missing column: the header line)",
  },
  'unknown-field': {
    summary: 'A column or key the tool does not know; it is kept and passed through to exports.',
    fix: 'Nothing to do if the column is extra information. If it was meant to be a known field, correct its spelling (Indonesian names such as `judul` or `instansi` are accepted).',
    where: 'CSV: the header line and column; YAML/JSON: the first record that has the key',
  },
  'duplicate-id': {
    summary: 'Two entries share an `id`; none of them is ranked.',
    fix: 'Give every entry its own id (ids are compared after trimming spaces).',
    where:
      'every record sharing the id or title (titles compared ignoring case and spaces); each message names one other place (the first, or the second for the first) and how many more, so 200,000 entries sharing a placeholder title give 200,000 short messages, not 200,000 lists',
  },
  'unknown-category': {
    summary: "The category is not one of the rubric's categories.",
    fix: 'Use a category id, its number in the rubric, its label or an alias (`kipp rubric show` lists them).',
    where: "the record and the field's column",
  },
  'invalid-agency-type': {
    summary: 'The agency type is not recognised.',
    fix: 'Use one of `ministry`, `agency`, `province`, `regency`, `city`, `soe`, `regional_soe` (or `kementerian`, `lembaga`, `provinsi`, `kabupaten`, `kota`, `bumn`, `bumd`), or leave it empty.',
    where: "the record and the field's column",
  },
  'invalid-date': {
    summary: '`implemented_since` is not a date.',
    fix: 'Write the date as `YYYY-MM-DD` (or `DD/MM/YYYY`), and check that the day exists.',
    where: "the record and the field's column",
  },
  'implementation-too-recent': {
    summary: 'The innovation was implemented for less than the required number of months before the reference date.',
    fix: "The entry is not eligible this year. If the date is wrong, correct `implemented_since`; the reference date is `--as-of`, else the rubric's `eligibility.reference_date`.",
    where: 'the record, at `implemented_since`',
  },
  'unknown-group': {
    summary: 'The group is not defined by the rubric.',
    fix: "Use a group id, label or alias from the rubric's `groups`, or leave `group` empty when the rubric defines none.",
    where: "the record and the field's column",
  },
  'duplicate-title': {
    summary: 'Two entries share a title (compared ignoring case and spaces).',
    fix: 'A title may be used once: rename one entry or withdraw the repeated submission.',
    where:
      'every record sharing the id or title (titles compared ignoring case and spaces); each message names one other place (the first, or the second for the first) and how many more, so 200,000 entries sharing a placeholder title give 200,000 short messages, not 200,000 lists',
  },
  'too-many-entries': {
    summary: "An agency has more entries than the rubric's `max_entries_per_agency`.",
    fix: 'The secretariat must withdraw the excess entries of that agency.',
    where: "every entry of the agency over the rubric's quota",
  },
  'text-too-long': {
    summary: 'A field has more words than its `max_words` in the rubric.',
    fix: 'Shorten the text to the limit the rubric sets under `fields`.',
    where: 'the record, at the field over its `max_words`',
  },
  'unknown-entry': {
    summary: 'A score names an entry that is not in the entries.',
    fix: 'Correct the `entry_id` in the score sheet, or add the missing entry.',
    where:
      'the score row, at its `entry_id` / `judge_id` cell (once per row in wide sheets); `did you mean "08123"?` when the id matches a known one but for leading zeros; the refused row of the entries file when the entry\'s row did not fit its header (`parse-error`); in a `--conflicts` file: the conflict\'s row, at its `entry_id` / `judge_id` cell',
  },
  'unknown-judge': {
    summary: 'A score names a judge missing from the judges file.',
    fix: 'Add the judge to the judges file, or correct the `judge_id` in the score sheet.',
    where:
      'the score row, at its `entry_id` / `judge_id` cell (once per row in wide sheets); `did you mean "08123"?` when the id matches a known one but for leading zeros; in a `--conflicts` file: the conflict\'s row, at its `entry_id` / `judge_id` cell',
  },
  'unknown-criterion': {
    summary: 'A criterion the rubric does not define.',
    fix: "Use one of the rubric's criterion ids, labels or aliases (`kipp rubric show` lists them).",
    where: 'the long-form row, at its `criterion` cell',
  },
  'score-not-a-number': {
    summary: 'A score cell is not a number.',
    fix: 'Write a plain number such as `8.5` (or `8,5` in a semicolon- or tab-separated file). In long form, an empty score is an error: fill it in or delete the row.',
    where: 'the score cell (a duplicate: every copy)',
  },
  'score-out-of-range': {
    summary: "A score is outside the rubric's scale.",
    fix: 'Correct the score so that it lies within the scale (`scale.min` to `scale.max`, inclusive).',
    where: 'the score cell (a duplicate: every copy)',
  },
  'duplicate-score': {
    summary: 'The same entry, judge and criterion are scored more than once; no copy is used.',
    fix: 'Keep one of the scores and delete the others.',
    where: 'the score cell (a duplicate: every copy)',
  },
  'too-few-judges': {
    summary: 'An entry has fewer than `min_judges` judges on a criterion; it is not ranked.',
    fix: 'Have more judges score the entry, or lower `min_judges` in the rubric.',
    where: "the entry's record",
  },
  'conflict-of-interest': {
    summary: 'A judge scored an entry of their own agency; those scores are excluded.',
    fix: 'Nothing to fix in the data: the scores are set aside. Assign another judge if the entry now has too few.',
    where:
      'the first score row of that judge for that entry in the sheet (whichever criterion it scores), at `judge_id`; a declared conflict (`--conflicts`) says its reason and where it is declared',
  },
  'invalid-rubric': {
    summary: 'The rubric breaks its schema (unknown key, weights not summing to 100, ...).',
    fix: 'Correct the key shown; `kipp rubric check FILE` checks a rubric alone, and `schemas/rubric.schema.json` gives completion in editors.',
    where:
      "the rubric key's line (exit 2); every problem of the rubric at once, the schema's and the cross-field rules'",
  },
  'duplicate-header': {
    summary: 'Two columns of a CSV file mean the same field.',
    fix: 'Rename or delete one of the two columns (for example `judul` and `title` both mean `title`).',
    where:
      "the header line, at the second column that means the same field; YAML/JSON: the record's second key that means the same field (the record is not used)",
  },
  'inline-scores-ignored': {
    summary: 'The entries carry criterion columns, but score sheets were given: the inline scores are ignored.',
    fix: 'Remove the criterion columns from the entries, or leave out `--scores` to use them.',
    where: 'the first entry with criterion columns, when score sheets are given',
  },
  'cutoff-tie': {
    summary: "Entries tie at a shortlist's cut-off, so the shortlist is longer than its size.",
    fix: 'The jury must decide the tie; the tool does not hide it.',
    where:
      'no file (`kipp score`, `kipp export`, `kipp agenda`): the shortlist, its size and how many tied entries it takes; per category or quota minimum when the tie is there',
  },
  'disconnected-panel': {
    summary:
      'The judge–entry graph is disconnected (some groups of judges share no entry) under a normalization that compares judges through shared entries (`zscore`; per stage in a staged rubric).',
    fix: 'z-score normalization compares judges only through the entries they share: assign judges so that every group shares at least one entry with another. With `normalization: none` a split panel changes no figure and is not reported.',
    where:
      "no file: the judges fall into groups that share no entry, and the rubric's normalization compares judges through shared entries (`zscore`), so it cannot compare them; per stage (`stage NAME: …`) with a staged rubric. With `normalization: none` a split panel changes no figure and is not reported, so `--strict` does not fail on it",
  },
  'unknown-stage': {
    summary: 'A score row names a stage the rubric does not define, or contradicts the stage its sheet was given for.',
    fix: "Use a stage name, label, alias or number from the rubric's `stages:` in the `stage` (`tahap`) column, or give the sheet as `--scores NAME=FILE`.",
    where:
      "the score row's file and line, at the CSV's `stage` column; a `--scores NAME=FILE` whose NAME is no stage is a usage error (exit 2) instead",
  },
  'shortlist-over-size': {
    summary:
      "A proportional shortlist's `min_per` quotas took more entries than its size (never a `per_category` shortlist, which takes `size` in every category by design).",
    fix: 'Lower the minimums (region quotas grow with the number of regions in the data) or raise the size.',
    where:
      "no file (`kipp score`): a shortlist's `min_per` region quotas took more places than its size (never a `per_category` shortlist)",
  },
  'empty-file': {
    summary:
      'A file of entries, judges or scores holds no records: it is empty, holds only a byte-order mark or only a header (a score sheet: no score filled in).',
    fix: 'A truncated upload or an unfilled template: export the file again, fill it in, or leave it out of the command. (A header with none of the columns its kind needs is a `missing-field` error at the header instead.)',
    where:
      'the file (entries, judges or a score sheet) that holds no records: empty, BOM-only, header-only, or no score filled in',
  },
  'unsupported-format': {
    summary:
      'A file kipp does not read: a legacy or other workbook (.xls, .xlsb, .ods, .numbers), a PDF or another binary file, recognised by its first bytes, or a file in a named folder whose extension kipp does not read there.',
    fix: 'Save a workbook as .xlsx (Excel: File > Save As > Excel Workbook; LibreOffice: `soffice --headless --convert-to xlsx FILE`; Numbers: File > Export To > Excel) and give the `.xlsx`. A `.tsv` or `.txt` table is read when named on the command line; a file that is not data belongs outside the folder.',
    where:
      'the file kipp does not read: a legacy workbook (.xls, .xlsb, .ods, .numbers), a PDF or other binary file (by its first bytes), or a file or folder in a named folder whose kind kipp does not read there; exit 1',
  },
  'cell-error': {
    summary:
      'A workbook cell holds an error value (`#N/A`, `#DIV/0!`, `#REF!`), or a score shown as a percentage; in a score sheet the row is not read.',
    fix: 'Open the workbook at the sheet and cell shown, fix the formula or type the value, and save it again.',
    where:
      "a workbook's cell holding an error value (`#N/A`, `#DIV/0!`) or a score shown as a percentage: the sheet and cell (line = row, column = column); in a score sheet the row is not read",
  },
  'formula-without-value': {
    summary:
      'A workbook cell holds a formula but no stored result (the workbook was written by a program that does not calculate), or an error value as its result; in a score sheet the row is not read.',
    fix: 'Open and save the workbook in Excel or LibreOffice so that the value is stored, or type the value instead of the formula.',
    where:
      "a workbook's cell holding a formula with no stored result: the sheet and cell; in a score sheet the row is not read",
  },
  'hidden-decimals': {
    summary:
      "A score cell holds a number with more than 6 decimals, or a formula's result with more decimals than its cell shows (8.333333333333334 shown as 8.33): a figure nobody typed. The row is not read.",
    fix: 'Round the value in the sheet (`=ROUND(…;2)`), or type the score the judge gave.',
    where:
      "a score cell holding a number with more than 6 decimals, or a formula's result with more decimals than its cell shows: the sheet and cell; the row is not read",
  },
  'sheet-not-found': {
    summary:
      'A workbook has no sheet by the name given as `FILE.xlsx#Sheet`, no visible sheet, or cannot be opened at all.',
    fix: 'Use a sheet name as its tab shows it (the message lists them); unhide the sheet with the data; or save the workbook again from Excel or LibreOffice.',
    where:
      'the workbook: `FILE.xlsx#Sheet` names no sheet (the message lists the visible ones), no sheet is visible, or the workbook cannot be opened',
  },
  'long-number-id': {
    summary:
      'An id cell of a workbook (`id`, `entry_id`, `judge_id`) holds a number of more than 15 digits: a spreadsheet keeps 15 digits of a number and turns the rest into zeros, so the id read may not be the one typed. The cell is read as it is stored.',
    fix: 'Format the id column as Text, type the ids again (or paste them from the source as text) and save; a CSV file keeps ids as written.',
    where: 'the id cell: the sheet and cell; the row is read',
  },
  'invalid-decision': {
    summary:
      'A decision in the `--decisions` file breaks its schema: an unknown key, no action or several, a missing `by`, `date` or `reason`.',
    fix: 'Give each decision exactly one of resolve_tie, disqualify, withdraw, include, exclude, with by, date (YYYY-MM-DD) and reason (see schemas/decisions.schema.json).',
    where: 'a `--decisions` file that breaks its schema: the line the decision starts on (exit 1)',
  },
  'stale-decision': {
    summary:
      'A decision no longer fits the data: the tie it resolves is gone, an entry is unknown or was not tied, or two decisions act on the same place. No decision is applied until it is fixed.',
    fix: 'Take the decision again on the current ranking (run `kipp agenda`), or correct the entry or shortlist it names.',
    where:
      'a decision that no longer fits the data (the tie is gone, an entry unknown or not tied, two decisions on one place): its line (exit 1; no decision is applied)',
  },
  'missing-sheet': {
    summary:
      'With `--assignment`: a judge who was assigned entries has no score in any score sheet given; their sheet has not come back, or came back empty.',
    fix: "Add the judge's returned sheet (or the folder holding it) to `--scores`; if the judge withdrew, reassign the entries with `kipp assign` and send the new sheets.",
  },
  'unassigned-score': {
    summary:
      'With `--assignment`: a score row for an entry its judge was not assigned (or from a judge the assignment does not name). The assignment kept judges away from their own agency and declared conflicts; a score outside it is not ranked on silently.',
    fix: "Delete the row if it was scored by mistake (a row copied from another judge's sheet, a wrong judge id). If the secretariat reassigned the entry on purpose, add the pair (entry_id, judge_id) to assignment.csv.",
  },
  'other-assignment': {
    summary:
      'With `--assignment`: a workbook kipp assign wrote for another assignment (its hidden `kipp` sheet names another assignment id than the first 16 hex digits of the SHA-256 of assignment.csv). Said once, at assignment.csv, when every workbook names the same other id.',
    fix: 'Ask the judge for the workbook of this assignment, or give the assignment.csv written with the workbooks. After adding a reassignment to assignment.csv by hand the warning is expected: the pairs are still checked one by one.',
  },
} as const satisfies Record<DiagnosticCode, RuleText>;
