/**
 * The names a rubric gives things, as lookup tables: criterion, category and group values are
 * matched by id, number (categories and groups), labels and aliases, all after normalizeName.
 */
import { normalizeName } from './names.js';
import type { Rubric } from './rubric.js';

export interface Vocabulary {
  criterion: (raw: string) => string | undefined;
  category: (raw: string) => string | undefined;
  group: (raw: string) => string | undefined;
  /** Stage values of a score sheet's `stage` column: name, label, alias or 1-based number. */
  stage: (raw: string) => string | undefined;
  /** Criterion ids in rubric order. */
  criterionIds: string[];
}

function table(
  items: { id: string; label: { id: string; en: string }; aliases: string[] }[],
  numbered: boolean,
): Map<string, string> {
  const map = new Map<string, string>();
  items.forEach((item, i) => {
    // Later names never overwrite earlier ones: an id always means itself.
    const names = [item.id, ...item.aliases, item.label.en, item.label.id];
    for (const name of names) {
      const key = normalizeName(name);
      if (key && !map.has(key)) map.set(key, item.id);
    }
    if (numbered && !map.has(String(i + 1))) map.set(String(i + 1), item.id);
  });
  return map;
}

const cache = new WeakMap<Rubric, Vocabulary>();

export function vocabulary(rubric: Rubric): Vocabulary {
  const cached = cache.get(rubric);
  if (cached) return cached;
  const criteria = table(rubric.criteria, false);
  const categories = table(rubric.categories, true);
  const groups = table(rubric.groups, true);
  const stages = table(
    rubric.stages.map((s) => ({ ...s, id: s.name })),
    true,
  );
  const lookup = (map: Map<string, string>) => {
    // Values repeat (200,000 entries name a few categories): each distinct one is normalized once.
    const seen = new Map<string, string | undefined>();
    return (raw: string) => {
      if (seen.has(raw)) return seen.get(raw);
      const key = normalizeName(raw);
      // `01` and `1` both name the first category.
      const id = map.get(key) ?? (/^\d+$/.test(key) ? map.get(String(Number(key))) : undefined);
      seen.set(raw, id);
      return id;
    };
  };
  const v: Vocabulary = {
    criterion: lookup(criteria),
    category: lookup(categories),
    group: lookup(groups),
    stage: lookup(stages),
    criterionIds: rubric.criteria.map((c) => c.id),
  };
  cache.set(rubric, v);
  return v;
}
