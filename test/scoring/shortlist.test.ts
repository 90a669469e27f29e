/**
 * Proportional shortlists (`min_per`): quotas per value first, then the remaining places by
 * rank. Ranks and expected shortlists are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { parseRubric } from '../../src/io/rubric.js';
import type { ShortlistRule } from '../../src/model/rubric.js';
import { scoreCompetition } from '../../src/scoring/score.js';
import { drawShortlist, type Candidate } from '../../src/scoring/shortlist.js';
import { competition, entry, rubricFrom, scoreRows } from '../helpers.js';

const CATEGORIES = ['governance', 'transparency', 'collaboration', 'inclusive'];

function candidate(id: string, rank: number, category: string, extra: Partial<Candidate> = {}): Candidate {
  return { id, rank, category, group: null, categoryRank: null, agencyType: null, region: null, ...extra };
}

describe('a proportional shortlist end to end', () => {
  // One criterion on 0–10: total = 10 × score. Totals: A 95, B 90, C 85, D 80, E 75, F 60.
  const rubric = rubricFrom(`
name: Proporsional
scale: { min: 0, max: 10 }
criteria: { q: { weight: 100 } }
shortlists:
  - { name: top-4, size: 4 }
  - { name: top-4-proportional, size: 4, min_per: { category: 1 } }
`);
  const entries = [
    entry({ id: 'A', category: 'governance', title: 'Smart Kampung' }),
    entry({ id: 'B', category: 'governance', title: 'E-Musrenbang' }),
    entry({ id: 'C', category: 'transparency', title: 'SIMBARA' }),
    entry({ id: 'D', category: 'governance', title: 'Lorong Wisata' }),
    entry({ id: 'E', category: 'governance', title: 'Sapa Warga' }),
    entry({ id: 'F', category: 'inclusive', title: 'Library Café' }),
  ];
  const scores = {
    A: { J1: [9.5] },
    B: { J1: [9] },
    C: { J1: [8.5] },
    D: { J1: [8] },
    E: { J1: [7.5] },
    F: { J1: [6] },
  };
  const result = scoreCompetition(competition(rubric, entries, scoreRows(scores, ['q'])));
  const members = (name: string) => result.entries.filter((e) => e.shortlists.includes(name)).map((e) => e.id);

  it('rank alone takes A, B, C, D', () => {
    expect(members('top-4')).toEqual(['A', 'B', 'C', 'D']);
  });

  it('the inclusive quota pulls in F (rank 6) and D (rank 4) is left out', () => {
    // Quotas, in the rubric's category order: governance → A, transparency → C, collaboration →
    // none, inclusive → F. One place is left: the best of the rest by rank, B.
    expect(members('top-4-proportional')).toEqual(['A', 'B', 'C', 'F']);
    expect(result.entries.find((e) => e.id === 'F')!.rank).toBe(6);
    expect(result.shortlists[1]).toEqual({
      name: 'top-4-proportional',
      size: 4,
      taken: 4,
      cutoff_tie: false,
      by_quota: ['F'],
    });
  });

  it('a plain shortlist reports no by_quota (reports stay as they were)', () => {
    expect(result.shortlists[0]).toEqual({ name: 'top-4', size: 4, taken: 4, cutoff_tie: false });
  });
});

describe('drawShortlist with min_per', () => {
  const rule = (minPer: ShortlistRule['minPer'], size: number): ShortlistRule => ({
    name: 'x',
    size,
    perCategory: false,
    minPer,
  });

  it('an entry already taken by one quota counts for the others', () => {
    // agency_type city: A is a city and was taken for governance; no second city is needed.
    const pool = [
      candidate('A', 1, 'governance', { agencyType: 'city' }),
      candidate('B', 2, 'governance', { agencyType: 'regency' }),
      candidate('C', 3, 'inclusive', { agencyType: 'city' }),
      candidate('D', 4, 'transparency', { agencyType: 'ministry' }),
    ];
    const out = drawShortlist(rule({ category: 1, agency_type: 1 }, 4), pool, CATEGORIES);
    // category: A (governance), C (inclusive), D (transparency); agency_type (sorted: city,
    // ministry, regency): city has A, ministry has D, regency → B.
    expect(out.taken).toEqual(['A', 'B', 'C', 'D']);
    expect(out.cutoffTie).toBe(false);
  });

  it("a tie at a quota's minimum takes every tied entry and reports it", () => {
    // Two provinces tie at rank 3 for the one province place; then one place by rank: A.
    const pool = [
      candidate('A', 1, 'governance', { agencyType: 'city' }),
      candidate('B', 2, 'governance', { agencyType: 'city' }),
      candidate('C', 3, 'governance', { agencyType: 'province' }),
      candidate('D', 3, 'governance', { agencyType: 'province' }),
    ];
    const out = drawShortlist(rule({ agency_type: 1 }, 3), pool, CATEGORIES);
    // city → A; province → C, and D tied with C. Three taken: no place left for B.
    expect(out.taken).toEqual(['A', 'C', 'D']);
    expect(out.cutoffTie).toBe(true);
  });

  it("the remaining places keep SPEC's cut-off tie rule", () => {
    const pool = [
      candidate('A', 1, 'inclusive'),
      candidate('B', 2, 'governance'),
      candidate('C', 2, 'governance'),
      candidate('D', 4, 'governance'),
    ];
    const out = drawShortlist(rule({ category: 1 }, 3), pool, CATEGORIES);
    // inclusive → A, governance → B and C (tied at rank 2): 3 taken, nothing left to fill.
    expect(out.taken).toEqual(['A', 'B', 'C']);
    const fill = drawShortlist(
      rule({ category: 1 }, 2),
      [candidate('A', 1, 'inclusive'), candidate('B', 2, 'inclusive'), candidate('C', 2, 'inclusive')],
      CATEGORIES,
    );
    // inclusive → A; one place by rank from B, C tied at 2: both, with cutoff_tie.
    expect(fill).toMatchObject({ taken: ['A', 'B', 'C'], cutoffTie: true });
  });

  it('regions are free text: every region present gets its minimum', () => {
    const pool = [
      candidate('A', 1, 'governance', { region: 'dki jakarta' }),
      candidate('B', 2, 'governance', { region: 'dki jakarta' }),
      candidate('C', 3, 'governance', { region: 'papua barat' }),
      candidate('D', 4, 'governance', { region: 'banten' }),
    ];
    expect(drawShortlist(rule({ region: 1 }, 3), pool, CATEGORIES).taken).toEqual(['A', 'C', 'D']);
  });

  it('group: restricts the pool before the quotas', () => {
    const pool = [
      candidate('A', 1, 'governance', { group: 'general' }),
      candidate('B', 2, 'inclusive', { group: 'replication' }),
      candidate('C', 3, 'inclusive', { group: 'general' }),
    ];
    const out = drawShortlist({ ...rule({ category: 1 }, 1), group: 'general' }, pool, CATEGORIES, [
      'general',
      'replication',
    ]);
    // general only: A (governance) and C (inclusive) both by quota, over the size of 1.
    expect(out.taken).toEqual(['A', 'C']);
  });
});

describe('min_per in the rubric', () => {
  const problems = (shortlist: string, extra = '') =>
    parseRubric(
      `name: x\nscale: { min: 1, max: 10 }\n${extra}shortlists:\n  - ${shortlist}\n`,
      'r.yaml',
    ).diagnostics.map((d) => [d.code, d.field]);

  it('quotas that cannot fit the size are invalid-rubric', () => {
    // 4 categories × 2 + 7 agency types × 1 = 15 places needed, size 10.
    expect(problems('{ name: t, size: 10, min_per: { category: 2, agency_type: 1 } }')).toEqual([
      ['invalid-rubric', 'shortlists.0.min_per'],
    ]);
    expect(problems('{ name: t, size: 15, min_per: { category: 2, agency_type: 1 } }')).toEqual([]);
  });
  it('region quotas depend on the data: not checked against the size', () => {
    expect(problems('{ name: t, size: 5, min_per: { region: 3 } }')).toEqual([]);
  });
  it('an unknown field, group without groups, and per_category with min_per are errors', () => {
    expect(problems('{ name: t, size: 50, min_per: { province: 1 } }').map(([c]) => c)).toEqual(['invalid-rubric']);
    expect(problems('{ name: t, size: 50, min_per: { group: 1 } }')).toEqual([
      ['invalid-rubric', 'shortlists.0.min_per'],
    ]);
    expect(problems('{ name: t, size: 50, per_category: true, min_per: { category: 1 } }')).toEqual([
      ['invalid-rubric', 'shortlists.0.min_per'],
    ]);
  });
  it('groups count: 3 groups × 2 + 4 categories × 1 = 10', () => {
    const groups = 'groups: { general: {}, replication: {}, special: {} }\n';
    expect(problems('{ name: t, size: 9, min_per: { group: 2, category: 1 } }', groups)).toEqual([
      ['invalid-rubric', 'shortlists.0.min_per'],
    ]);
    expect(problems('{ name: t, size: 10, min_per: { group: 2, category: 1 } }', groups)).toEqual([]);
  });
});

describe('#17.2: shortlist-over-size is about min_per quotas only', () => {
  // One criterion on 0–10: total = 10 × score. A 95 (Jakarta, governance), B 90 (Jakarta,
  // transparency), C 85 (Papua Barat, collaboration), D 80 (Banten, inclusive).
  const entries = [
    entry({ id: 'A', category: 'governance', region: 'DKI Jakarta' }),
    entry({ id: 'B', category: 'transparency', region: 'DKI Jakarta' }),
    entry({ id: 'C', category: 'collaboration', region: 'Papua Barat' }),
    entry({ id: 'D', category: 'inclusive', region: 'Banten' }),
  ];
  const scores = scoreRows({ A: { J1: [9.5] }, B: { J1: [9] }, C: { J1: [8.5] }, D: { J1: [8] } }, ['q']);
  const run = (shortlist: string) =>
    scoreCompetition(
      competition(
        rubricFrom(
          `name: t\nscale: { min: 0, max: 10 }\ncriteria: { q: { weight: 100 } }\nshortlists:\n  - ${shortlist}\n`,
        ),
        entries,
        scores,
      ),
    );
  const codes = (r: ReturnType<typeof run>) => r.diagnostics.map((d) => d.code);

  it('#17.2: a per_category shortlist of 1 takes one in each of four categories: no warning', () => {
    const r = run('{ name: best, size: 1, per_category: true }');
    expect(r.shortlists[0]).toEqual({ name: 'best', size: 1, taken: 4, cutoff_tie: false });
    expect(codes(r)).toEqual([]);
  });

  it('#17.2: region quotas of 1 in three regions need 3 places of a size 2: the warning, with the places', () => {
    const r = run('{ name: spread, size: 2, min_per: { region: 1 } }');
    // Jakarta → A, Papua Barat → C, Banten → D: three places by quota, none left by rank.
    expect(r.entries.filter((e) => e.shortlists.includes('spread')).map((e) => e.id)).toEqual(['A', 'C', 'D']);
    expect(codes(r)).toEqual(['shortlist-over-size']);
    expect(r.diagnostics[0]!.message).toContain('quotas alone take 3 places');
  });

  it('#17.2: quotas that fit, with a tie at a quota: cutoff-tie only (the tied entry is no quota place)', () => {
    // A and B tie at 90 in Jakarta: the Jakarta quota of 1 takes both; Papua Barat → C,
    // Banten → D. Quota places 3 = size 3; 4 taken because of the tie.
    const tied = scoreRows({ A: { J1: [9] }, B: { J1: [9] }, C: { J1: [8.5] }, D: { J1: [8] } }, ['q']);
    const r = scoreCompetition(
      competition(
        rubricFrom(
          'name: t\nscale: { min: 0, max: 10 }\ncriteria: { q: { weight: 100 } }\nshortlists:\n  - { name: spread, size: 3, min_per: { region: 1 } }\n',
        ),
        entries,
        tied,
      ),
    );
    expect(r.shortlists[0]).toMatchObject({ taken: 4, cutoff_tie: true });
    expect(codes(r)).toEqual(['cutoff-tie']);
  });
});
