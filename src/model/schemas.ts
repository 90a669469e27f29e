/**
 * zod schemas of the YAML/JSON record files (entries, score sheets, judges) and the JSON Schemas
 * that ship in schemas/ for editor completion and checking (`# yaml-language-server: $schema=…`).
 *
 * The loader does not parse with these (it keeps every value as the text written and reports
 * problems as diagnostics with lines); they describe the same files for editors: the known
 * fields with their Indonesian aliases, values as text or numbers, any other field allowed.
 * `scripts/schemas.mjs` writes the files; a test checks that the committed ones are current.
 */
import { z } from 'zod';
import { AGENCY_TYPES, DEFAULT_CRITERION_ALIASES, fieldAliases, type FileKind } from './names.js';
import { decisionsFileSchema } from './decisions.js';
import { rubricFileSchema } from './rubric-file.js';

/** YAML writes `id: 17` or `score: 8.5` unquoted: text or a number are both fine. */
const value = z.union([z.string(), z.number()]);

interface FieldDoc {
  description: string;
  schema?: z.ZodType;
  /** At least one of the field and its aliases must be present. */
  required?: boolean;
}

const AGENCY_TYPE_NAMES = Object.entries(AGENCY_TYPES).flatMap(([id, aliases]) => [id, ...aliases]) as [
  string,
  ...string[],
];

const ENTRY_FIELDS: Record<string, FieldDoc> = {
  id: {
    description: 'Unique id of the entry, e.g. KIPP-2026-001 (kept as written: 08123 stays 08123).',
    required: true,
  },
  title: {
    description: 'Title of the innovation (judul). Titles must be unique, ignoring case and spaces.',
    required: true,
  },
  agency: { description: 'The agency that submits the entry (instansi).', required: true },
  category: {
    description: "The rubric's category: its id, 1-based number, label or alias (e.g. governance, 4, inklusif).",
    required: true,
  },
  agency_type: {
    description:
      'ministry, agency, province, regency, city, soe, regional_soe (kementerian, lembaga, provinsi, kabupaten, kota, bumn, bumd).',
    schema: z.union([z.enum(AGENCY_TYPE_NAMES), z.string()]),
  },
  region: { description: 'Province or region (provinsi, wilayah).' },
  group: { description: "The rubric's group (kelompok), when the rubric defines groups." },
  implemented_since: {
    description: 'When the innovation was first implemented: YYYY-MM-DD (or DD/MM/YYYY).',
    schema: z.string(),
  },
  summary: { description: 'Short description; the rubric may limit its words (fields.summary.max_words).' },
  video_url: { description: 'Link to the video presentation.' },
};

const SCORE_FIELDS: Record<string, FieldDoc> = {
  entry_id: { description: 'The id of the entry scored.', required: true },
  judge_id: { description: 'The id of the judge (as in the judges file).', required: true },
  criterion: { description: 'Long form: the criterion id, label or alias (e.g. novelty, kebaruan).' },
  score: { description: "Long form: the score, within the rubric's scale.", schema: value },
  comment: { description: "The judge's comment (kept, not scored)." },
  title: { description: "The entry's title, for the judge's reference (written by kipp assign; not used in scoring)." },
  agency: {
    description: "The entry's agency, for the judge's reference (written by kipp assign; not used in scoring).",
  },
  category: {
    description: "The entry's category, for the judge's reference (written by kipp assign; not used in scoring).",
  },
  stage: {
    description:
      'With a rubric that has stages: the stage of the score (its name, label, alias or number, e.g. desk, presentasi); or give the sheet as --scores NAME=FILE.',
  },
};

const JUDGE_FIELDS: Record<string, FieldDoc> = {
  id: { description: 'Unique id of the judge, as used in the score sheets.', required: true },
  name: { description: 'Name of the judge.' },
  agency: {
    description: "The judge's agency: a judge does not score entries of their own agency (conflict of interest).",
  },
  region: { description: "The judge's region." },
  expertise: {
    description: 'Categories the judge knows best (used by kipp assign --by category).',
    schema: z.union([value, z.array(value)]),
  },
};

/** Every spelling of a canonical field in a kind of file (the canonical name first). */
function spellings(kind: FileKind, canonical: string): string[] {
  const out = [canonical];
  for (const [alias, target] of fieldAliases(kind)) if (target === canonical && alias !== canonical) out.push(alias);
  return out;
}

function recordSchema(
  kind: FileKind,
  fields: Record<string, FieldDoc>,
  criteria: boolean,
  id: string,
  title: string,
  description: string,
): z.ZodType {
  const shape: Record<string, z.ZodType> = {
    $schema: z.string().describe('The JSON Schema of this file (for editors; ignored by kipp).').optional(),
  };
  const required: string[][] = [];
  for (const [name, doc] of Object.entries(fields)) {
    const names = spellings(kind, name);
    names.forEach((n, i) => {
      const text = i === 0 ? doc.description : `Alias of ${name}. ${doc.description}`;
      shape[n] = (doc.schema ?? value).describe(text).optional();
    });
    if (doc.required) required.push(names);
  }
  if (criteria) {
    for (const [criterion, aliases] of Object.entries(DEFAULT_CRITERION_ALIASES)) {
      [criterion, ...aliases].forEach((n, i) => {
        shape[n] = value
          .describe(
            i === 0
              ? `Score on ${criterion} (a rubric with its own criteria uses its own ids).`
              : `Alias of ${criterion}.`,
          )
          .optional();
      });
    }
  }
  return z.looseObject(shape).meta({
    // An id puts the record in `definitions` once; the file schema refers to it twice.
    id,
    title,
    description,
    // "At least one spelling of each required field": JSON Schema can say it, zod's shape cannot.
    ...(required.length > 0
      ? { allOf: required.map((names) => ({ anyOf: names.map((n) => ({ required: [n] })) })) }
      : {}),
  });
}

