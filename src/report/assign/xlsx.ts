/**
 * `kipp assign --sheet-format xlsx`: each judge's sheet as a form, in three worksheets.
 *
 * 1. The score sheet (first, so that it is the sheet a reader takes by default): the same columns
 *    as the CSV sheet, header in row 1. Ids and context columns are text cells (an id such as
 *    08123 keeps its zero; a title starting with "=" stays text), criterion columns are number
 *    columns left empty for the judge. The sheet is protected without a password: only the
 *    criterion cells and the comment cells of the entries' rows can be changed, so that a judge
 *    cannot shift, rename or delete a column by accident; filtering and resizing still work.
 *    Every criterion cell accepts only a decimal between the rubric's scale min and max (Excel
 *    shows the input message when the cell is selected and refuses anything else with the error
 *    message), in the language of `--lang`.
 * 2. The instructions (second, visible): who, how many entries, the scale, decimals, how to
 *    return the file, do not rename columns.
 * 3. `kipp`, very hidden (Excel's Unhide does not list it): key/value rows in columns A and B
 *    that say which assignment the workbook belongs to (src/io/assignment-meta.ts reads them).
 *
 * No title row above the header: the header stays in row 1 as in the CSV sheet, and the
 * instructions sheet carries what a title would say. The bytes come from the shared writer
 * (src/report/shared/xlsx-writer.ts), so the same assignment gives the same file.
 */
import { META_SHEET } from '../../io/assignment-meta.js';
import { fill, type Lang, type Words } from '../shared/labels.js';
import {
  sheetName,
  writeXlsx,
  type NumberValidation,
  type SheetColumn,
  type SheetSpec,
} from '../shared/xlsx-writer.js';
import { sheetHeader, type JudgeSheet } from './sheet.js';

/** What a form says besides the sheet itself. */
export interface SheetForm {
  lang: Lang;
  scale: { min: number; max: number };
  /** The assignment id (src/io/assignment.ts). */
  assignmentId: string;
  rubricSha256: string;
  kippVersion: string;
  /** The judge's name from the judges file ('' when none). */
  judgeName: string;
  /** The workbook's file name, as the judge receives it. */
  fileName: string;
}

export const FORM_WORDS = {
  instructions_sheet: { en: 'Instructions', id: 'Petunjuk' },
  instructions_title: { en: 'How to fill in this score sheet', id: 'Cara mengisi lembar nilai ini' },
  judge: { en: 'Judge: {judge}', id: 'Juri: {judge}' },
  entries: {
    en: 'Entries to score: {n}, one row each on the sheet "{sheet}".',
    id: 'Inovasi yang dinilai: {n}, satu baris per inovasi pada lembar "{sheet}".',
  },
  scale: {
    en: 'Scale: each criterion gets a score from {min} to {max}. Decimals are allowed (for example {example}).',
    id: 'Skala: setiap kriteria diberi nilai {min} sampai {max}. Angka desimal boleh (misalnya {example}).',
  },
  cells: {
    en: 'Type the scores in the criterion columns ({criteria}) and, if you wish, a remark in the column "{comment}". The other cells are locked. A cell left empty is no score.',
    id: 'Isi nilai pada kolom kriteria ({criteria}) dan, bila perlu, catatan pada kolom "{comment}". Sel lain dikunci. Sel yang dibiarkan kosong berarti tidak ada nilai.',
  },
  decimals: {
    en: 'Type the decimal as your Excel expects it (7.5 with English settings, 7,5 with Indonesian settings): the cell must hold a number, and a value Excel keeps as text is refused.',
    id: 'Ketik desimal sesuai pengaturan Excel Anda (7,5 untuk pengaturan Indonesia, 7.5 untuk pengaturan Inggris): sel harus berisi angka, dan nilai yang disimpan Excel sebagai teks ditolak.',
  },
  columns: {
    en: 'Do not rename, move, add or delete columns, rows or sheets: kipp reads the columns by their names and checks every row against the assignment.',
    id: 'Jangan mengganti nama, memindahkan, menambah atau menghapus kolom, baris atau lembar: kipp membaca kolom menurut namanya dan memeriksa setiap baris terhadap penugasan.',
  },
  return: {
    en: 'When you are done: save the file as an Excel workbook (.xlsx), keep its name ({file}), and send it back to the secretariat.',
    id: 'Setelah selesai: simpan sebagai buku kerja Excel (.xlsx) dengan nama yang sama ({file}), lalu kirim kembali ke sekretariat.',
  },
  assignment: {
    en: 'This workbook belongs to assignment {id}; the secretariat checks it with kipp when it comes back.',
    id: 'Buku kerja ini milik penugasan {id}; sekretariat memeriksanya dengan kipp saat berkas dikembalikan.',
  },
  prompt_title: { en: 'Score {min} to {max}', id: 'Nilai {min} sampai {max}' },
  prompt: {
    en: 'Type a number from {min} to {max}; decimals are allowed.',
    id: 'Ketik angka {min} sampai {max}; desimal boleh.',
  },
  error_title: { en: 'Not a valid score', id: 'Nilai tidak sah' },
  error: {
    en: 'The score must be a number from {min} to {max} (decimals allowed, e.g. {example}). Type it again, or press Esc.',
    id: 'Nilai harus berupa angka {min} sampai {max} (desimal boleh, misalnya {example}). Ketik ulang, atau tekan Esc.',
  },
} satisfies Words;

