/**
 * #17.5: `disconnected-panel` only where the rubric's normalization compares judges through the
 * entries they share (zscore), per stage with the stage's own rubric; never with `none`, where
 * a split panel changes no figure and the warning would fail `validate --strict` for nothing.
 *
 * The panel of fixtures/validate/disconnected-panel: J01 and J02 scored KIPP-2018-130 only,
 * J03 and J04 KIPP-2018-131 only, so the judge–entry graph has two pieces {J01, J02} {J03, J04}.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const FIX = 'fixtures/validate/disconnected-panel';
const SPLIT = [`${FIX}/entries.csv`, '--scores', `${FIX}/scores.csv`, '--as-of', '2018-03-10'];
const codesOf = (json: string) => (JSON.parse(json).diagnostics as { code: string }[]).map((d) => d.code);

describe('#17.5: disconnected-panel only where the normalization needs a connected panel', () => {
  it('#17.5: normalization none (the embedded rubric): validate --strict passes, score reports no warning', async () => {
    const strict = await kippIn(['validate', ...SPLIT, '--strict', '--format', 'json']);
    expect(strict.status).toBe(0);
    expect(codesOf(strict.stdout)).toEqual([]);
    const score = await kippIn(['score', ...SPLIT, '--format', 'json']);
    expect(score.status).toBe(0);
    expect(codesOf(score.stdout)).not.toContain('disconnected-panel');
    expect(score.stderr).not.toContain('disconnected-panel');
  });

  it('#17.5: normalization zscore, the same panel: a warning naming the two pieces, and --strict fails', async () => {
    const zscore = [...SPLIT, '--rubric', `${FIX}/rubric.yaml`];
    const validate = await kippIn(['validate', ...zscore, '--format', 'json']);
    expect(validate.status).toBe(0);
    const [d] = JSON.parse(validate.stdout).diagnostics;
    expect(d).toMatchObject({ code: 'disconnected-panel', severity: 'warning' });
    expect(d.message).toContain('{J01, J02} {J03, J04}');
    expect(d.message).toContain('zscore normalization');
    expect((await kippIn(['validate', ...zscore, '--strict'])).status).toBe(1);
    expect(codesOf((await kippIn(['score', ...zscore, '--format', 'json'])).stdout)).toContain('disconnected-panel');
  });

  describe('#17.5: a staged rubric, the desk panel split and the presentation panel whole', () => {
    const dir = tempFolder('kipp-panel-');
    const rubric = (normalization: string) => {
      const path = join(dir, `staged-${normalization}.yaml`);
      writeFileSync(
        path,
        `name: Staged ${normalization}\nscale: { min: 1, max: 10 }\nnormalization: ${normalization}\nstages:\n  - { name: desk, weight: 50 }\n  - { name: presentation, weight: 50 }\n`,
      );
      return path;
    };
    const scores = join(dir, 'scores.csv');
    const rows = ['entry_id,judge_id,stage,novelty,effectiveness,benefit,replicability,sustainability'];
    // desk: two pieces; presentation: P1 and P2 scored both entries.
    for (const [e, j] of [
      ['130', 'J01'],
      ['130', 'J02'],
      ['131', 'J03'],
      ['131', 'J04'],
    ])
      rows.push(`KIPP-2018-${e},${j},desk,7,7,7,7,7`);
    for (const e of ['130', '131'])
      for (const [j, x] of [
        ['P1', 6],
        ['P2', 8],
      ])
        rows.push(`KIPP-2018-${e},${j},presentation,${x},${x},${x},${x},${x}`);
    writeFileSync(scores, `${rows.join('\n')}\n`);
    const inputs = [`${FIX}/entries.csv`, '--scores', scores, '--as-of', '2018-03-10'];

    it('#17.5: normalization none: no warning in validate --strict nor in score', async () => {
      const strict = await kippIn(['validate', ...inputs, '--rubric', rubric('none'), '--strict', '--format', 'json']);
      expect(strict.status).toBe(0);
      expect(codesOf(strict.stdout)).toEqual([]);
      expect(
        codesOf((await kippIn(['score', ...inputs, '--rubric', rubric('none'), '--format', 'json'])).stdout),
      ).not.toContain('disconnected-panel');
    });

    it('#17.5: normalization zscore: one warning, for the desk stage only, in validate and score', async () => {
      for (const command of ['validate', 'score']) {
        const run = await kippIn([command, ...inputs, '--rubric', rubric('zscore'), '--format', 'json']);
        expect(run.status, command).toBe(0);
        const panel = (JSON.parse(run.stdout).diagnostics as { code: string; message: string }[]).filter(
          (d) => d.code === 'disconnected-panel',
        );
        expect(
          panel.map((d) => d.message.slice(0, 11)),
          command,
        ).toEqual(['stage desk:']);
      }
    });
  });
});
