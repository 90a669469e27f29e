/**
 * Labels of a rubric's criteria, categories and shortlists, method names and the language of
 * `--lang`/`KIPP_LANG`. The words themselves live in the one catalogue, src/report/shared/words.ts.
 */
import type { Rubric } from '../../model/rubric.js';
import { word, WORDS, type Lang } from './words.js';

export { fill, LANGS, word, WORDS, type Lang, type Word, type Words } from './words.js';

/** "1 place", "2 places" (Indonesian: "1 tempat", "2 tempat"). */
export function placesText(n: number, lang: Lang): string {
  return `${n} ${word(n === 1 ? 'place' : 'places', lang)}`;
}

/** How a rubric aggregates and normalizes, in words (`trimmed mean (1)` keeps the trim count). */
export function methodName(rubric: Pick<Rubric, 'aggregation' | 'trim'>, lang: Lang): string {
  return rubric.aggregation === 'trimmed'
    ? `${WORDS.method_trimmed[lang]} (${rubric.trim})`
    : WORDS[`method_${rubric.aggregation}`][lang];
}

export function normalizationName(method: Rubric['normalization'], lang: Lang): string {
  return WORDS[`normalization_${method}`][lang];
}

export function criterionLabel(rubric: Rubric, id: string, lang: Lang): string {
  const c = rubric.criteria.find((k) => k.id === id);
  return c ? c.label[lang] : id;
}

export function categoryLabel(rubric: Rubric, id: string, lang: Lang): string {
  const c = rubric.categories.find((k) => k.id === id);
  return c ? c.label[lang] : id;
}

export function shortlistLabel(rubric: Rubric, name: string, lang: Lang): string {
  const s = rubric.shortlists.find((k) => k.name === name);
  return s?.label ? s.label[lang] : name;
}

/** The language of `KIPP_LANG`: unset or empty is none; a value kipp cannot speak is undefined. */
export function envLang(raw: string | undefined): Lang | null | undefined {
  if (raw === undefined || raw.trim() === '') return null;
  return parseLang(raw);
}

export function parseLang(raw: string | undefined): Lang | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase();
  if (v === 'en' || v.startsWith('en_') || v.startsWith('en-')) return 'en';
  if (v === 'id' || v.startsWith('id_') || v.startsWith('id-')) return 'id';
  return undefined;
}
