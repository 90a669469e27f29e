/**
 * The rubric (competition profile) in the resolved form the rest of the tool uses, with the defaults of docs/reference/rubric.md applied, and the cross-field checks. The file's zod schema is in rubric-file.ts:
 * this module stays free of zod, so that scoring with a known rubric never loads it (start-up).
 */
import type { RubricFile } from './rubric-file.js';
import { AGENCY_TYPES, DEFAULT_CRITERION_ALIASES, normalizeName } from './names.js';
import { pushAll } from './arrays.js';

/** Fields a proportional shortlist (`min_per`) may name. */
export const MIN_PER_FIELDS = ['category', 'group', 'agency_type', 'region'] as const;
export type MinPerField = (typeof MIN_PER_FIELDS)[number];

/**
 * The normalization methods (docs/reference/scoring.md step 3) and what each needs of the panel, in one place: the
 * schema takes its allowed values from here, and the `disconnected-panel` rule asks
 * `needsConnectedPanel` instead of naming a method. zscore maps each judge onto the criterion's
 * overall mean and spread, which compares judges only through the entries they share; `none`
 * compares nothing.
 */
export const NORMALIZATION_METHODS = {
  none: { needsConnectedPanel: false },
  zscore: { needsConnectedPanel: true },
  // Fitted per connected piece: between pieces it behaves like `none` (docs/guide/scoring.md, "Choosing a normalization").
  severity: { needsConnectedPanel: true },
} as const satisfies Record<string, { needsConnectedPanel: boolean }>;
export type NormalizationMethod = keyof typeof NORMALIZATION_METHODS;

/** Whether a rubric's normalization compares judges through shared entries (a split panel then misleads). */
export function needsConnectedPanel(r: Pick<Rubric, 'normalization'>): boolean {
  return NORMALIZATION_METHODS[r.normalization].needsConnectedPanel;
}
export type { RubricFile };

const AGENCY_TYPE_IDS = Object.keys(AGENCY_TYPES);

export interface Label {
  id: string;
  en: string;
}

export interface Criterion {
  id: string;
  weight: number;
  label: Label;
  aliases: string[];
}

export interface Category {
  id: string;
  /** 1-based position in the rubric: entries may name a category by its number. */
  number: number;
  label: Label;
  aliases: string[];
}

export interface Group {
  id: string;
  label: Label;
  aliases: string[];
  minImplementationMonths?: number;
  maxEntriesPerAgency?: number;
}

export interface ShortlistRule {
  name: string;
  size: number;
  label?: Label;
  perCategory: boolean;
  group?: string;
  /** Proportional shortlist: field → the minimum of every value of it, in the rubric file's order. */
  minPer?: Partial<Record<MinPerField, number>>;
  /** Drawn on this stage's totals and ranks (entries passing its mark) instead of the final ones. */
  stage?: string;
}

export interface Stage {
  name: string;
  /** Weight of the stage total in the final total (stage weights sum to 100). */
  weight: number;
  /** Pass mark on the stage's 0–100 total: an entry below it does not pass (`stage:NAME`). */
  pass?: number;
  label: Label;
  aliases: string[];
  /** Overrides the rubric's min_judges in this stage. */
  minJudges?: number;
}

export interface FieldRule {
  required: boolean;
  maxWords?: number;
}

export interface Rubric {
  name: string;
  version: number | string | null;
  scale: { min: number; max: number };
  criteria: Criterion[];
  categories: Category[];
  groups: Group[];
  /** Per category id: criterion id → weight. Categories absent here use the criteria's weights. */
  categoryWeights: Record<string, Record<string, number>>;
  normalization: NormalizationMethod;
  aggregation: 'mean' | 'median' | 'trimmed';
  trim: number;
  minJudges: number;
  thresholds: { total?: number; criteria: Record<string, number> };
  tieBreak: string[];
  shortlists: ShortlistRule[];
  /** Rounds of judging in order (desk evaluation, presentation, ...); empty: one round. */
  stages: Stage[];
  eligibility: { minImplementationMonths?: number; referenceDate?: string; maxEntriesPerAgency?: number };
  fields: Record<string, FieldRule>;
}

export const DEFAULT_CRITERIA: Record<string, Label> = {
  novelty: { id: 'Kebaruan', en: 'Novelty' },
  effectiveness: { id: 'Efektif', en: 'Effectiveness' },
  benefit: { id: 'Bermanfaat', en: 'Benefit' },
  replicability: { id: 'Dapat direplikasi', en: 'Replicability' },
  sustainability: { id: 'Berkelanjutan', en: 'Sustainability' },
};

