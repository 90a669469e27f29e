/**
 * `kipp judges`, `kipp explain` and `kipp sensitivity` end to end on the shipped fixtures:
 * stdout carries the result, stderr the diagnostics, exit codes per SPEC section 5.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { round6 } from '../../src/scoring/round.js';
import { EXAMPLE_INPUTS, kippIn, type Run } from './run.js';

const EX = 'fixtures/example';
const EXAMPLE = EXAMPLE_INPUTS;
const CONF = 'fixtures/conformance/panel';
const PANEL = [
  `${CONF}/entries.csv`,
  '--scores',
  `${CONF}/scores-wide.csv`,
  `${CONF}/scores-long.csv`,
  '--judges',
  `${CONF}/judges.csv`,
  '--rubric',
  `${CONF}/rubric.yaml`,
  '--as-of',
  '2026-11-22',
];

describe('kipp judges', () => {
  let json: Run;
  beforeAll(async () => {
    json = await kippIn(['judges', ...EXAMPLE, '--format', 'json']);
  });
  it('prints the SPEC 7 shape on stdout and the conflict on stderr', () => {
    expect(json.status).toBe(0);
    const p = JSON.parse(json.stdout);
    expect(Object.keys(p)).toEqual(['judges', 'agreement', 'coverage', 'thresholds', 'disagreements']);
    expect(Object.keys(p.judges[0])).toEqual([
      'id',
      'scored',
      'mean',
      'bias',
      'agreement',
      'conflicts',
      'flags',
      'bias_by_criterion',
    ]);
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
  it('table and Markdown name the ICC form and the tie correction', async () => {
    for (const format of ['table', 'md']) {
      const r = await kippIn(['judges', ...EXAMPLE, '--format', format]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('ICC(1)');
      expect(r.stdout).toContain('tie-corrected');
    }
  });
  it('needs --scores (exit 2) and has an example in --help', async () => {
    expect((await kippIn(['judges', `${EX}/entries.csv`])).status).toBe(2);
    const help = await kippIn(['judges', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Example:\s+kipp judges/);
  });
  it('a disconnected panel: judges reports it, score warns with disconnected-panel (zscore rubric)', async () => {
    const inputs = [
      'fixtures/validate/disconnected-panel/entries.csv',
      '--scores',
      'fixtures/validate/disconnected-panel/scores.csv',
      '--rubric',
      'fixtures/validate/disconnected-panel/rubric.yaml',
    ];
    const p = JSON.parse((await kippIn(['judges', ...inputs, '--format', 'json'])).stdout);
    expect(p.coverage.connected).toBe(false);
    const score = await kippIn(['score', ...inputs]);
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
  criteria: Record<
    string,
    { value: number; scores: { judge: string; raw: number; normalized: number | null; excluded: string | null }[] }
  >;
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
  it("the total recomputed from the explain JSON alone equals kipp score's (mean, conflict excluded)", async () => {
    const report = JSON.parse((await kippIn(['score', ...EXAMPLE, '--format', 'json'])).stdout);
    const r = await kippIn(['explain', 'KIPP-2018-016', ...EXAMPLE, '--format', 'json']);
    expect(r.status).toBe(0);
    const x: Explained = JSON.parse(r.stdout);
    const scored = report.entries.find((e: { id: string }) => e.id === 'KIPP-2018-016');
    expect(x.total).toBe(scored.total);
    expect(x.rank).toBe(scored.rank);
    expect(recomputeTotal(x)).toBe(scored.total);
    const j04 = x.criteria.novelty!.scores.find((s) => s.judge === 'J04')!;
    expect(j04).toMatchObject({ excluded: 'conflict', normalized: null });
  });

  it('… and with z-scores, trimmed means and category weights (conformance panel)', async () => {
    const report = JSON.parse((await kippIn(['score', ...PANEL, '--format', 'json'])).stdout);
    const ranked = report.entries.filter((e: { rank: number | null }) => e.rank !== null);
    // the last ranked entry, and the first of the inclusive category (its own weights)
    const picks = [ranked[ranked.length - 1], ranked.find((e: { category: string }) => e.category === 'inclusive')];
    for (const scored of picks) {
      const x: Explained = JSON.parse((await kippIn(['explain', scored.id, ...PANEL, '--format', 'json'])).stdout);
      expect(recomputeTotal(x)).toBe(scored.total);
      const trimmed = Object.values(x.criteria).flatMap((k) => k.scores.filter((s) => s.excluded === 'trimmed'));
      expect(trimmed.length).toBeGreaterThan(0);
    }
  });

  it('text output shows the formula; an unknown id is a usage error (exit 2)', async () => {
    const r = await kippIn(['explain', 'KIPP-2018-016', ...EXAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Total = 100 · \(\(/);
    expect(r.stdout).toContain('excluded: conflict of interest');
    expect((await kippIn(['explain', 'KIPP-9999', ...EXAMPLE])).status).toBe(2);
  });
});

describe('kipp sensitivity', () => {
  const args = ['sensitivity', ...PANEL, '--runs', '40', '--seed', '7', '--resample-judges', '--format', 'json'];
  let first: Run;
  beforeAll(async () => {
    first = await kippIn(args);
  });
  it('prints the SPEC 7 shape, the same for the same seed', async () => {
    // the conformance panel holds two data errors: exit 1, as kipp score, with the result printed
    expect(first.status).toBe(1);
    const out = JSON.parse(first.stdout);
    expect(out).toMatchObject({ runs: 40, seed: 7, weight_spread: 5, resample_judges: true });
    // #17.13 added `intervals` (each share's Monte Carlo error) beside the shares
    expect(Object.keys(out.entries[0])).toEqual([
      'id',
      'title',
      'rank',
      'rank_min',
      'rank_max',
      'shortlists',
      'intervals',
      'borderline',
    ]);
    expect(Object.keys(out.entries[0].shortlists)).toEqual(['top-99', 'top-20', 'best-per-category']);
    expect((await kippIn(args)).stdout).toBe(first.stdout);
  });
  it('draws no progress bar when stderr is not a terminal', () => {
    expect(first.stderr).not.toContain('\r');
  });
  it('rejects a bad --runs or --weight-spread with exit 2', async () => {
    expect((await kippIn(['sensitivity', ...PANEL, '--runs', '0'])).status).toBe(2);
    expect((await kippIn(['sensitivity', ...PANEL, '--weight-spread', 'lots'])).status).toBe(2);
  });
});

describe('kipp explain with stages (KIPP 2025: desk 70, presentation 30)', () => {
  const S = 'fixtures/stages';
  const STAGED = [
    `${S}/entries.csv`,
    '--scores',
    `desk=${S}/scores-desk.csv`,
    `presentation=${S}/scores-presentation.csv`,
    '--judges',
    `${S}/judges.csv`,
    '--rubric',
    'rubrics/kipp-2025.yaml',
    '--as-of',
    '2025-06-30',
  ];

  it('each stage total, and the final total, recompute from the explain JSON alone', async () => {
    const report = JSON.parse((await kippIn(['score', ...STAGED, '--format', 'json'])).stdout);
    const r = await kippIn(['explain', 'K25-004', ...STAGED, '--format', 'json']);
    expect(r.status).toBe(0);
    type Staged = Explained & {
      stages: { name: string; weight: number; total: number; rank: number; pass: number | null; met: boolean | null }[];
    };
    const x: Staged = JSON.parse(r.stdout);
    const scored = report.entries.find((e: { id: string }) => e.id === 'K25-004');
    expect(x.stages.map((s) => [s.name, s.weight, s.total, s.rank, s.met])).toEqual([
      ['desk', 70, scored.stages.desk.total, scored.stages.desk.rank, true],
      ['presentation', 30, scored.stages.presentation.total, scored.stages.presentation.rank, null],
    ]);
    for (const stage of x.stages) {
      // one stage's scores only: SPEC 3.4–3.7 within the stage
      const criteria = Object.fromEntries(
        Object.entries(x.criteria).map(([c, k]) => [
          c,
          { ...k, scores: k.scores.filter((s) => (s as { stage?: string }).stage === stage.name) },
        ]),
      );
      expect(recomputeTotal({ ...x, criteria })).toBe(stage.total);
    }
    const final = round6(x.stages.reduce((a, s) => a + s.weight * s.total, 0) / 100);
    expect(final).toBe(scored.total);
    expect(x.total).toBe(91.444445); // the hand-computed figure of test/cli/profiles.test.ts
  });
});

describe('kipp sensitivity with stages', () => {
  it('refuses a staged rubric (exit 2) instead of reporting the first stage as the final ranking', async () => {
    const S = 'fixtures/stages';
    const r = await kippIn([
      'sensitivity',
      `${S}/entries.csv`,
      '--scores',
      `desk=${S}/scores-desk.csv`,
      `presentation=${S}/scores-presentation.csv`,
      '--rubric',
      'rubrics/kipp-2025.yaml',
      '--as-of',
      '2025-06-30',
      '--runs',
      '10',
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/stages/);
  });
});

describe('kipp sensitivity --lang', () => {
  it('labels the table in Indonesian with --lang id, and refuses an unknown language (exit 2)', async () => {
    const args = [
      'sensitivity',
      'fixtures/example/entries.csv',
      '-s',
      'fixtures/example/scores-long.csv',
      'fixtures/example/scores-wide.csv',
      '--runs',
      '10',
    ];
    const id = await kippIn([...args, '--lang', 'id']);
    expect(id.status).toBe(0);
    expect(id.stdout).toContain('Rentang peringkat');
    expect((await kippIn([...args, '--lang', 'xx'])).status).toBe(2);
  });
});

/** A score sheet of fixtures/stages-panel (wide, no quoting): judge → entry → the five scores. */
function sheet(path: string): { entry: string; judge: string; scores: number[] }[] {
  const [, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [entry, judge, ...scores] = row.split(',');
    return { entry: entry!, judge: judge!, scores: scores.map(Number) };
  });
}

