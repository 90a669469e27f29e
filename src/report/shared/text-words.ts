import { word, type Lang, type Word } from './words.js';

export type TextWord = Word;

export function tword(w: Word, lang: Lang, values: Record<string, string | number> = {}): string {
  return word(w, lang, values);
}
