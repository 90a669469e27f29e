/**
 * The table `kipp export` publishes, before it becomes CSV or XLSX: which entries (a shortlist,
 * or every entry), which columns in which order, and each cell as a typed value. Pure.
 *
 * Columns: rank, category rank, id, title, agency, agency type, region, category (label), group
 * (label), total, one per criterion, judges, passed, reasons, shortlists, the jury's decisions
 * (with --decisions only), then the entry's pass-through fields in the order they first appear.
 */
import { KippError } from '../../model/diagnostic.js';
import { resolveAgencyType, type AgencyType } from '../../model/names.js';
import type { EntryResult, ScoreResult } from '../../model/result.js';
import { fieldNames } from '../../model/row-fields.js';
import type { ShortlistRule } from '../../model/rubric.js';
import { decisionCells } from '../shared/decisions.js';
import { categoryLabel, criterionLabel, shortlistLabel, word, type Lang } from '../shared/labels.js';

/** `date`: a text column of dates (an ISO date becomes a date cell in XLSX; CSV writes the text). */
export type ExportKind = 'text' | 'number' | 'integer' | 'date';
export type ExportCell = string | number | null;

export interface ExportColumn {
  /** Stable key: a canonical field name, or `criterion:<id>`. */
  key: string;
  header: string;
  kind: ExportKind;
}

export interface ExportTable {
  columns: ExportColumn[];
  /** `number` cells hold the 6-decimal values; formats decide how many digits to show. */
  rows: ExportCell[][];
}

/** Headers that read better in a published sheet than the terminal's short forms. */
export const HEADERS = {
  category_rank: { en: 'Category rank', id: 'Peringkat kategori' },
  implemented_since: { en: 'Implemented since', id: 'Tanggal implementasi' },
  summary: { en: 'Summary', id: 'Ringkasan' },
  video_url: { en: 'Video', id: 'Video' },
} as const satisfies Record<string, Record<Lang, string>>;

export const AGENCY_TYPE_LABELS: Record<AgencyType, Record<Lang, string>> = {
  ministry: { en: 'Ministry', id: 'Kementerian' },
  agency: { en: 'Agency', id: 'Lembaga' },
  province: { en: 'Province', id: 'Provinsi' },
  regency: { en: 'Regency', id: 'Kabupaten' },
  city: { en: 'City', id: 'Kota' },
  soe: { en: 'State-owned enterprise', id: 'BUMN' },
  regional_soe: { en: 'Regional enterprise', id: 'BUMD' },
};

/** Pass-through fields that hold dates: their ISO dates are date cells in XLSX. */
const DATE_FIELDS = new Set(['implemented_since']);

/** Fields shown in their own columns (never repeated as pass-through). */
const SHOWN = new Set(['id', 'title', 'agency', 'agency_type', 'region', 'category', 'group']);

/** Finds a shortlist by name or label (case-insensitive), or fails with the names on offer. */
export function findShortlist(result: ScoreResult, raw: string): ShortlistRule {
  const want = raw.trim().toLowerCase();
  const rules = result.rubric.shortlists;
  const found =
    rules.find((s) => s.name.toLowerCase() === want) ??
    rules.find(
      (s) => s.label !== undefined && (s.label.en.toLowerCase() === want || s.label.id.toLowerCase() === want),
    );
  if (found) return found;
  const offer =
    rules.length > 0
      ? `the rubric "${result.rubric.name}" defines ${rules.map((s) => s.name).join(', ')}`
      : `the rubric "${result.rubric.name}" defines no shortlists`;
  throw new KippError('usage', `--shortlist ${raw}: no such shortlist; ${offer}`);
}

/**
 * The entries of one shortlist in rank order (per-category shortlists: category by category, in
 * the rubric's order, each by category rank), or every entry in report order.
 */
export function selectShortlist(result: ScoreResult, rule: ShortlistRule | null): EntryResult[] {
  if (rule === null) return result.entries;
  const taken = result.entries.filter((e) => e.shortlists.includes(rule.name));
  if (!rule.perCategory) return taken;
  return result.rubric.categories.flatMap((c) => taken.filter((e) => e.category === c.id));
}

/** Pass-through fields of these entries, in first-seen order. */
function passThroughFields(result: ScoreResult, entries: readonly EntryResult[]): string[] {
  const criteria = new Set(result.rubric.criteria.map((c) => c.id));
  const seen = new Set<string>();
  // The rows of one CSV file share their list of names: each list is read once, not 200,000 times.
  const lists = new Set<readonly string[]>();
  for (const e of entries) {
    const names = fieldNames(e.entry.fields);
    if (lists.has(names)) continue;
    lists.add(names);
    for (const field of names) if (!SHOWN.has(field) && !criteria.has(field)) seen.add(field);
  }
  return [...seen];
}

function fieldHeader(field: string, lang: Lang): string {
  return field in HEADERS ? HEADERS[field as keyof typeof HEADERS][lang] : field;
}