/** SPEC 7's bias by hand: the mean over a judge's scores of (score − the other judges' mean on the same entry and criterion). */
function biasByHand(rows: { entry: string; judge: string; scores: number[] }[]): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of rows) {
    const others = rows.filter((o) => o.entry === r.entry && o.judge !== r.judge);
    if (others.length === 0) continue;
    const acc = sums.get(r.judge) ?? { sum: 0, n: 0 };
    r.scores.forEach((x, c) => {
      acc.sum += x - others.reduce((a, o) => a + o.scores[c]!, 0) / others.length;
      acc.n++;
    });
    sums.set(r.judge, acc);
  }
  return new Map([...sums].map(([j, a]) => [j, a.sum / a.n]));
}

describe('#17.1 kipp judges with stages (fixtures/stages-panel, KIPP 2025)', () => {
  const SP = 'fixtures/stages-panel';
  const STAGED = [
    `${SP}/entries.csv`,
    '--scores',
    `desk=${SP}/scores-desk.csv`,
    `presentation=${SP}/scores-presentation.csv`,
    '--judges',
    `${SP}/judges.csv`,
    '--rubric',
    'rubrics/kipp-2025.yaml',
    '--as-of',
    '2025-06-30',
  ];
  const desk = sheet(`${SP}/scores-desk.csv`);
  const presentation = sheet(`${SP}/scores-presentation.csv`);
  let json: Run;
  beforeAll(async () => {
    json = await kippIn(['judges', ...STAGED, '--format', 'json']);
  });
  type Panel = { stage: string; judges: { id: string; bias: number; flags: string[] }[] };

  it("#17.1 the fixture is the issue's case: compared across stages, every desk judge would be lenient and the presentation judges harsh", () => {
    // the old computation: one cell per entry and criterion, the stages pooled (E2, in both, left aside)
    const mixed = biasByHand([...desk, ...presentation]);
    for (const j of ['E1', 'E3', 'E4', 'E5', 'E6']) expect(mixed.get(j)!).toBeGreaterThanOrEqual(0.9);
    for (const j of ['P1', 'P2', 'P3']) expect(mixed.get(j)!).toBeLessThanOrEqual(-0.9);
  });

  it('#17.1 JSON: one profile per judge and stage, each bias the within-stage figure by hand; no judge flagged only because of the stage', () => {
    expect(json.status).toBe(0);
    const p: { stages: Panel[] } = JSON.parse(json.stdout);
    expect(Object.keys(p)).toEqual(['stages']);
    expect(p.stages.map((s) => s.stage)).toEqual(['desk', 'presentation']);
    const [d, pr] = p.stages as [Panel, Panel];
    const want = (rows: typeof desk, panel: Panel) => {
      const hand = biasByHand(rows);
      expect(panel.judges.map((j) => j.id)).toEqual([...hand.keys()].sort());
      for (const j of panel.judges) expect(j.bias).toBeCloseTo(hand.get(j.id)!, 6);
    };
    want(desk, d);
    want(presentation, pr);
    // desk judges agree closely: none flagged; in the presentation only P3, who really is 1.5 points harsher
    expect(d.judges.filter((j) => j.flags.length > 0)).toEqual([]);
    expect(pr.judges.filter((j) => j.flags.length > 0).map((j) => [j.id, j.flags])).toEqual([['P3', ['harsh']]]);
    // E2 sits in both stages and gets a profile in each
    expect(d.judges.some((j) => j.id === 'E2') && pr.judges.some((j) => j.id === 'E2')).toBe(true);
  });

  it('#17.1 table and Markdown head each block with its stage, in English and Indonesian', async () => {
    for (const format of ['table', 'md']) {
      const en = await kippIn(['judges', ...STAGED, '--format', format]);
      expect(en.status).toBe(0);
      const deskAt = en.stdout.indexOf('Stage desk: Desk evaluation');
      const presentationAt = en.stdout.indexOf('Stage presentation: Presentation and interview');
      expect(deskAt).toBeGreaterThanOrEqual(0);
      expect(presentationAt).toBeGreaterThan(deskAt);
      // the desk block flags nobody; the presentation block flags P3 only
      expect(en.stdout.slice(deskAt, presentationAt)).not.toMatch(/\b(harsh|lenient)\s*(\||│)/);
      expect(
        en.stdout
          .slice(presentationAt)
          .match(/^.*\bharsh\s*(\||│).*$/gm)!
          .map((l) => l.match(/\b(E\d|P\d)\b/)![1]),
      ).toEqual(['P3']);
      const id = await kippIn(['judges', ...STAGED, '--format', format, '--lang', 'id']);
      expect(id.stdout).toContain('Tahap desk: Penilaian proposal');
      expect(id.stdout).toContain('Tahap presentation: Presentasi dan wawancara');
    }
  });

  it('#17.1 a stage not scored yet says so, instead of an empty profile', async () => {
    const deskOnly = [
      `${SP}/entries.csv`,
      '--scores',
      `desk=${SP}/scores-desk.csv`,
      '--judges',
      `${SP}/judges.csv`,
      '--rubric',
      'rubrics/kipp-2025.yaml',
      '--as-of',
      '2025-06-30',
    ];
    const table = await kippIn(['judges', ...deskOnly]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/Stage presentation: Presentation and interview\nNo scores in this stage yet\.\n$/);
    const p = JSON.parse((await kippIn(['judges', ...deskOnly, '--format', 'json'])).stdout);
    expect(p.stages[1]).toMatchObject({ stage: 'presentation', judges: [], coverage: { entries: 0 } });
  });

  it('#17.1 the HTML report shows the judges per stage, each under its stage heading', async () => {
    const html = (await kippIn(['score', ...STAGED, '--format', 'html'])).stdout;
    const section = html.slice(
      html.indexOf('<section id="judges"'),
      html.indexOf('</section>', html.indexOf('<section id="judges"')),
    );
    const deskAt = section.indexOf('<h3 id="judges-s0-h" class="stage-panel">Stage desk: Desk evaluation</h3>');
    const presentationAt = section.indexOf(
      '<h3 id="judges-s1-h" class="stage-panel">Stage presentation: Presentation and interview</h3>',
    );
    expect(deskAt).toBeGreaterThanOrEqual(0);
    expect(presentationAt).toBeGreaterThan(deskAt);
    expect(section.slice(deskAt, presentationAt)).not.toContain('class="flag-');
    expect(section.slice(presentationAt)).toContain(
      '<li><strong class="mono">P3</strong>: <span class="flag-harsh">harsh</span>',
    );
    // ids stay unique: one heatmap per stage
    expect(section).toContain('id="heatmap-h-s0"');
    expect(section).toContain('id="heatmap-h-s1"');
  });
});