export const DEFAULT_CATEGORIES: { id: string; label: Label; aliases: string[] }[] = [
  {
    id: 'governance',
    label: {
      id: 'Tata kelola pelayanan publik yang efektif, efisien dan berkinerja tinggi',
      en: 'Effective, efficient and high-performing governance',
    },
    aliases: ['tata kelola'],
  },
  {
    id: 'transparency',
    label: { id: 'Transparansi, akuntabilitas dan integritas', en: 'Transparency, accountability and integrity' },
    aliases: ['transparansi'],
  },
  { id: 'collaboration', label: { id: 'Kolaborasi', en: 'Collaboration' }, aliases: ['kolaborasi'] },
  {
    id: 'inclusive',
    label: { id: 'Pelayanan publik inklusif', en: 'Inclusive public service' },
    aliases: ['inklusif'],
  },
];

function toLabel(
  raw: RubricFile['name'] | { id?: string | undefined; en?: string | undefined } | undefined,
  fallback: Label,
): Label {
  if (raw === undefined) return fallback;
  if (typeof raw === 'string') return { id: raw, en: raw };
  return { id: raw.id ?? raw.en ?? fallback.id, en: raw.en ?? raw.id ?? fallback.en };
}

function titleCase(id: string): string {
  const words = id.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Applies the defaults of docs/reference/rubric.md to a schema-valid rubric file. */
export function resolveRubric(file: RubricFile): Rubric {
  const criteriaFile: NonNullable<RubricFile['criteria']> =
    file.criteria ?? Object.fromEntries(Object.keys(DEFAULT_CRITERIA).map((id) => [id, { weight: 20 }]));
  const criteria: Criterion[] = Object.entries(criteriaFile).map(([id, c]) => {
    const fallback = DEFAULT_CRITERIA[id] ?? { id: titleCase(id), en: titleCase(id) };
    return {
      id,
      weight: c.weight,
      label: toLabel(c.label, fallback),
      aliases: [...(DEFAULT_CRITERION_ALIASES[id] ?? []), ...(c.aliases ?? [])],
    };
  });
  const categories: Category[] = file.categories
    ? Object.entries(file.categories).map(([id, c], i) => {
        const fallback = DEFAULT_CATEGORIES.find((d) => d.id === id);
        return {
          id,
          number: i + 1,
          label: toLabel(c.label, fallback?.label ?? { id: titleCase(id), en: titleCase(id) }),
          aliases: c.aliases ?? fallback?.aliases ?? [],
        };
      })
    : DEFAULT_CATEGORIES.map((c, i) => ({ ...c, number: i + 1 }));
  const groups: Group[] = Object.entries(file.groups ?? {}).map(([id, g]) => {
    const group: Group = {
      id,
      label: toLabel(g.label, { id: titleCase(id), en: titleCase(id) }),
      aliases: g.aliases ?? [],
    };
    if (g.min_implementation_months !== undefined) group.minImplementationMonths = g.min_implementation_months;
    if (g.max_entries_per_agency !== undefined) group.maxEntriesPerAgency = g.max_entries_per_agency;
    return group;
  });
  const thresholds: Rubric['thresholds'] = { criteria: { ...(file.thresholds?.criteria ?? {}) } };
  if (file.thresholds?.total !== undefined) thresholds.total = file.thresholds.total;
  const eligibility: Rubric['eligibility'] = {};
  if (file.eligibility?.min_implementation_months !== undefined)
    eligibility.minImplementationMonths = file.eligibility.min_implementation_months;
  if (file.eligibility?.reference_date !== undefined) eligibility.referenceDate = file.eligibility.reference_date;
  if (file.eligibility?.max_entries_per_agency !== undefined)
    eligibility.maxEntriesPerAgency = file.eligibility.max_entries_per_agency;
  return {
    name: file.name,
    version: file.version ?? null,
    scale: { ...file.scale },
    criteria,
    categories,
    groups,
    categoryWeights: { ...(file.category_weights ?? {}) },
    normalization: file.normalization ?? 'none',
    aggregation: file.aggregation ?? 'mean',
    trim: file.trim ?? 1,
    minJudges: file.min_judges ?? 1,
    thresholds,
    tieBreak: [...(file.tie_break ?? [])],
    shortlists: (file.shortlists ?? []).map((s) => {
      const rule: ShortlistRule = { name: s.name, size: s.size, perCategory: s.per_category ?? false };
      if (s.label !== undefined) rule.label = toLabel(s.label, { id: s.name, en: s.name });
      if (s.group !== undefined) rule.group = s.group;
      if (s.min_per !== undefined) rule.minPer = { ...s.min_per };
      if (s.stage !== undefined) rule.stage = s.stage;
      return rule;
    }),
    stages: (file.stages ?? []).map((st) => {
      const stage: Stage = {
        name: st.name,
        weight: st.weight,
        label: toLabel(st.label, { id: titleCase(st.name), en: titleCase(st.name) }),
        aliases: st.aliases ?? [],
      };
      if (st.pass !== undefined) stage.pass = st.pass;
      if (st.min_judges !== undefined) stage.minJudges = st.min_judges;
      return stage;
    }),
    eligibility,
    fields: Object.fromEntries(
      Object.entries(file.fields ?? {}).map(([name, f]) => {
        const rule: FieldRule = { required: f.required ?? false };
        if (f.max_words !== undefined) rule.maxWords = f.max_words;
        return [normalizeName(name), rule];
      }),
    ),
  };
}

/** A problem in a rubric that the schema alone cannot see, located by its key path. */
export interface RubricIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Cross-field rules: weights sum to 100, references name things that exist, names do not collide.
 * `unread` are the rubric file's top-level keys that broke the schema (io/rubric.ts resolved the
 * rubric without them): a rule that reads one of them is skipped, since it would judge the
 * defaults that stand in for what the file says, and the rest run, so that `kipp rubric check`
 * reports every problem at once.
 */
