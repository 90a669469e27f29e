/**
 * What `kipp assign` hands out, as plain data before any format: the assignment list and one
 * wide score sheet per judge. The sheet's header is exactly what the score-sheet loader reads
 * (src/io/load.ts): `entry_id`, `judge_id`, the rubric's criterion ids (wide form), `comment`,
 * plus `title`, `agency` and `category` as context for the judge (known, ignored by scoring).
 * Pure.
 */
import { compareCodePoints } from '../../model/names.js';
import type { Rubric } from '../../model/rubric.js';
import { vocabulary } from '../../model/vocabulary.js';
import { canonicalField } from '../../io/header.js';
import type { Lang } from '../shared/labels.js';

export interface SheetEntry {
  id: string;
  title: string;
  agency: string;
  /** The category id when the entry names one, else the value as written. */
  category: string;
}

export interface JudgeSheet {
  judgeId: string;
  /** The file name inside the sheets folder, without extension (safe on every file system). */
  fileStem: string;
  /** The judge's entries, by id in code-point order. */
  entries: SheetEntry[];
}

export const CONTEXT_COLUMNS = ['title', 'agency', 'category'] as const;

/**
 * The sheet's own columns by language: English, the canonical names; Indonesian, aliases the
 * loader reads as the same fields (src/model/names.ts), as on the `kipp init` templates.
 */
const COLUMN_NAMES = {
  entry_id: { en: 'entry_id', id: 'kode_inovasi' },
  judge_id: { en: 'judge_id', id: 'juri' },
  title: { en: 'title', id: 'judul' },
  agency: { en: 'agency', id: 'instansi' },
  category: { en: 'category', id: 'kategori' },
  comment: { en: 'comment', id: 'komentar' },
} as const satisfies Record<string, Record<Lang, string>>;

export function columnName(field: keyof typeof COLUMN_NAMES, lang: Lang): string {
  return COLUMN_NAMES[field][lang];
}

/**
 * Each criterion's column header: its id in English; in Indonesian its first alias, else its
 * Indonesian label, that the score-sheet loader reads back as that criterion and as nothing
 * else (a criterion labelled "Nilai" would read as the `score` field), else its id.
 */
export function criterionHeaders(rubric: Rubric, lang: Lang): string[] {
  const vocab = vocabulary(rubric);
  const readsAs = (header: string) => canonicalField(header, { kind: 'scores', criterion: vocab.criterion }).name;
  return rubric.criteria.map(
    (c) =>
      (lang === 'en' ? undefined : [...c.aliases, c.label.id].find((h) => h.trim() !== '' && readsAs(h) === c.id)) ??
      c.id,
  );
}

/** The header of every sheet, in order, given the criterion headers (criterionHeaders). */
export function sheetHeader(criterionHeaders: readonly string[], lang: Lang = 'en'): string[] {
  const name = (field: keyof typeof COLUMN_NAMES) => columnName(field, lang);
  return [name('entry_id'), name('judge_id'), ...CONTEXT_COLUMNS.map(name), ...criterionHeaders, name('comment')];
}

/**
 * One sheet per judge with a load (judges without entries get none), in the judges file's order.
 */
export function judgeSheets(
  pairs: readonly { entryId: string; judgeId: string }[],
  judgeIds: readonly string[],
  entries: ReadonlyMap<string, SheetEntry>,
): JudgeSheet[] {
  const byJudge = new Map<string, SheetEntry[]>(judgeIds.map((id) => [id, []]));
  for (const { entryId, judgeId } of pairs) byJudge.get(judgeId)?.push(entries.get(entryId)!);
  const withEntries = judgeIds.filter((id) => byJudge.get(id)!.length > 0);
  const stems = fileStems(withEntries);
  return withEntries.map((judgeId, i) => ({
    judgeId,
    fileStem: stems[i]!,
    entries: [...byJudge.get(judgeId)!].sort((a, b) => compareCodePoints(a.id, b.id)),
  }));
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d|assignment)$/i;

/**
 * File names from judge ids: letters, digits, `.`, `_` and `-` kept, anything else `_` (an id
 * such as `../J1` or `Juri 1/A` cannot leave the folder); unique ignoring case (macOS and
 * Windows), with `-2`, `-3` … on a clash; never a Windows device name.
 */
export function fileStems(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let stem = id
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/^[.]+/, '_')
      .slice(0, 100);
    if (stem === '' || RESERVED.test(stem.split('.')[0]!)) stem = `judge_${stem}`;
    let candidate = stem;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
