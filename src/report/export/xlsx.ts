/**
 * `kipp export … --output F.xlsx`: the export table as a workbook — one data sheet (or one per
 * shortlist or per category on request), then a summary sheet saying how the figures were made:
 * tool version, rubric name, version, sha256, scale and weights, thresholds, shortlists, the
 * reference date and every input file's sha256.
 *
 * Cells are typed (text as text, figures as numbers shown with two decimals, ranks as whole
 * numbers), so no formula guard is needed and titles keep their exact text.
 */
import type { EntryResult, ScoreResult } from '../../model/result.js';
import type { ShortlistRule } from '../../model/rubric.js';
import { exportColumns, exportTable, selectShortlist } from './table.js';
import { decisionLine } from '../shared/decisions.js';
import { categoryLabel, criterionLabel, shortlistLabel, word, type Lang } from '../shared/labels.js';
import { writeXlsx, type SheetSpec } from '../shared/xlsx-writer.js';
import { pushAll } from '../../model/arrays.js';

export type SheetsBy = 'single' | 'shortlist' | 'category';

export interface ExportXlsxOptions {
  lang: Lang;
  /** The shortlist named with --shortlist, or null for every entry. */
  shortlist: ShortlistRule | null;
  sheets: SheetsBy;
  version: string;
  /** SOURCE_DATE_EPOCH as an ISO time; absent: the workbook carries a fixed 1980 date. */
  generated?: string;
}

export const WORDS = {
  all: { en: 'All entries', id: 'Semua proposal' },
  summary: { en: 'Summary', id: 'Ringkasan' },
  other: { en: 'Other', id: 'Lainnya' },
  section: { en: 'Section', id: 'Bagian' },
  item: { en: 'Item', id: 'Butir' },
  value: { en: 'Value', id: 'Nilai' },
  details: { en: 'Details', id: 'Keterangan' },
  tool: { en: 'tool', id: 'perangkat' },
  version: { en: 'version', id: 'versi' },
  name: { en: 'name', id: 'nama' },
  scale: { en: 'scale', id: 'skala' },
  aggregation: { en: 'aggregation', id: 'agregasi' },
  normalization: { en: 'normalization', id: 'normalisasi' },
  min_judges: { en: 'minimum judges', id: 'minimal juri' },
  weight: { en: 'weight', id: 'bobot' },
  threshold: { en: 'threshold', id: 'ambang' },
  tie_break: { en: 'tie-break', id: 'penentu seri' },
  shortlist: { en: 'shortlist', id: 'daftar pendek' },
  size: { en: 'size', id: 'kuota' },
  taken: { en: 'taken', id: 'terpilih' },
  input: { en: 'input', id: 'berkas masukan' },
  exported: { en: 'exported', id: 'diekspor' },
  generated: { en: 'generated', id: 'dibuat' },
  decision: { en: 'jury decision', id: 'keputusan juri' },
  action: { en: 'action', id: 'tindakan' },
  entries: { en: 'entries', id: 'proposal' },
  left_out: { en: 'left out', id: 'tidak diambil' },
  by: { en: 'by', id: 'oleh' },
  date: { en: 'date', id: 'tanggal' },
  reason: { en: 'reason', id: 'alasan' },
  written: { en: 'written at', id: 'tertulis di' },
} as const satisfies Record<string, Record<Lang, string>>;

function w(key: keyof typeof WORDS, lang: Lang): string {
  return WORDS[key][lang];
}

/** Shortens a long label at a word boundary to fit Excel's 31-character sheet names. */
export function shortSheetName(label: string): string {
  if (label.length <= 31) return label;
  const cut = label.slice(0, 30);
  const space = cut.lastIndexOf(' ');
  return `${(space > 10 ? cut.slice(0, space) : cut).replace(/[\s,;.:-]+$/, '')}…`;
}

function dataSheet(result: ScoreResult, name: string, entries: EntryResult[], lang: Lang): SheetSpec {
  const table = exportTable(result, entries, lang, exportColumns(result, entries, lang));
  return {
    name: shortSheetName(name),
    columns: table.columns.map((c) => ({ header: c.header, kind: c.kind })),
    rows: table.rows,
  };
}

function dataSheets(result: ScoreResult, options: ExportXlsxOptions): SheetSpec[] {
  const { lang, shortlist } = options;
  const rubric = result.rubric;
  const selected = selectShortlist(result, shortlist);
  if (options.sheets === 'shortlist') {
    const rules = shortlist !== null ? [shortlist] : rubric.shortlists;
    return rules.map((rule) =>
      dataSheet(result, shortlistLabel(rubric, rule.name, lang), selectShortlist(result, rule), lang),
    );
  }
  if (options.sheets === 'category') {
    const sheets = rubric.categories
      .map((c) => ({
        name: categoryLabel(rubric, c.id, lang),
        entries: selected.filter((e) => e.categoryKnown && e.category === c.id),
      }))
      .filter((s) => s.entries.length > 0);
    const other = selected.filter((e) => !e.categoryKnown);
    if (other.length > 0) sheets.push({ name: w('other', lang), entries: other });
    return sheets.map((s) => dataSheet(result, s.name, s.entries, lang));
  }
  const name = shortlist !== null ? shortlistLabel(rubric, shortlist.name, lang) : w('all', lang);
  return [dataSheet(result, name, selected, lang)];
}

/** Section, item, the value (a number, a text, or an ISO date written as a date), details. */
type SummaryRow = [string, string, number | string | null, string];

