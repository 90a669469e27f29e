/**
 * The zod schema of a rubric file (YAML or JSON), as written: rubric.ts resolves it. Loaded only
 * when a rubric's text must be checked (io/rubric-parse.ts, the JSON Schemas): a known rubric,
 * such as the embedded default, is read without it.
 */
import { z } from 'zod';
import { isRealDate, MIN_PER_FIELDS, NORMALIZATION_METHODS, type NormalizationMethod } from './rubric.js';

/** A stage name is used in `--scores NAME=FILE`, in `stage:NAME` reasons and in report keys. */
const stageName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a stage name starts with a letter and holds only letters, digits, _ and -');

const label = z.union([
  z.string().min(1),
  z.strictObject({ id: z.string().min(1).optional(), en: z.string().min(1).optional() }),
]);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => isRealDate(s), 'not a real calendar date');

const months = z.number().int().min(0);
const weight = z.number().finite().nonnegative();

const criterionSchema = z.strictObject({
  weight,
  label: label.optional(),
  aliases: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
});

const categorySchema = z.strictObject({
  label: label.optional(),
  aliases: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
});

const groupSchema = z.strictObject({
  label: label.optional(),
  aliases: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
  min_implementation_months: months.optional(),
  max_entries_per_agency: z.number().int().min(1).optional(),
});

const shortlistSchema = z.strictObject({
  name: z.string().min(1),
  size: z.number().int().min(1),
  label: label.optional(),
  per_category: z.boolean().optional(),
  group: z.string().min(1).optional(),
  min_per: z.partialRecord(z.enum(MIN_PER_FIELDS), z.number().int().min(1)).optional(),
  stage: z.string().min(1).optional(),
});

const stageSchema = z.strictObject({
  name: stageName,
  weight,
  pass: z.number().finite().min(0).max(100).optional(),
  label: label.optional(),
  aliases: z.array(z.string().min(1)).optional(),
  min_judges: z.number().int().min(1).optional(),
});

export const rubricFileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  version: z.union([z.number(), z.string()]).optional(),
  description: z.string().optional(),
  scale: z.strictObject({ min: z.number().finite(), max: z.number().finite() }),
  criteria: z.record(z.string().min(1), criterionSchema).optional(),
  categories: z.record(z.string().min(1), categorySchema).optional(),
  groups: z.record(z.string().min(1), groupSchema).optional(),
  category_weights: z.record(z.string().min(1), z.record(z.string().min(1), weight)).optional(),
  normalization: z
    .enum(Object.keys(NORMALIZATION_METHODS) as [NormalizationMethod, ...NormalizationMethod[]])
    .optional(),
  aggregation: z.enum(['mean', 'median', 'trimmed']).optional(),
  trim: z.number().int().min(0).optional(),
  min_judges: z.number().int().min(1).optional(),
  thresholds: z
    .strictObject({
      total: z.number().finite().min(0).max(100).optional(),
      criteria: z.record(z.string().min(1), z.number().finite()).optional(),
    })
    .optional(),
  tie_break: z.array(z.string().min(1)).optional(),
  shortlists: z.array(shortlistSchema).optional(),
  stages: z.array(stageSchema).min(1).optional(),
  eligibility: z
    .strictObject({
      min_implementation_months: months.optional(),
      reference_date: isoDate.optional(),
      max_entries_per_agency: z.number().int().min(1).optional(),
    })
    .optional(),
  fields: z
    .record(
      z.string().min(1),
      z.strictObject({ required: z.boolean().optional(), max_words: z.number().int().min(1).optional() }),
    )
    .optional(),
});

export type RubricFile = z.infer<typeof rubricFileSchema>;