/** A file holds one record (a mapping) or a list of records. */
function fileSchema(record: z.ZodType, title: string): z.ZodType {
  return z
    .union([record, z.array(record)])
    .meta({ title, description: 'One record (a mapping), or a list of records.' });
}

export const entryFileSchema = fileSchema(
  recordSchema(
    'entries',
    ENTRY_FIELDS,
    true,
    'entry',
    'kipp entry',
    'One entry of the competition. Criterion fields are inline scores.',
  ),
  'kipp entries file',
);
export const scoreFileSchema = fileSchema(
  recordSchema(
    'scores',
    SCORE_FIELDS,
    true,
    'score',
    'kipp score',
    'A score row: long form (criterion, score) or wide form (one field per criterion).',
  ),
  'kipp score sheet',
);
export const judgeFileSchema = fileSchema(
  recordSchema('judges', JUDGE_FIELDS, false, 'judge', 'kipp judge', 'A member of the jury panel.'),
  'kipp judges file',
);

/** What each top-level rubric key means (docs/reference/rubric.md), for hover text in editors. */
const RUBRIC_KEYS: Record<string, string> = {
  $schema: 'The JSON Schema of this file (for editors).',
  name: 'Shown in reports.',
  version: 'The version of this profile (a number or text).',
  description: 'Free text about the profile and its sources.',
  scale: "The judges' scale, e.g. { min: 1, max: 10 } (required).",
  criteria:
    'Criterion id → { weight, label, aliases }. Weights are percentages summing to 100. Default: the five KIPP criteria at 20 each.',
  categories:
    'Category id → { label, aliases }. Entries may name a category by id, 1-based number, label or alias. Default: the four KIPP categories.',
  groups:
    'Group id → { label, aliases, min_implementation_months, max_entries_per_agency } (kelompok). Absent: no groups.',
  category_weights: 'Category id → criterion id → weight: replaces the weights for that category (sum 100).',
  normalization:
    "none, zscore (per judge and criterion, onto the criterion's overall mean and spread), or severity (an additive judge-severity model fitted per criterion: x' = x − s_jc).",
  aggregation: 'mean, median, or trimmed (drop `trim` highest and lowest).',
  trim: 'With aggregation: trimmed, how many highest and lowest scores to drop (default 1).',
  min_judges: 'Fewer distinct judges on any criterion: the entry is not ranked (default 1).',
  thresholds: "Pass marks: total (0–100) and criteria (on the judges' scale, after aggregation).",
  tie_break: 'Criteria compared, in order, after the total.',
  shortlists:
    "Shortlists such as Top 99: { name, size, label, per_category, group, min_per, stage }. min_per: { category: 2, agency_type: 1 } takes at least that many of every value first (proportional shortlist); stage: draw on that stage's ranks.",
  stages:
    "Rounds of judging in order: [{ name, weight, pass, label, aliases, min_judges }]. Each stage is scored on its own; the final total is the weighted mean of the stage totals; below a stage's pass mark (0–100) an entry does not pass (stage:NAME).",
  eligibility: 'min_implementation_months, reference_date (YYYY-MM-DD), max_entries_per_agency.',
  fields: 'Rules on entry fields: field → { required, max_words }.',
};

export const SCHEMA_NAMES = ['rubric', 'entry', 'score', 'judge', 'decisions'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/** The JSON Schemas (draft-07, which editors' YAML and JSON language servers read best). */
export function jsonSchemas(): Record<SchemaName, Record<string, unknown>> {
  const draft7 = (schema: z.ZodType) =>
    z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const rubric = draft7(rubricFileSchema);
  const properties = rubric.properties as Record<string, Record<string, unknown>>;
  for (const [key, description] of Object.entries(RUBRIC_KEYS)) {
    if (properties[key]) properties[key] = { description, ...properties[key] };
  }
  return {
    rubric: {
      $schema: rubric.$schema,
      title: 'kipp rubric',
      description:
        'A competition profile for kipp: scale, criteria and weights, categories, groups, aggregation, thresholds, shortlists, eligibility (docs/reference/rubric.md). Unknown keys are errors.',
      ...Object.fromEntries(Object.entries(rubric).filter(([k]) => k !== '$schema')),
    },
    entry: draft7(entryFileSchema),
    score: draft7(scoreFileSchema),
    judge: draft7(judgeFileSchema),
    decisions: draft7(decisionsFileSchema),
  };
}

/** The bytes of schemas/<name>.schema.json. */
export function schemaFileText(name: SchemaName): string {
  return `${JSON.stringify(jsonSchemas()[name], null, 2)}\n`;
}
