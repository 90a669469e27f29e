/**
 * `kipp judges`, `kipp explain` and `kipp sensitivity` end to end on the shipped fixtures:
 * stdout carries the result, stderr the diagnostics, exit codes per SPEC section 5.
 */
import { describe, expect, it } from 'vitest';
import { round6 } from '../../src/scoring/round.js';
import { kipp } from './run.js';

const EX = 'fixtures/example';
const EXAMPLE = [`${EX}/entries.csv`, '--scores', `${EX}/scores-wide.csv`, `${EX}/scores-long.csv`, '--judges', `${EX}/judges.csv`];
const CONF = 'fixtures/conformance/panel';
const PANEL = [`${CONF}/entries.csv`, '--scores', `${CONF}/scores-wide.csv`, `${CONF}/scores-long.csv`, '--judges', `${CONF}/judges.csv`, '--rubric', `${CONF}/rubric.yaml`, '--as-of', '2026-11-22'];

describe('kipp judges', () => {
  const json = kipp(['judges', ...EXAMPLE, '--format', 'json']);
  it('prints the SPEC 7 shape on stdout and the conflict on stderr', () => {
    expect(json.status).toBe(0);
    const p = JSON.parse(json.stdout);
    expect(Object.keys(p)).toEqual(['judges', 'agreement', 'coverage', 'thresholds', 'disagreements']);
    expect(Object.keys(p.judges[0])).toEqual(['id', 'scored', 'mean', 'bias', 'agreement', 'conflicts', 'flags', 'bias_by_criterion']);
    expect(p.agreement.icc_form).toBe('ICC(1)');
    expect(p.agreement.kendall_w_tie_corrected).toBe(true);
    expect(p.coverage).toMatchObject({ entries: 48, connected: true });
    // J04 belongs to the agency of KIPP-2018-016 (fixtures/example/judges.csv)
    expect(p.judges.find((j: { id: string }) => j.id === 'J04').conflicts).toBe(1);
    expect(json.stderr).toContain('conflict-of-interest');
  });
  it('the disagreement list is sorted by spread and every spread is at least 40% of the span', () => {
    const p = JSON.parse(json.stdout);
    const spreads = p.disagreements.map((d: { spread: number }) => d.spread);
    expect(spreads).toEqual([...spreads].sort((a, b) => b - a));
    for (const s of spreads) expect(s).toBeGreaterThanOrEqual(0.4 * 9);
  });
  it('table and Markdown name the ICC form and the tie correction', () => {
    for (const format of ['table', 'md']) {
      const r = kipp(['judges', ...EXAMPLE, '--format', format]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('ICC(1)');
      expect(r.stdout).toContain('tie-corrected');
    }
  });
  it('needs --scores (exit 2) and has an example in --help', () => {
    expect(kipp(['judges', `${EX}/entries.csv`]).status).toBe(2);
    const help = kipp(['judges', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Example:\s+kipp judges/);
  });
  it('a disconnected panel: judges reports it, score warns with disconnected-panel (zscore rubric)', () => {
    const inputs = ['fixtures/validate/disconnected-panel/entries.csv', '--scores', 'fixtures/validate/disconnected-panel/scores.csv', '--rubric', 'fixtures/validate/disconnected-panel/rubric.yaml'];
    const p = JSON.parse(kipp(['judges', ...inputs, '--format', 'json']).stdout);
    expect(p.coverage.connected).toBe(false);
    const score = kipp(['score', ...inputs]);
    expect(score.status).toBe(0);
    expect(score.stderr).toContain('disconnected-panel');
  });
});

interface Explained {
  id: string;
  total: number | null;
  rank: number | null;
  scale: { min: number; max: number };
  aggregation: { method: string; trim: number | null };
  weights: Record<string, number>;
  criteria: Record<string, { value: number; scores: { judge: string; raw: number; normalized: number | null; excluded: string | null }[] }>;
}

/** SPEC 3.4 and 3.6 from the explain JSON alone: aggregate the kept normalized scores, weight, rescale, round. */
function recomputeTotal(x: Explained): number {
  let sum = 0;
  let weights = 0;
  for (const [c, k] of Object.entries(x.criteria)) {
    const kept = k.scores.filter((s) => s.excluded === null).map((s) => s.normalized!);
    let s: number;
    if (x.aggregation.method === 'median') {
      const v = [...kept].sort((a, b) => a - b);
      s = v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
    } else {
      // mean of what is left (a trimmed mean has already marked its dropped scores), summed in
      // ascending order for trimmed and in judge order for mean, as SPEC-exact scoring does
      const ordered = x.aggregation.method === 'trimmed' ? [...kept].sort((a, b) => a - b) : kept;
      s = ordered.reduce((a, b) => a + b, 0) / ordered.length;
    }
    sum += x.weights[c]! * s;
    weights += x.weights[c]!;
  }
  return round6((100 * (sum / weights - x.scale.min)) / (x.scale.max - x.scale.min));
}

describe('kipp explain', () => {
  it('the total recomputed from the explain JSON alone equals kipp score\'s (mean, conflict excluded)', () => {
    const report = JSON.parse(kipp(['score', ...EXAMPLE, '--format', 'json']).stdout);
    const r = kipp(['explain', 'KIPP-2018-016', ...EXAMPLE, '--format', 'json']);
    expect(r.status).toBe(0);
    const x: Explained = JSON.parse(r.stdout);
    const scored = report.entries.find((e: { id: string }) => e.id === 'KIPP-2018-016');
    expect(x.total).toBe(scored.total);
    expect(x.rank).toBe(scored.rank);
    expect(recomputeTotal(x)).toBe(scored.total);
    const j04 = x.criteria.novelty!.scores.find((s) => s.judge === 'J04')!;
    expect(j04).toMatchObject({ excluded: 'conflict', normalized: null });
  });

  it('… and with z-scores, trimmed means and category weights (conformance panel)', () => {
    const report = JSON.parse(kipp(['score', ...PANEL, '--format', 'json']).stdout);
    const ranked = report.entries.filter((e: { rank: number | null }) => e.rank !== null);
    // the last ranked entry, and the first of the inclusive category (its own weights)
    const picks = [ranked[ranked.length - 1], ranked.find((e: { category: string }) => e.category === 'inclusive')];
    for (const scored of picks) {
      const x: Explained = JSON.parse(kipp(['explain', scored.id, ...PANEL, '--format', 'json']).stdout);
      expect(recomputeTotal(x)).toBe(scored.total);
      const trimmed = Object.values(x.criteria).flatMap((k) => k.scores.filter((s) => s.excluded === 'trimmed'));
      expect(trimmed.length).toBeGreaterThan(0);
    }
  });

  it('text output shows the formula; an unknown id is a usage error (exit 2)', () => {
    const r = kipp(['explain', 'KIPP-2018-016', ...EXAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Total = 100 · \(\(/);
    expect(r.stdout).toContain('excluded: conflict of interest');
    expect(kipp(['explain', 'KIPP-9999', ...EXAMPLE]).status).toBe(2);
  });
});

describe('kipp sensitivity', () => {
  const args = ['sensitivity', ...PANEL, '--runs', '40', '--seed', '7', '--resample-judges', '--format', 'json'];
  const first = kipp(args);
  it('prints the SPEC 7 shape, the same for the same seed', () => {
    // the conformance panel holds two data errors: exit 1, as kipp score, with the result printed
    expect(first.status).toBe(1);
    const out = JSON.parse(first.stdout);
    expect(out).toMatchObject({ runs: 40, seed: 7, weight_spread: 5, resample_judges: true });
    expect(Object.keys(out.entries[0])).toEqual(['id', 'title', 'rank', 'rank_min', 'rank_max', 'shortlists', 'borderline']);
    expect(Object.keys(out.entries[0].shortlists)).toEqual(['top-99', 'top-20', 'best-per-category']);
    expect(kipp(args).stdout).toBe(first.stdout);
  });
  it('draws no progress bar when stderr is not a terminal', () => {
    expect(first.stderr).not.toContain('\r');
  });
  it('rejects a bad --runs or --weight-spread with exit 2', () => {
    expect(kipp(['sensitivity', ...PANEL, '--runs', '0']).status).toBe(2);
    expect(kipp(['sensitivity', ...PANEL, '--weight-spread', 'lots']).status).toBe(2);
  });
});

describe('kipp explain with stages (KIPP 2025: desk 70, presentation 30)', () => {
  const S = 'fixtures/stages';
  const STAGED = [`${S}/entries.csv`, '--scores', `desk=${S}/scores-desk.csv`, `presentation=${S}/scores-presentation.csv`, '--judges', `${S}/judges.csv`, '--rubric', 'rubrics/kipp-2025.yaml', '--as-of', '2025-06-30'];

  it('each stage total, and the final total, recompute from the explain JSON alone', () => {
    const report = JSON.parse(kipp(['score', ...STAGED, '--format', 'json']).stdout);
    const r = kipp(['explain', 'K25-004', ...STAGED, '--format', 'json']);
    expect(r.status).toBe(0);
    type Staged = Explained & { stages: { name: string; weight: number; total: number; rank: number; pass: number | null; met: boolean | null }[] };
    const x: Staged = JSON.parse(r.stdout);
    const scored = report.entries.find((e: { id: string }) => e.id === 'K25-004');
    expect(x.stages.map((s) => [s.name, s.weight, s.total, s.rank, s.met])).toEqual([
      ['desk', 70, scored.stages.desk.total, scored.stages.desk.rank, true],
      ['presentation', 30, scored.stages.presentation.total, scored.stages.presentation.rank, null],
    ]);
    for (const stage of x.stages) {
      // one stage's scores only: SPEC 3.4–3.7 within the stage
      const criteria = Object.fromEntries(
        Object.entries(x.criteria).map(([c, k]) => [c, { ...k, scores: k.scores.filter((s) => (s as { stage?: string }).stage === stage.name) }]),
      );
      expect(recomputeTotal({ ...x, criteria })).toBe(stage.total);
    }
    const final = round6(x.stages.reduce((a, s) => a + s.weight * s.total, 0) / 100);
    expect(final).toBe(scored.total);
    expect(x.total).toBe(91.444445); // the hand-computed figure of test/cli/profiles.test.ts
  });
});

describe('kipp sensitivity with stages', () => {
  it('refuses a staged rubric (exit 2) instead of reporting the first stage as the final ranking', () => {
    const S = 'fixtures/stages';
    const r = kipp(['sensitivity', `${S}/entries.csv`, '--scores', `desk=${S}/scores-desk.csv`, `presentation=${S}/scores-presentation.csv`, '--rubric', 'rubrics/kipp-2025.yaml', '--as-of', '2025-06-30', '--runs', '10']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/stages/);
  });
});

describe('kipp sensitivity --lang', () => {
  it('labels the table in Indonesian with --lang id, and refuses an unknown language (exit 2)', () => {
    const args = ['sensitivity', 'fixtures/example/entries.csv', '-s', 'fixtures/example/scores-long.csv', 'fixtures/example/scores-wide.csv', '--runs', '10'];
    const id = kipp([...args, '--lang', 'id']);
    expect(id.status).toBe(0);
    expect(id.stdout).toContain('Rentang peringkat');
    expect(kipp([...args, '--lang', 'xx']).status).toBe(2);
  });
});