export function exportColumns(result: ScoreResult, entries: readonly EntryResult[], lang: Lang): ExportColumn[] {
  const text = (key: string, header: string): ExportColumn => ({ key, header, kind: 'text' });
  return [
    { key: 'rank', header: word('rank', lang), kind: 'integer' },
    { key: 'category_rank', header: HEADERS.category_rank[lang], kind: 'integer' },
    text('id', word('id', lang)),
    text('title', word('title', lang)),
    text('agency', word('agency', lang)),
    text('agency_type', word('agency_type', lang)),
    text('region', word('region', lang)),
    text('category', word('category', lang)),
    text('group', word('group', lang)),
    { key: 'total', header: word('total', lang), kind: 'number' },
    // A rubric with stages: each stage's own total and rank, after the final total.
    ...result.rubric.stages.flatMap((st): ExportColumn[] => [
      { key: `stage-total:${st.name}`, header: `${st.label[lang]}: ${word('total', lang)}`, kind: 'number' },
      { key: `stage-rank:${st.name}`, header: `${st.label[lang]}: ${word('rank', lang)}`, kind: 'integer' },
    ]),
    ...result.rubric.criteria.map((c): ExportColumn => ({
      key: `criterion:${c.id}`,
      header: criterionLabel(result.rubric, c.id, lang),
      kind: 'number',
    })),
    { key: 'judges', header: word('judges', lang), kind: 'integer' },
    text('passed', word('passed', lang)),
    text('reasons', word('reasons', lang)),
    text('shortlists', word('shortlists', lang)),
    // Only with --decisions: an export without keeps its columns where scripts expect them. The
    // key has a hyphen, which no field name has (headers are normalized to _): no pass-through clash.
    ...(result.decisions !== undefined ? [text('jury-decisions', word('decisions', lang))] : []),
    ...passThroughFields(result, entries).map((f): ExportColumn => ({
      key: f,
      header: fieldHeader(f, lang),
      kind: DATE_FIELDS.has(f) ? 'date' : 'text',
    })),
  ];
}

function agencyTypeText(raw: string, lang: Lang): string {
  const type = resolveAgencyType(raw);
  return type ? AGENCY_TYPE_LABELS[type][lang] : raw;
}

function groupText(result: ScoreResult, e: EntryResult, lang: Lang): string {
  if (e.group === null) return e.entry.groupRaw;
  const g = result.rubric.groups.find((k) => k.id === e.group);
  return g ? g.label[lang] : e.group;
}

/** Why an entry did not pass, or is not ranked: the stable codes (`total`, criterion ids, diagnostic codes). */
function reasonsText(e: EntryResult, lang: Lang): string {
  if (e.flags.length === 0 && e.reasons.length === 0) return ''; // most entries of a year
  const flags = e.flags.map((f) => word(f, lang));
  return [...flags, ...e.reasons].join(', ');
}

/** Reads one column's cell of an entry. */
type CellReader = (e: EntryResult) => ExportCell;

/** A text made once per distinct key (a category's label, an agency type's): a stress year asks 200,000 times for a handful. */
function remembered(make: (key: string) => string): (key: string) => string {
  const made = new Map<string, string>();
  return (key) => {
    let text = made.get(key);
    if (text === undefined) made.set(key, (text = make(key)));
    return text;
  };
}

/** How to read a column's cell, decided once per column rather than once per cell. */
function cellReader(result: ScoreResult, column: ExportColumn, lang: Lang): CellReader {
  const { key } = column;
  if (key.startsWith('criterion:')) {
    const id = key.slice('criterion:'.length);
    return (e) => e.criteria[id] ?? null;
  }
  if (key.startsWith('stage-total:')) {
    const name = key.slice('stage-total:'.length);
    return (e) => e.stages?.[name]?.total ?? null;
  }
  if (key.startsWith('stage-rank:')) {
    const name = key.slice('stage-rank:'.length);
    return (e) => e.stages?.[name]?.rank ?? null;
  }
  switch (key) {
    case 'rank':
      return (e) => e.rank;
    case 'category_rank':
      return (e) => e.category_rank;
    case 'id':
      return (e) => e.id;
    case 'title':
      return (e) => e.title;
    case 'agency':
      return (e) => e.agency;
    case 'agency_type': {
      const label = remembered((raw) => agencyTypeText(raw, lang));
      return (e) => label(e.entry.agencyTypeRaw);
    }
    case 'region':
      return (e) => e.entry.region;
    case 'category': {
      const label = remembered((id) => categoryLabel(result.rubric, id, lang));
      return (e) => (e.categoryKnown ? label(e.category) : e.category);
    }
    case 'group':
      return (e) => groupText(result, e, lang);
    case 'total':
      return (e) => e.total;
    case 'judges':
      return (e) => e.judges;
    case 'passed': {
      const yes = word('yes', lang);
      const no = word('no', lang);
      return (e) => (e.passed ? yes : no);
    }
    case 'reasons':
      return (e) => reasonsText(e, lang);
    case 'shortlists': {
      const label = remembered((name) => shortlistLabel(result.rubric, name, lang));
      return (e) => (e.shortlists.length === 0 ? '' : e.shortlists.map(label).join(', '));
    }
    case 'jury-decisions': {
      const cells = decisionCells(result, lang);
      return (e) => cells.get(e.id) ?? '';
    }
    default:
      return (e) => e.entry.fields.get(key) ?? '';
  }
}

export function exportTable(
  result: ScoreResult,
  entries: readonly EntryResult[],
  lang: Lang,
  columns = exportColumns(result, entries, lang),
): ExportTable {
  return { columns, rows: [...exportRows(result, entries, lang, columns)] };
}

/** exportTable's rows one at a time, made as they are asked for: a stress year's 200,000 rows are never held together. */
export function* exportRows(
  result: ScoreResult,
  entries: readonly EntryResult[],
  lang: Lang,
  columns: readonly ExportColumn[],
): Generator<ExportCell[]> {
  const readers = columns.map((c) => cellReader(result, c, lang));
  for (const e of entries) yield readers.map((read) => read(e));
}