export function checkRubric(r: Rubric, unread: ReadonlySet<string> = new Set()): RubricIssue[] {
  const issues: RubricIssue[] = [];
  /** Whether every key a rule reads was read as written. */
  const read = (...keys: string[]) => keys.every((k) => !unread.has(k));
  const criterionIds = new Set(r.criteria.map((c) => c.id));
  const categoryIds = new Set(r.categories.map((c) => c.id));
  const groupIds = new Set(r.groups.map((g) => g.id));
  if (read('scale') && !(r.scale.min < r.scale.max))
    issues.push({ path: ['scale'], message: `scale.min (${r.scale.min}) must be below scale.max (${r.scale.max})` });
  if (read('criteria')) {
    if (r.criteria.length === 0) issues.push({ path: ['criteria'], message: 'define at least one criterion' });
    const sum = r.criteria.reduce((s, c) => s + c.weight, 0);
    if (r.criteria.length > 0 && !near100(sum)) {
      issues.push({
        path: ['criteria'],
        message: `criterion weights sum to ${fmt(sum)}, not 100: adjust them so that they add up to 100`,
      });
    }
  }
  if (read('category_weights', 'categories', 'criteria')) {
    for (const [category, weights] of Object.entries(r.categoryWeights)) {
      if (!categoryIds.has(category))
        issues.push({
          path: ['category_weights', category],
          message: `category_weights names unknown category "${category}" (known: ${[...categoryIds].join(', ')})`,
        });
      for (const c of Object.keys(weights)) {
        if (!criterionIds.has(c))
          issues.push({
            path: ['category_weights', category, c],
            message: `unknown criterion "${c}" (known: ${[...criterionIds].join(', ')})`,
          });
      }
      for (const c of criterionIds) {
        if (!(c in weights))
          issues.push({
            path: ['category_weights', category],
            message: `category_weights.${category} gives no weight for criterion "${c}": list every criterion`,
          });
      }
      const s = Object.values(weights).reduce((a, b) => a + b, 0);
      if (!near100(s))
        issues.push({
          path: ['category_weights', category],
          message: `weights for category "${category}" sum to ${fmt(s)}, not 100`,
        });
    }
  }
  if (read('thresholds', 'criteria')) {
    for (const c of Object.keys(r.thresholds.criteria)) {
      if (!criterionIds.has(c))
        issues.push({ path: ['thresholds', 'criteria', c], message: `threshold for unknown criterion "${c}"` });
    }
  }
  if (read('tie_break', 'criteria')) {
    r.tieBreak.forEach((c, i) => {
      if (!criterionIds.has(c))
        issues.push({ path: ['tie_break', i], message: `tie_break names unknown criterion "${c}"` });
    });
  }
  if (read('shortlists', 'groups', 'categories', 'stages')) {
    const names = new Set<string>();
    r.shortlists.forEach((s, i) => {
      if (names.has(s.name))
        issues.push({ path: ['shortlists', i, 'name'], message: `shortlist name "${s.name}" is used twice` });
      names.add(s.name);
      if (s.group !== undefined && !groupIds.has(s.group))
        issues.push({
          path: ['shortlists', i, 'group'],
          message: `shortlist "${s.name}" names unknown group "${s.group}" (define it under groups:)`,
        });
      pushAll(
        issues,
        checkMinPer(r, s).map((message) => ({ path: ['shortlists', i, 'min_per'], message })),
      );
      if (s.stage !== undefined && !r.stages.some((st) => st.name === s.stage)) {
        issues.push({
          path: ['shortlists', i, 'stage'],
          message: `shortlist "${s.name}" names unknown stage "${s.stage}" (${r.stages.length > 0 ? `stages: ${r.stages.map((st) => st.name).join(', ')}` : 'the rubric defines no stages'})`,
        });
      }
    });
  }
  if (r.stages.length > 0 && read('stages')) {
    const stageNames = new Set<string>();
    r.stages.forEach((st, i) => {
      if (stageNames.has(st.name))
        issues.push({ path: ['stages', i, 'name'], message: `stage name "${st.name}" is used twice` });
      stageNames.add(st.name);
    });
    const stageSum = r.stages.reduce((a, st) => a + st.weight, 0);
    if (!near100(stageSum))
      issues.push({
        path: ['stages'],
        message: `stage weights sum to ${fmt(stageSum)}, not 100: adjust them so that they add up to 100`,
      });
  }
  pushAll(issues, nameCollisions(r, read));
  return issues;
}