describe('#17.13 the statistics are named and their coverage shown', () => {
  const SP = 'fixtures/stages-panel';
  const STAGED = [
    `${SP}/entries.csv`,
    '--scores',
    `desk=${SP}/scores-desk.csv`,
    `presentation=${SP}/scores-presentation.csv`,
    '--judges',
    `${SP}/judges.csv`,
    '--rubric',
    'rubrics/kipp-2025.yaml',
    '--as-of',
    '2025-06-30',
  ];

  it("#17.13 ICC(1) and ICC(1,k) of the presentation panel equal a one-way ANOVA of the judges' totals by hand", async () => {
    // 12 finalists × 4 judges, equal weights: a judge's total is 100·(mean of the five − 1)/9
    const rows = sheet(`${SP}/scores-presentation.csv`);
    const totals = new Map<string, number[]>();
    for (const r of rows)
      totals.set(r.entry, [...(totals.get(r.entry) ?? []), (100 * (r.scores.reduce((a, b) => a + b, 0) / 5 - 1)) / 9]);
    const groups = [...totals.values()];
    const k = 4;
    const n = groups.length;
    const grand = groups.flat().reduce((a, b) => a + b, 0) / (n * k);
    const means = groups.map((g) => g.reduce((a, b) => a + b, 0) / k);
    const msb = (k * means.reduce((a, m) => a + (m - grand) ** 2, 0)) / (n - 1);
    const msw = groups.reduce((a, g, i) => a + g.reduce((b, x) => b + (x - means[i]!) ** 2, 0), 0) / (n * (k - 1));
    const p = JSON.parse((await kippIn(['judges', ...STAGED, '--format', 'json'])).stdout).stages[1];
    expect(p.agreement.icc).toBeCloseTo((msb - msw) / (msb + (k - 1) * msw), 6);
    expect(p.agreement.icc_k).toBeCloseTo((msb - msw) / msb, 6);
    expect(p.agreement.icc_k_judges).toBe(4);
    // the desk stage: 19 entries of 3 judges and 1 of 4 → harmonic mean 20/(19/3 + 1/4)
    const d = JSON.parse((await kippIn(['judges', ...STAGED, '--format', 'json'])).stdout).stages[0];
    expect(d.agreement.icc_k_judges).toBeCloseTo(20 / (19 / 3 + 1 / 4), 6);
    // W: K25-120 has a fourth judge, so it is in no complete block
    expect(d.agreement.kendall_w_coverage).toEqual({ entries: 19, entries_scored: 20, judges: 6, judges_scoring: 6 });
  });

  it('#17.13 table, Markdown and HTML name ICC(1) and ICC(1,k) with its k, and say what W covers', async () => {
    for (const format of ['table', 'md']) {
      const out = (await kippIn(['judges', ...EXAMPLE, '--format', format])).stdout;
      expect(out).toMatch(
        /ICC\(1\), one judge \(one-way random effects, single rater, on each judge's own total; 48 entries with 2\+ judges\): 0\.\d\d/,
      );
      expect(out).toMatch(
        /ICC\(1,k\), the panel's mean of k = \d\.\d\d judges \(harmonic mean of judges per entry\): 0\.\d\d/,
      );
      expect(out).toMatch(
        /Kendall's W \(tie-corrected; complete blocks: \d+\): 0\.\d\d — covers \d+ of 48 entries scored, \d+ of \d+ judges/,
      );
      const id = (await kippIn(['judges', ...EXAMPLE, '--format', format, '--lang', 'id'])).stdout;
      expect(id).toMatch(/ICC\(1,k\), rerata panel dari k = \d,?\.?\d\d juri/);
      expect(id).toMatch(/mencakup \d+ dari 48 proposal yang dinilai/);
    }
    const p = JSON.parse((await kippIn(['judges', ...EXAMPLE, '--format', 'json'])).stdout);
    const html = (await kippIn(['score', ...EXAMPLE, '--format', 'html'])).stdout;
    expect(html).toContain('<dt>Intraclass correlation ICC(1): one judge</dt>');
    expect(html).toContain(
      `<dt>ICC(1,k): the panel&#39;s mean of k = ${p.agreement.icc_k_judges.toFixed(2)} judges (harmonic mean per entry)</dt><dd>${p.agreement.icc_k.toFixed(2)}</dd>`,
    );
    const c = p.agreement.kendall_w_coverage;
    expect(html).toContain(
      `(covers ${c.entries} of ${c.entries_scored} entries scored, ${c.judges} of ${c.judges_scoring} judges; ${p.agreement.kendall_w_blocks} complete blocks)`,
    );
  });

  it("#17.13 kipp sensitivity shows each share's 95% interval and the runs behind it; borderline follows the interval", async () => {
    const args = ['sensitivity', ...EXAMPLE, '--runs', '300', '--seed', '5'];
    const table = await kippIn(args);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain(
      'Monte Carlo error: each share is estimated from 300 runs; (low–high) is its 95% Wilson interval (at most ±5.6 percentage points)',
    );
    expect(table.stdout).toMatch(/\d+\.\d% \(\d+\.\d–\d+\.\d\)/);
    const out = JSON.parse((await kippIn([...args, '--format', 'json'])).stdout);
    expect(out.interval).toEqual({
      method: 'wilson',
      confidence: 0.95,
      max_half_width: expect.closeTo(1.96 * Math.sqrt(0.25 / 300), 3),
    });
    for (const e of out.entries) {
      const overlaps = Object.values(e.intervals as Record<string, [number, number]>).some(
        ([lo, hi]) => hi >= 0.05 && lo <= 0.95,
      );
      expect(e.borderline).toBe(overlaps);
      for (const [name, [lo, hi]] of Object.entries(e.intervals as Record<string, [number, number]>)) {
        expect(lo).toBeLessThanOrEqual(e.shortlists[name]);
        expect(hi).toBeGreaterThanOrEqual(e.shortlists[name]);
      }
    }
    expect((await kippIn([...args, '--lang', 'id'])).stdout).toContain(
      'Galat Monte Carlo: setiap persentase ditaksir dari 300 putaran',
    );
  });
});
