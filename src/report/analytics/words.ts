import { word, type Lang, type Word } from '../shared/words.js';

export type AnalyticsWord = Word;

export function aword(w: Word, lang: Lang): string {
  return word(w, lang);
}