/**
 * Ids, labels and aliases of criteria (and of categories, groups and stages; with categories,
 * groups and stages also their numbers) are matched after normalizeName, ignoring case, spaces,
 * hyphens and underscores: two that meet there would make a header or a value read two ways,
 * and one of them could never be named (`novelty` and `Novelty`: a score sheet's column is
 * always the first criterion's).
 */
function nameCollisions(r: Rubric, read: (...keys: string[]) => boolean): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const kinds = [
    ['criteria', r.criteria, 'criteria', 'score sheet headers and criterion values', 'scored'],
    ['categories', r.categories, 'categories', "entries' category values", 'named'],
    ['groups', r.groups, 'groups', "entries' group values", 'named'],
    ['stages', r.stages.map((st) => ({ ...st, id: st.name })), 'stages', "score rows' stage values", 'named'],
  ] as const;
  for (const [kind, items, nouns, matched, verb] of kinds) {
    if (!read(kind)) continue;
    const seen = new Map<string, { owner: string; name: string }>();
    // One issue per pair: `Novelty` meets `novelty` by its id and by both its labels.
    const reported = new Set<string>();
    for (const item of items) {
      for (const name of [item.id, item.label.id, item.label.en, ...item.aliases]) {
        const key = normalizeName(name);
        if (key === '') continue;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, { owner: item.id, name });
        else if (first.owner !== item.id && !reported.has(`${first.owner}\u0000${item.id}`)) {
          reported.add(`${first.owner}\u0000${item.id}`);
          const shared = first.name === name ? `"${name}"` : `"${first.name}" = "${name}"`;
          issues.push({
            path: [kind, item.id],
            message: `${nouns} "${first.owner}" and "${item.id}" share the name ${shared}: ${matched} are matched ignoring case, spaces, hyphens and underscores, so one of them could never be ${verb}; rename one, or drop the shared label or alias`,
          });
        }
      }
    }
  }
  return issues;
}

/**
 * The values a `min_per` field can take, when the rubric knows them: categories and groups in
 * the rubric's order, agency types in sorted order; null for free text (region).
 */
export function minPerValues(r: Rubric, field: MinPerField, rule?: ShortlistRule): string[] | null {
  switch (field) {
    case 'category':
      return r.categories.map((c) => c.id);
    case 'group':
      return rule?.group !== undefined ? [rule.group] : r.groups.map((g) => g.id);
    case 'agency_type':
      return [...AGENCY_TYPE_IDS].sort();
    case 'region':
      return null;
  }
}

/**
 * A proportional shortlist must be able to hold its quotas: in the worst case no entry meets
 * two quotas at once, so the minimums of every value of every field (whose values the rubric
 * knows) must fit in `size`.
 */
function checkMinPer(r: Rubric, s: ShortlistRule): string[] {
  if (s.minPer === undefined) return [];
  const out: string[] = [];
  if (s.perCategory)
    out.push(
      `shortlist "${s.name}": min_per and per_category cannot be combined (per_category already takes ${s.size} of every category)`,
    );
  if (s.minPer.group !== undefined && r.groups.length === 0)
    out.push(`shortlist "${s.name}": min_per names group, but the rubric defines no groups`);
  let needed = 0;
  const parts: string[] = [];
  for (const field of MIN_PER_FIELDS) {
    const min = s.minPer[field];
    if (min === undefined) continue;
    const values = minPerValues(r, field, s);
    if (values === null) continue;
    needed += values.length * min;
    parts.push(`${field} ${values.length} × ${min}`);
  }
  if (needed > s.size)
    out.push(
      `shortlist "${s.name}": its quotas need up to ${needed} places (${parts.join(' + ')}) but its size is ${s.size}: lower the minimums or raise the size`,
    );
  return out;
}

/** The weights that apply to an entry of the given category. */
export function weightsFor(r: Rubric, category: string | undefined): Record<string, number> {
  const own = category !== undefined ? r.categoryWeights[category] : undefined;
  return own ?? Object.fromEntries(r.criteria.map((c) => [c.id, c.weight]));
}

function near100(x: number): boolean {
  return Math.abs(x - 100) < 1e-9;
}

function fmt(x: number): string {
  return String(Math.round(x * 1e9) / 1e9);
}

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
