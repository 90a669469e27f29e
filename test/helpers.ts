/**
 * Builders for in-memory competitions, so that scoring tests state their data in the test.
 */
import { parseRubric } from '../src/io/rubric.js';
import type { Competition, Entry, Judge, ScoreRow } from '../src/model/records.js';
import type { Rubric } from '../src/model/rubric.js';

export function rubricFrom(yaml: string): Rubric {
  const { rubric, diagnostics } = parseRubric(yaml, 'test-rubric.yaml');
  if (!rubric) throw new Error(`test rubric invalid: ${diagnostics.map((d) => d.message).join('; ')}`);
  return rubric;
}

export interface EntrySpec {
  id: string;
  title?: string;
  agency?: string;
  category?: string;
  group?: string;
  implemented_since?: string;
  agency_type?: string;
  [field: string]: string | undefined;
}

export function entry(spec: EntrySpec, line = 2): Entry {
  const fields = new Map<string, string>();
  const full = { title: `Inovasi ${spec.id}`, agency: `Instansi ${spec.id}`, category: 'governance', ...spec };
  for (const [k, v] of Object.entries(full)) if (v !== undefined) fields.set(k, v);
  return {
    id: full.id,
    title: full.title,
    agency: full.agency,
    categoryRaw: full.category,
    agencyTypeRaw: full.agency_type ?? '',
    region: (full as EntrySpec).region ?? '',
    groupRaw: full.group ?? '',
    implementedSinceRaw: full.implemented_since ?? '',
    fields,
    inlineScores: new Map(),
    decimalComma: false,
    source: { file: 'entries.csv', line },
  };
}

/** `scores` maps entry id → judge id → values for the criteria in order. */
export function scoreRows(scores: Record<string, Record<string, (number | null)[]>>, criteria: string[]): ScoreRow[] {
  const rows: ScoreRow[] = [];
  let line = 2;
  for (const [entryId, byJudge] of Object.entries(scores)) {
    for (const [judgeId, values] of Object.entries(byJudge)) {
      values.forEach((v, i) => {
        if (v === null) return;
        rows.push({
          entryId,
          judgeId,
          criterionRaw: criteria[i]!,
          text: String(v),
          decimalComma: false,
          source: { file: 'scores.csv', line: line++ },
        });
      });
    }
  }
  return rows;
}

export function judge(id: string, agency: string): Judge {
  return { id, name: id, agency, region: '', fields: new Map(), source: { file: 'judges.csv', line: 2 } };
}

export function competition(
  rubric: Rubric,
  entries: Entry[],
  scores: ScoreRow[],
  judges: Judge[] | null = null,
): Competition {
  return {
    rubric,
    rubricSource: { path: 'test-rubric.yaml', sha256: '0'.repeat(64), name: rubric.name, version: rubric.version },
    entries,
    scores,
    judges,
    hasScoreSheets: true,
    inputs: [],
    diagnostics: [],
  };
}
