/**
 * `--category` and `--top`: which entries a report shows. They narrow the view and never change
 * ranks (the ranking is over every entry). Shared by `kipp score` and `kipp verify`.
 */
import { KippError } from '../model/diagnostic.js';
import { withEntries, type ScoreResult } from '../model/result.js';
import { vocabulary } from '../model/vocabulary.js';

export function selectEntries(result: ScoreResult, category: string | undefined, top: number | undefined): ScoreResult {
  let entries = result.entries;
  if (category !== undefined) {
    const id = vocabulary(result.rubric).category(category);
    if (id === undefined) throw new KippError('usage', `--category ${category}: not a category of the rubric (${result.rubric.categories.map((c) => c.id).join(', ')})`);
    entries = entries.filter((e) => e.categoryKnown && e.category === id);
  }
  if (top !== undefined) entries = entries.slice(0, top);
  return withEntries(result, entries);
}
