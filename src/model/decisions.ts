/**
 * The jury's decisions: a YAML file with a JSON Schema (schemas/decisions.schema.json),
 * applied after ranking by src/decisions/apply.ts. Each decision says who took it, when and why,
 * and exactly one of:
 *   resolve_tie  which of the entries tied at a shortlist's cut-off the shortlist takes;
 *   disqualify   an entry out of the ranking (for example after field verification);
 *   withdraw     an entry its agency withdrew;
 *   include      an entry into a shortlist against its rank;
 *   exclude      an entry out of a shortlist against its rank.
 */
import { z } from 'zod';
import { isRealDate } from './rubric.js';

/** An entry id, trimmed as the entries' ids are; YAML's null (`null`, `~`, nothing) is said as such. */
const id = z
  .union([z.string().trim().min(1, 'the entry id is empty: write it'), z.number()], {
    error: (issue) =>
      issue.input === null
        ? 'no entry id (YAML reads null, ~ and an empty value as none): write the id, in quotes if it is "null"'
        : undefined,
  })
  .transform(String);
const text = (what: string) => z.string().trim().min(1, `${what} is empty: write it down`);

const place = z.strictObject({
  shortlist: z.string().min(1).describe('The shortlist name, as in the rubric (e.g. top-45).'),
  entry: id.describe('The entry id.'),
});

export const decisionSchema = z
  .strictObject({
    resolve_tie: z
      .strictObject({
        shortlist: z.string().min(1).describe('The shortlist whose cut-off is tied (e.g. top-45).'),
        category: z
          .string()
          .min(1)
          .optional()
          .describe('For a per-category shortlist: the category whose cut-off is tied.'),
        take: z
          .array(id)
          .min(1)
          .describe('The tied entries the shortlist takes: exactly as many as it has places left.'),
      })
      .optional()
      .describe('Which of the entries tied at the cut-off the shortlist takes.'),
    disqualify: id.optional().describe('Take this entry out of the ranking (for example after field verification).'),
    withdraw: id.optional().describe('The entry was withdrawn by its agency: take it out of the ranking.'),
    include: place.optional().describe('Put this entry into the shortlist against its rank (a reason is required).'),
    exclude: place.optional().describe('Take this entry out of the shortlist against its rank (a reason is required).'),
    by: text('by').describe('Who decided (the jury plenary, the chair, the secretariat).'),
    date: z
      .string()
      .refine(isRealDate, 'expected a date as YYYY-MM-DD')
      .describe('When the decision was taken (YYYY-MM-DD).'),
    reason: text('reason').describe('Why: the minutes, the verification report, the vote.'),
  })
  .meta({
    id: 'decision',
    title: 'kipp decision',
    description: 'One decision of the jury: who, when, why, and exactly one action.',
  });

export const decisionsFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file (for editors; ignored by kipp).'),
    competition: z.string().optional().describe('Free text: the competition and year the decisions belong to.'),
    decisions: z.array(decisionSchema).describe('The decisions, in the order they were taken.'),
  })
  .meta({
    title: 'kipp decisions',
    description: "The jury's decisions, applied after ranking by kipp score --decisions.",
  });

export const DECISION_ACTIONS = ['resolve_tie', 'disqualify', 'withdraw', 'include', 'exclude'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

type Parsed = z.output<typeof decisionSchema>;

/** A decision as read, with its place in the file. */
interface DecisionBase {
  by: string;
  date: string;
  reason: string;
  file: string;
  line: number;
}
export interface TieDecision extends DecisionBase {
  action: 'resolve_tie';
  shortlist: string;
  category?: string;
  take: string[];
}
export interface RemoveDecision extends DecisionBase {
  action: 'disqualify' | 'withdraw';
  entry: string;
}
export interface MoveDecision extends DecisionBase {
  action: 'include' | 'exclude';
  shortlist: string;
  entry: string;
}
export type Decision = TieDecision | RemoveDecision | MoveDecision;

/** One parsed record as a Decision; null when it names no action or several (the caller reports it). */
export function toDecision(p: Parsed, file: string, line: number): Decision | null | DecisionAction[] {
  const actions = DECISION_ACTIONS.filter((a) => p[a] !== undefined);
  if (actions.length !== 1) return actions;
  const base = { by: p.by, date: p.date, reason: p.reason, file, line };
  if (p.resolve_tie)
    return {
      ...base,
      action: 'resolve_tie',
      shortlist: p.resolve_tie.shortlist,
      take: p.resolve_tie.take,
      ...(p.resolve_tie.category !== undefined ? { category: p.resolve_tie.category } : {}),
    };
  if (p.disqualify !== undefined) return { ...base, action: 'disqualify', entry: p.disqualify };
  if (p.withdraw !== undefined) return { ...base, action: 'withdraw', entry: p.withdraw };
  const move = (p.include ?? p.exclude)!;
  return { ...base, action: p.include ? 'include' : 'exclude', shortlist: move.shortlist, entry: move.entry };
}

/** A decision as the report shows it (JSON `decisions`, the table and Markdown sections). */
export interface AppliedDecision {
  action: DecisionAction;
  /** Where it is written: the decisions file and the line the decision starts on. */
  file: string;
  line: number;
  by: string;
  date: string;
  reason: string;
  shortlist?: string;
  category?: string;
  /** The entries it acts on: the ones taken (resolve_tie) or the one moved or removed. */
  entries: string[];
  /** resolve_tie: the tied entries the shortlist did not take. */
  left_out?: string[];
}
