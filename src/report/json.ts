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

/**
 * formatJson's text in pieces of `perPiece` entries each: joined, the pieces are formatJson's
 * text, byte for byte. For stdout: a stress year's report, 200,000 entries and ~100 MB, is never
 * held whole, neither as one string nor as one object per entry.
 */
export function formatJsonChunks(result: ScoreResult, options: ReportOptions, perPiece = 64): Iterable<string> {
  if (result.entries.length === 0) return [formatJson(result, options)];
  // The report with no entries, cut where its entries go; each piece's entries are written as
  // JSON.stringify writes an array of them, one level deeper (two spaces more per line).
  // Built now, so that the pieces keep only the frame and the entries alive, not the result
  // (whose score records hold a stress year's columns, hundreds of megabytes).
  const frame = `${JSON.stringify(jsonReport(withoutEntries(result), options), null, 2)}\n`;
  const marker = '\n  "entries": [],\n';
  const at = frame.indexOf(marker);
  const withGroup = result.rubric.groups.length > 0;
  const { entries } = result;
  return (function* pieces(): Generator<string> {
    let head = `${frame.slice(0, at)}\n  "entries": [\n`;
    for (let from = 0; from < entries.length; from += perPiece) {
      const batch = entries.slice(from, from + perPiece).map((e) => jsonEntry(e, withGroup));
      const text = JSON.stringify(batch, null, 2); // "[\n  {…},\n  {…}\n]"
      yield `${head}  ${text.slice(2, -2).replaceAll('\n', '\n  ')}`;
      head = ',\n';
    }
    yield `\n  ],\n${frame.slice(at + marker.length)}`;
  })();
}

/** The result with no entries, everything else read through from it (no getter is run). */
function withoutEntries(result: ScoreResult): ScoreResult {
  return Object.assign(Object.create(result) as ScoreResult, { entries: [] });
}
