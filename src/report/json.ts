/**
 * The JSON report of SPEC section 6: a projection of the ScoreResult with a fixed key order, so
 * that the same inputs give byte-identical output.
 */
import type { EntryResult, ScoreResult } from '../model/result.js';
import { reportManifest } from './manifest.js';
import type { ReportOptions } from './options.js';

export function jsonEntry(e: EntryResult, withGroup: boolean): Record<string, unknown> {
  return {
    id: e.id,
    title: e.title,
    agency: e.agency,
    category: e.category,
    ...(withGroup ? { group: e.group } : {}),
    rank: e.rank,
    category_rank: e.category_rank,
    tied: e.tied,
    total: e.total,
    ...(e.stages !== undefined ? { stages: e.stages } : {}),
    criteria: e.criteria,
    judges: e.judges,
    passed: e.passed,
    reasons: e.reasons,
    shortlists: e.shortlists,
    flags: e.flags,
  };
}

export function jsonReport(result: ScoreResult, options: Pick<ReportOptions, 'version' | 'generated' | 'manifest'>): Record<string, unknown> {
  const withGroup = result.rubric.groups.length > 0;
  // The SPEC 6 keys first, then the rest of the manifest (rubric path, options) for `kipp verify`.
  const manifest = reportManifest(result, options);
  return {
    kipp: manifest.kipp,
    rubric: manifest.rubric,
    inputs: manifest.inputs,
    as_of: manifest.as_of,
    options: manifest.options,
    ...(manifest.generated !== undefined ? { generated: manifest.generated } : {}),
    entries: result.entries.map((e) => jsonEntry(e, withGroup)),
    shortlists: result.shortlists.map((s) => ({ name: s.name, size: s.size, taken: s.taken, cutoff_tie: s.cutoff_tie, ...(s.by_quota !== undefined ? { by_quota: s.by_quota } : {}) })),
    diagnostics: result.diagnostics,
  };
}

export function formatJson(result: ScoreResult, options: ReportOptions): string {
  return `${JSON.stringify(jsonReport(result, options), null, 2)}\n`;
}
