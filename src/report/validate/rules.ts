/**
 * The catalogue of diagnostic codes as people read it: what each code means and how to fix it.
 * SARIF publishes it as the tool's rules (GitHub code scanning shows `help` next to an alert);
 * the README's table of codes says the same. Typed over every code, so a new code fails the
 * build until it is described here.
 */
import type { DiagnosticCode } from '../../model/diagnostic.js';

export interface RuleText {
  /** One line: what the problem is. */
  summary: string;
  /** How to fix it, in plain words (Markdown allowed: backticks only). */
  fix: string;
}

export const RULES = {
  'file-not-found': {
    summary: 'An input path does not exist.',
    fix: 'Check the path (and its case) given on the command line, in `--rubric` or in `KIPP_RUBRIC`. A folder must hold at least one `.csv`, `.yaml`, `.yml`, `.json`, `.xlsx` or `.xlsm` file.',
  },
  'parse-error': {
    summary: 'A file cannot be parsed (bad YAML or JSON, broken CSV quoting), or a CSV row does not fit its header; the row is not read.',
    fix: 'Open the file at the line shown: close the quote, fix the indentation, or remove the stray character. A YAML/JSON file holds one record (a mapping) or a list of records. A score sheet row needs one cell per header column: a decimal comma in a comma-separated file cuts `8,5` in two, so write `8.5` or save the file with `;` as the delimiter.',
  },
  encoding: {
    summary: 'The bytes were not valid UTF-8 and were read as Windows-1252.',
    fix: 'Check accented letters in the file; to be sure, save it again as "CSV UTF-8" (Excel) or UTF-8 (other editors).',
  },
  'missing-field': {
    summary: 'A required field is absent or empty.',
    fix: 'Fill in the field. Entries need `id`, `title`, `agency` and `category` (and `implemented_since` when the rubric has an age rule); score sheets need `entry_id` and `judge_id` and either `criterion` + `score` or one column per criterion.',
  },
  'unknown-field': {
    summary: 'A column or key the tool does not know; it is kept and passed through to exports.',
    fix: 'Nothing to do if the column is extra information. If it was meant to be a known field, correct its spelling (Indonesian names such as `judul` or `instansi` are accepted).',
  },
  'duplicate-id': {
    summary: 'Two entries share an `id`; none of them is ranked.',
    fix: 'Give every entry its own id (ids are compared after trimming spaces).',
  },
  'unknown-category': {
    summary: 'The category is not one of the rubric\'s categories.',
    fix: 'Use a category id, its number in the rubric, its label or an alias (`kipp rubric show` lists them).',
  },
  'invalid-agency-type': {
    summary: 'The agency type is not recognised.',
    fix: 'Use one of `ministry`, `agency`, `province`, `regency`, `city`, `soe`, `regional_soe` (or `kementerian`, `lembaga`, `provinsi`, `kabupaten`, `kota`, `bumn`, `bumd`), or leave it empty.',
  },
  'invalid-date': {
    summary: '`implemented_since` is not a date.',
    fix: 'Write the date as `YYYY-MM-DD` (or `DD/MM/YYYY`), and check that the day exists.',
  },
  'implementation-too-recent': {
    summary: 'The innovation was implemented for less than the required number of months before the reference date.',
    fix: 'The entry is not eligible this year. If the date is wrong, correct `implemented_since`; the reference date is `--as-of`, else the rubric\'s `eligibility.reference_date`.',
  },
  'unknown-group': {
    summary: 'The group is not defined by the rubric.',
    fix: 'Use a group id, label or alias from the rubric\'s `groups`, or leave `group` empty when the rubric defines none.',
  },
  'duplicate-title': {
    summary: 'Two entries share a title (compared ignoring case and spaces).',
    fix: 'A title may be used once: rename one entry or withdraw the repeated submission.',
  },
  'too-many-entries': {
    summary: 'An agency has more entries than the rubric\'s `max_entries_per_agency`.',
    fix: 'The secretariat must withdraw the excess entries of that agency.',
  },
  'text-too-long': {
    summary: 'A field has more words than its `max_words` in the rubric.',
    fix: 'Shorten the text to the limit the rubric sets under `fields`.',
  },
  'unknown-entry': {
    summary: 'A score names an entry that is not in the entries.',
    fix: 'Correct the `entry_id` in the score sheet, or add the missing entry.',
  },
  'unknown-judge': {
    summary: 'A score names a judge missing from the judges file.',
    fix: 'Add the judge to the judges file, or correct the `judge_id` in the score sheet.',
  },
  'unknown-criterion': {
    summary: 'A criterion the rubric does not define.',
    fix: 'Use one of the rubric\'s criterion ids, labels or aliases (`kipp rubric show` lists them).',
  },
  'score-not-a-number': {
    summary: 'A score cell is not a number.',
    fix: 'Write a plain number such as `8.5` (or `8,5` in a semicolon- or tab-separated file). In long form, an empty score is an error: fill it in or delete the row.',
  },
  'score-out-of-range': {
    summary: 'A score is outside the rubric\'s scale.',
    fix: 'Correct the score so that it lies within the scale (`scale.min` to `scale.max`, inclusive).',
  },
  'duplicate-score': {
    summary: 'The same entry, judge and criterion are scored more than once; no copy is used.',
    fix: 'Keep one of the scores and delete the others.',
  },
  'too-few-judges': {
    summary: 'An entry has fewer than `min_judges` judges on a criterion; it is not ranked.',
    fix: 'Have more judges score the entry, or lower `min_judges` in the rubric.',
  },
  'conflict-of-interest': {
    summary: 'A judge scored an entry of their own agency; those scores are excluded.',
    fix: 'Nothing to fix in the data: the scores are set aside. Assign another judge if the entry now has too few.',
  },
  'invalid-rubric': {
    summary: 'The rubric breaks its schema (unknown key, weights not summing to 100, ...).',
    fix: 'Correct the key shown; `kipp rubric check FILE` checks a rubric alone, and `schemas/rubric.schema.json` gives completion in editors.',
  },
  'duplicate-header': {
    summary: 'Two columns of a CSV file mean the same field.',
    fix: 'Rename or delete one of the two columns (for example `judul` and `title` both mean `title`).',
  },
  'inline-scores-ignored': {
    summary: 'The entries carry criterion columns, but score sheets were given: the inline scores are ignored.',
    fix: 'Remove the criterion columns from the entries, or leave out `--scores` to use them.',
  },
  'cutoff-tie': {
    summary: 'Entries tie at a shortlist\'s cut-off, so the shortlist is longer than its size.',
    fix: 'The jury must decide the tie; the tool does not hide it.',
  },
  'disconnected-panel': {
    summary: 'The judge–entry graph is disconnected (some groups of judges share no entry) under a normalization that compares judges through shared entries (`zscore`; per stage in a staged rubric).',
    fix: 'z-score normalization compares judges only through the entries they share: assign judges so that every group shares at least one entry with another. With `normalization: none` a split panel changes no figure and is not reported.',
  },
  'unknown-stage': {
    summary: 'A score row names a stage the rubric does not define, or contradicts the stage its sheet was given for.',
    fix: 'Use a stage name, label, alias or number from the rubric\'s `stages:` in the `stage` (`tahap`) column, or give the sheet as `--scores NAME=FILE`.',
  },
  'shortlist-over-size': {
    summary: 'A proportional shortlist\'s `min_per` quotas took more entries than its size (never a `per_category` shortlist, which takes `size` in every category by design).',
    fix: 'Lower the minimums (region quotas grow with the number of regions in the data) or raise the size.',
  },
  'empty-file': {
    summary: 'A file of entries, judges or scores holds no records: it is empty, holds only a byte-order mark or only a header (a score sheet: no score filled in).',
    fix: 'A truncated upload or an unfilled template: export the file again, fill it in, or leave it out of the command. (A header with none of the columns its kind needs is a `missing-field` error at the header instead.)',
  },
  'unsupported-format': {
    summary: 'A file kipp does not read: a legacy or other workbook (.xls, .xlsb, .ods, .numbers), a PDF or another binary file, recognised by its first bytes, or a file in a named folder whose extension kipp does not read there.',
    fix: 'Save a workbook as .xlsx (Excel: File > Save As > Excel Workbook; LibreOffice: `soffice --headless --convert-to xlsx FILE`; Numbers: File > Export To > Excel) and give the `.xlsx`. A `.tsv` or `.txt` table is read when named on the command line; a file that is not data belongs outside the folder.',
  },
  'cell-error': {
    summary: 'A workbook cell holds an error value (`#N/A`, `#DIV/0!`, `#REF!`), or a score shown as a percentage; in a score sheet the row is not read.',
    fix: 'Open the workbook at the sheet and cell shown, fix the formula or type the value, and save it again.',
  },
  'formula-without-value': {
    summary: 'A workbook cell holds a formula but no stored result (the workbook was written by a program that does not calculate), or an error value as its result; in a score sheet the row is not read.',
    fix: 'Open and save the workbook in Excel or LibreOffice so that the value is stored, or type the value instead of the formula.',
  },
  'hidden-decimals': {
    summary: 'A score cell holds a number with more than 6 decimals, or a formula\'s result with more decimals than its cell shows (8.333333333333334 shown as 8.33): a figure nobody typed. The row is not read.',
    fix: 'Round the value in the sheet (`=ROUND(…;2)`), or type the score the judge gave.',
  },
  'sheet-not-found': {
    summary: 'A workbook has no sheet by the name given as `FILE.xlsx#Sheet`, no visible sheet, or cannot be opened at all.',
    fix: 'Use a sheet name as its tab shows it (the message lists them); unhide the sheet with the data; or save the workbook again from Excel or LibreOffice.',
  },
  'invalid-decision': {
    summary: 'A decision in the `--decisions` file breaks its schema: an unknown key, no action or several, a missing `by`, `date` or `reason`.',
    fix: 'Give each decision exactly one of resolve_tie, disqualify, withdraw, include, exclude, with by, date (YYYY-MM-DD) and reason (see schemas/decisions.schema.json).',
  },
  'stale-decision': {
    summary: 'A decision no longer fits the data: the tie it resolves is gone, an entry is unknown or was not tied, or two decisions act on the same place. No decision is applied until it is fixed.',
    fix: 'Take the decision again on the current ranking (run `kipp agenda`), or correct the entry or shortlist it names.',
  },
} as const satisfies Record<DiagnosticCode, RuleText>;
