/**
 * A judge's `expertise` field (keahlian): the categories the judge knows best, used by
 * `kipp assign --by category`. Written as a list in YAML/JSON, or in one CSV cell separated by
 * `;`, `|`, newlines or commas. Each item names a category as entries do (id, 1-based number,
 * label or alias). Category labels may themselves hold commas ("Transparansi, akuntabilitas dan
 * integritas"), so a piece between `;`/`|`/newlines is first tried whole, and only split on its
 * commas when it names no category as a whole.
 */
import type { Vocabulary } from './vocabulary.js';

export interface Expertise {
  /** Category ids, each once, in the order written. */
  categories: string[];
  /** Items that name no category of the rubric, as written. */
  unknown: string[];
}

/** The items of an expertise cell, before resolving: a JSON list (from YAML/JSON) or a separated text. */
export function expertiseItems(raw: string): string[] {
  const text = raw.trim();
  if (text === '') return [];
  if (text.startsWith('[')) {
    // The loader keeps a YAML/JSON list as its JSON text.
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list)) return list.map((item) => String(item ?? '').trim()).filter((item) => item !== '');
    } catch {
      // not a list after all: read it as text
    }
  }
  return text
    .split(/[;|\r\n]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

export function resolveExpertise(raw: string, vocab: Pick<Vocabulary, 'category'>): Expertise {
  const categories: string[] = [];
  const unknown: string[] = [];
  const add = (id: string) => {
    if (!categories.includes(id)) categories.push(id);
  };
  for (const piece of expertiseItems(raw)) {
    const whole = vocab.category(piece);
    if (whole !== undefined) {
      add(whole);
      continue;
    }
    for (const item of piece
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')) {
      const id = vocab.category(item);
      if (id !== undefined) add(id);
      else unknown.push(item);
    }
  }
  return { categories, unknown };
}
