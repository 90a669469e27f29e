import { SECTIONS, word, type Lang } from '../shared/words.js';

export type HtmlWord = keyof typeof SECTIONS.html | 'none' | 'criterion' | 'judge' | 'bias';

export function htmlWord(w: HtmlWord, lang: Lang, values: Record<string, string | number> = {}): string {
  return word(w, lang, values);
}