/** A number as a judge reads it in the language's convention (7,5 in Indonesian). */
function shown(value: number, lang: Lang): string {
  return lang === 'id' ? String(value).replace('.', ',') : String(value);
}

/** A decimal inside the scale to show as an example: the middle's whole number and a half. */
function exampleScore(scale: { min: number; max: number }): number {
  const half = Math.floor((scale.min + scale.max) / 2) + 0.5;
  return half <= scale.max ? half : (scale.min + scale.max) / 2;
}

function say(key: keyof typeof FORM_WORDS, lang: Lang, values: Record<string, string | number> = {}): string {
  return fill(FORM_WORDS[key][lang], values);
}

/** One judge's workbook; `criterionHeaders` from criterionHeaders (sheet.ts), in rubric order. */
export async function formatSheetXlsx(
  sheet: JudgeSheet,
  criterionHeaders: readonly string[],
  form: SheetForm,
): Promise<Uint8Array> {
  const { lang, scale } = form;
  const header = sheetHeader(criterionHeaders, lang);
  const numbers = {
    min: shown(scale.min, lang),
    max: shown(scale.max, lang),
    example: shown(exampleScore(scale), lang),
  };
  const validation: NumberValidation = {
    min: scale.min,
    max: scale.max,
    prompt: { title: say('prompt_title', lang, numbers), text: say('prompt', lang, numbers) },
    error: { title: say('error_title', lang), text: say('error', lang, numbers) },
  };
  const text = (i: number, width?: number): SheetColumn => ({
    header: header[i]!,
    kind: 'text',
    ...(width !== undefined ? { width } : {}),
  });
  const context = 5; // entry id, judge id, title, agency, category
  const columns: SheetColumn[] = [
    ...[0, 1, 2, 3, 4].map((i) => text(i)),
    ...criterionHeaders.map((c): SheetColumn => ({
      header: c,
      kind: 'number',
      width: Math.max(10, c.length + 4),
      editable: true,
      validation,
    })),
    { ...text(context + criterionHeaders.length, 40), editable: true },
  ];
  const rows = sheet.entries.map((e) => [
    e.id,
    sheet.judgeId,
    e.title,
    e.agency,
    e.category,
    ...criterionHeaders.map(() => null),
    null,
  ]);
  const scores: SheetSpec = { name: sheet.judgeId, columns, rows, freezeHeader: true, filter: true, protect: true };

  const judge = form.judgeName !== '' ? `${sheet.judgeId} (${form.judgeName})` : sheet.judgeId;
  const lines = [
    say('judge', lang, { judge }),
    say('entries', lang, { n: sheet.entries.length, sheet: sheetName(scores.name, new Set()) }),
    say('scale', lang, numbers),
    say('cells', lang, { criteria: criterionHeaders.join(', '), comment: header[context + criterionHeaders.length]! }),
    say('decimals', lang),
    say('columns', lang),
    say('return', lang, { file: form.fileName }),
    say('assignment', lang, { id: form.assignmentId }),
  ];
  const instructions: SheetSpec = {
    name: say('instructions_sheet', lang),
    columns: [{ header: say('instructions_title', lang), kind: 'text', width: 120 }],
    rows: lines.map((line) => [line]),
    freezeHeader: false,
    filter: false,
    protect: true,
  };
  const meta: SheetSpec = {
    name: META_SHEET,
    columns: [
      { header: 'key', kind: 'text' },
      { header: 'value', kind: 'text' },
    ],
    rows: [
      ['kipp_assignment', form.assignmentId],
      ['judge_id', sheet.judgeId],
      ['kipp_version', form.kippVersion],
      ['rubric_sha256', form.rubricSha256],
    ],
    freezeHeader: false,
    filter: false,
    protect: true,
    state: 'veryHidden',
  };
  return writeXlsx([scores, instructions, meta]);
}
