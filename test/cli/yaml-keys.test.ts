/**
 * #16 (a class found after the list): a YAML record with two keys that mean one field —
 * `score:` and `nilai:` — used to keep whichever came last, silently. Neither is read now.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

describe('#16: two YAML keys for one field', () => {
  const dir = tempFolder('kipp-yamlkeys-');
  writeFileSync(
    join(dir, 'entries.csv'),
    'id,title,agency,category\nE1,Satu,Dinas A,governance\nE2,Dua,Dinas B,governance\n',
  );
  const rubric = join(dir, 'rubric.yaml');
  writeFileSync(rubric, 'name: one criterion\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: { weight: 100 }\n');
  writeFileSync(
    join(dir, 'scores.yaml'),
    [
      '- { entry_id: E1, judge_id: J1, criterion: novelty, score: 8 }',
      '- entry_id: E2',
      '  judge_id: J1',
      '  criterion: novelty',
      '  score: 6',
      '  nilai: 9',
      '',
    ].join('\n'),
  );

  it('is an error at the second key, and the record is not used (no figure the judge may not have meant)', async () => {
    const run = await kippIn([
      'score',
      join(dir, 'entries.csv'),
      '--scores',
      join(dir, 'scores.yaml'),
      '--rubric',
      rubric,
      '--format',
      'json',
    ]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      entries: { id: string; total: number | null }[];
      diagnostics: { code: string; line?: number; field?: string; message: string }[];
    };
    const clash = report.diagnostics.filter((d) => d.code === 'duplicate-header');
    expect(clash).toHaveLength(1);
    expect(clash[0]).toMatchObject({ line: 6, field: 'score' });
    expect(clash[0]!.message).toContain('"score" and "nilai"');
    // E1 keeps its 8 (100 · (8 − 1) / 9); E2 has no score left, so it is not ranked.
    expect(report.entries.find((e) => e.id === 'E1')!.total).toBeCloseTo(77.777778, 6);
    expect(report.entries.find((e) => e.id === 'E2')!.total).toBeNull();
  });
});