/** The summary: one row per fact, its value in the Value column, so it filters and reads top to bottom. */
export function summaryRows(result: ScoreResult, options: ExportXlsxOptions): SummaryRow[] {
  const { lang, shortlist } = options;
  const rubric = result.rubric;
  const rows: SummaryRow[] = [];
  const section = w('tool', lang);
  rows.push([section, 'kipp', options.version, '']);
  if (options.generated !== undefined) rows.push([section, w('generated', lang), options.generated, '']);
  const rub = word('rubric', lang);
  rows.push([rub, w('name', lang), rubric.name, '']);
  if (rubric.version !== null) rows.push([rub, w('version', lang), rubric.version, '']);
  rows.push([rub, 'sha256', result.rubricSource.sha256, '']);
  rows.push([rub, w('scale', lang), `${rubric.scale.min}–${rubric.scale.max}`, '']);
  rows.push([rub, w('normalization', lang), rubric.normalization, '']);
  rows.push([
    rub,
    w('aggregation', lang),
    rubric.aggregation,
    rubric.aggregation === 'trimmed' ? `trimmed (${rubric.trim})` : '',
  ]);
  rows.push([rub, w('min_judges', lang), rubric.minJudges, '']);
  for (const c of rubric.criteria) rows.push([w('weight', lang), criterionLabel(rubric, c.id, lang), c.weight, c.id]);
  for (const [category, weights] of Object.entries(rubric.categoryWeights)) {
    for (const c of rubric.criteria) {
      const weight = weights[c.id];
      if (weight !== undefined)
        rows.push([
          `${w('weight', lang)}: ${categoryLabel(rubric, category, lang)}`,
          criterionLabel(rubric, c.id, lang),
          weight,
          c.id,
        ]);
    }
  }
  if (rubric.thresholds.total !== undefined)
    rows.push([w('threshold', lang), word('total', lang), rubric.thresholds.total, 'total']);
  for (const [id, value] of Object.entries(rubric.thresholds.criteria))
    rows.push([w('threshold', lang), criterionLabel(rubric, id, lang), value, id]);
  if (rubric.tieBreak.length > 0)
    rows.push([
      rub,
      w('tie_break', lang),
      rubric.tieBreak.map((id) => criterionLabel(rubric, id, lang)).join(', '),
      rubric.tieBreak.join(', '),
    ]);
  for (const s of result.shortlists) {
    const cutoff = s.cutoff_tie ? `; ${word('cutoff_tie', lang)}` : '';
    // The value is how many the shortlist took; its size and a tie at the cut in the details.
    rows.push([
      w('shortlist', lang),
      shortlistLabel(rubric, s.name, lang),
      s.taken,
      `${s.name}; ${w('size', lang)} ${s.size}, ${w('taken', lang)} ${s.taken}${cutoff}`,
    ]);
  }
  const exported = selectShortlist(result, shortlist).length;
  rows.push([
    w('exported', lang),
    shortlist !== null ? shortlistLabel(rubric, shortlist.name, lang) : w('all', lang),
    exported,
    `${exported} / ${result.entries.length} ${word('entries', lang)}`,
  ]);
  rows.push([w('exported', lang), word('as_of', lang), result.asOf, '']);
  pushAll(rows, decisionRows(result, lang));
  for (const input of result.inputs)
    rows.push([`${w('input', lang)}: ${input.kind}`, input.path, input.sha256, 'sha256']);
  return rows;
}

/**
 * One block per applied decision (--decisions), one fact a row like the rest of the summary:
 * its action, entries (and the tied ones left out), shortlist, who, when (a date cell), why, and
 * the file and line it is written at. By and reason are text someone typed: typed cells (never a
 * formula), like every text here.
 */
function decisionRows(result: ScoreResult, lang: Lang): SummaryRow[] {
  return (result.decisions ?? []).flatMap((d, k): SummaryRow[] => {
    const section = `${w('decision', lang)} ${k + 1}`;
    const { what } = decisionLine(result, d, lang);
    const rows: SummaryRow[] = [
      [section, w('action', lang), what, d.action],
      [section, w('entries', lang), d.entries.join(', '), ''],
    ];
    if (d.left_out !== undefined) rows.push([section, w('left_out', lang), d.left_out.join(', '), '']);
    if (d.shortlist !== undefined)
      rows.push([
        section,
        w('shortlist', lang),
        shortlistLabel(result.rubric, d.shortlist, lang),
        d.category !== undefined ? `${d.shortlist}; ${d.category}` : d.shortlist,
      ]);
    rows.push(
      [section, w('by', lang), d.by, ''],
      [section, w('date', lang), d.date, ''],
      [section, w('reason', lang), d.reason, ''],
      [section, w('written', lang), `${d.file}:${d.line}`, ''],
    );
    return rows;
  });
}

function summarySheet(result: ScoreResult, options: ExportXlsxOptions): SheetSpec {
  const { lang } = options;
  return {
    name: w('summary', lang),
    columns: [
      { header: w('section', lang), kind: 'text' },
      { header: w('item', lang), kind: 'text' },
      { header: w('value', lang), kind: 'value' },
      { header: w('details', lang), kind: 'text' },
    ],
    rows: summaryRows(result, options),
  };
}

export async function formatExportXlsx(result: ScoreResult, options: ExportXlsxOptions): Promise<Uint8Array> {
  const sheets = [...dataSheets(result, options), summarySheet(result, options)];
  return writeXlsx(sheets, {
    creator: `kipp ${options.version}`,
    ...(options.generated !== undefined ? { date: new Date(options.generated) } : {}),
  });
}
