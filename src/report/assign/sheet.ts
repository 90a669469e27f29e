/**
 * What `kipp assign` hands out, as plain data before any format: the assignment list and one
 * wide score sheet per judge. The sheet's header is exactly what the score-sheet loader reads
 * (src/io/load.ts): `entry_id`, `judge_id`, the rubric's criterion ids (wide form), `comment`,
 * plus `title`, `agency` and `category` as context for the judge (known, ignored by scoring).
 * Pure.
 */
import { compareCodePoints } from '../../model/names.js';

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

/** The header of every sheet, in order. */
export function sheetHeader(criterionIds: readonly string[]): string[] {
  return ['entry_id', 'judge_id', ...CONTEXT_COLUMNS, ...criterionIds, 'comment'];
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
    let stem = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.]+/, '_').slice(0, 100);
    if (stem === '' || RESERVED.test(stem.split('.')[0]!)) stem = `judge_${stem}`;
    let candidate = stem;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
