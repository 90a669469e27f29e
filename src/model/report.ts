/**
 * A JSON report read back (`kipp verify`, `kipp diff`): the shape of docs/reference/json-report.md plus the manifest, checked
 * with zod because a report is a file someone hands us. Unknown keys are allowed (a later kipp may
 * add some); the keys the audit commands rely on are required. `rubric.path` and `options` are
 * optional so that reports written before the manifest still diff.
 */
import { z } from 'zod';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 in hex (64 characters)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const reportEntrySchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  agency: z.string(),
  category: z.string(),
  group: z.string().nullable().optional(),
  rank: z.number().int().nullable(),
  category_rank: z.number().int().nullable(),
  tied: z.boolean(),
  total: z.number().nullable(),
  criteria: z.record(z.string(), z.number()),
  judges: z.number().int(),
  passed: z.boolean(),
  reasons: z.array(z.string()),
  shortlists: z.array(z.string()),
  flags: z.array(z.string()),
  /** A rubric with stages: each stage's total and rank (docs/reference/json-report.md). */
  stages: z
    .record(z.string(), z.looseObject({ total: z.number().nullable(), rank: z.number().int().nullable() }))
    .optional(),
});

export const reportSchema = z.looseObject({
  kipp: z.string(),
  rubric: z.looseObject({
    name: z.string(),
    version: z.union([z.number(), z.string()]).nullable(),
    sha256,
    path: z.string().nullable().optional(),
  }),
  inputs: z.array(
    z.looseObject({
      path: z.string().min(1),
      kind: z.enum(['entries', 'scores', 'judges', 'conflicts', 'decisions', 'rubric']),
      sha256,
      stage: z.string().optional(),
      sheet: z.string().optional(),
    }),
  ),
  as_of: isoDate,
  options: z
    .looseObject({
      as_of: isoDate.nullable().optional(),
      category: z.string().nullable().optional(),
      top: z.number().int().min(1).nullable().optional(),
      delimiter: z.string().nullable().optional(),
    })
    .optional(),
  generated: z.string().optional(),
  entries: z.array(reportEntrySchema),
  shortlists: z.array(
    z.looseObject({ name: z.string(), size: z.number().int(), taken: z.number().int(), cutoff_tie: z.boolean() }),
  ),
  decisions: z
    .array(
      z.looseObject({
        action: z.string(),
        entries: z.array(z.string()),
        by: z.string(),
        date: z.string(),
        reason: z.string(),
        line: z.number().int(),
        shortlist: z.string().optional(),
      }),
    )
    .optional(),
  diagnostics: z.array(z.looseObject({ code: z.string(), severity: z.string() })),
});

export type KippReport = z.infer<typeof reportSchema>;
export type ReportEntry = z.infer<typeof reportEntrySchema>;
