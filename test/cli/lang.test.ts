/**
 * #17.11 end to end: `--lang id` (or KIPP_LANG=id) speaks Indonesian in the human output of every
 * command that takes a language, and a language kipp cannot speak is a usage error either way.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_INPUTS, kippIn } from './run.js';

const CONF = 'fixtures/conformance/panel';
const S = 'fixtures/stages';
const EXAMPLE = [...EXAMPLE_INPUTS, '--as-of', '2026-11-22'];
// z-scores, a trimmed mean, category weights, pass marks, per-category shortlists, diagnostics
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
// stages, groups, min_per quotas
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

/**
 * English words kipp itself writes around the data (headers, sentences, method names), as whole
 * words. The inputs here hold none of them as text the reports show: titles, agencies and labels
 * are Indonesian; ids such as `novelty` and shortlist names such as `best-per-category` are
 * identifiers, not words, and are left out of the check by being absent from this list.
 */
const ENGLISH = [
  'Rubric',
  'scale',
  'weight',
  'Weights',
  'Thresholds',
  'shared',
  'every',
  'borderline',
  'entries',
  'entry',
  'trimmed',
  'zscore',
  'mean',
  'Total',
  'Rank',
  'Shortlists',
  'Category',
  'passed',
  'none',
  'met',
  'missed',
  'yes',
  'Judges',
  'Agreement',
  'Coverage',
  'version',
  'stage',
  'runs',
  'seed',
  'percentage',
  'ranked',
  'excluded',
  'conflict',
  'above',
  'below',
  'separated',
  'order',
  'Criterion',
  'criteria',
  'Reference',
  'Produced',
  'Report',
  'Contents',
  'Summary',
  'Ranking',
  'Search',
  'Filter',
  'Score',
  'tie',
  'cut',
  'hidden',
  'widen',
  'Title',
  'Agency',
  'Mean',
  'Best',
  'Lowest',
  'Legend',
  'Input',
  'errors',
  'warning',
  'warnings',
  'months',
  'least',
  'most',
  'the',
  'and',
  'with',
  'of',
  'not',
  'Stage',
  'Flags',
  'Judge',
  'Spread',
  'Disagreements',
  'judges',
];
// reason codes (`too-few-judges`, `stage:desk`) and file paths (`entries.csv`) are identifiers: a word inside one is not a word
const ENGLISH_WORD = new RegExp(`(?<![\\w:/-])(${ENGLISH.join('|')})(?![\\w:./-])`, 'g');

/** The text a reader sees: in HTML, outside tags, scripts and styles, and outside the input problems (diagnostics stay English). */
function readable(out: string, html: boolean): string {
  if (!html) return out;
  return out
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<section id="problems"[\s\S]*?<\/section>/g, '')
    .replace(/<[^>]+>/g, ' ');
}

describe('#17.11: --lang id leaves no English in the human output', () => {
  const last = async () => {
    const report = JSON.parse((await kippIn(['score', ...PANEL, '--format', 'json'])).stdout);
    const ranked = report.entries.filter((e: { rank: number | null }) => e.rank !== null);
    return ranked[ranked.length - 1].id as string; // below a pass mark, a neighbour above only
  };
  const LAST = '(the last ranked entry of the panel)'; // found when the test runs
  const runs: [string, string[], boolean?][] = [
    ['score table', ['score', ...EXAMPLE]],
    ['score table, narrow', ['score', ...EXAMPLE]],
    ['score md', ['score', ...PANEL, '--format', 'md']],
    ['score html', ['score', ...PANEL, '--format', 'html'], true],
    ['score table, stages', ['score', ...STAGED]],
    ['judges table', ['judges', ...EXAMPLE]],
    ['judges md', ['judges', ...EXAMPLE, '--format', 'md']],
    ['explain', ['explain', 'KIPP-2018-016', ...EXAMPLE]],
    ['explain, z-scores and a trimmed mean', ['explain', LAST, ...PANEL]],
    ['explain, stages', ['explain', 'K25-004', ...STAGED]],
    ['sensitivity', ['sensitivity', ...EXAMPLE, '--runs', '20', '--resample-judges']],
    ['rubric show', ['rubric', 'show', 'rubrics/kipp-2025.yaml']],
    ['rubric show md', ['rubric', 'show', `${CONF}/rubric.yaml`, '--format', 'md']],
  ];
  for (const [name, argv, html] of runs) {
    it(`#17.11: ${name}`, async () => {
      const args = await Promise.all(argv.map(async (a) => (a === LAST ? await last() : a)));
      const r = await kippIn([...args, '--lang', 'id'], { env: { COLUMNS: name.includes('narrow') ? '60' : '200' } });
      expect(r.status === 0 || r.status === 1).toBe(true); // the panel has data errors (exit 1), and is still reported
      expect(r.stdout).not.toBe('');
      const left = [...new Set([...readable(r.stdout, html === true).matchAll(ENGLISH_WORD)].map((m) => m[1]))];
      expect(left).toEqual([]);
      // and the same command in English does say some of these words: the list can catch them
      const en = await kippIn(args, { env: { COLUMNS: '200' } });
      expect([...readable(en.stdout, html === true).matchAll(ENGLISH_WORD)].length).toBeGreaterThan(0);
    });
  }

  it('#17.11: the HTML names its methods for people: no bare "trimmed" or "zscore"', async () => {
    const id = (await kippIn(['score', ...PANEL, '--format', 'html', '--lang', 'id'])).stdout;
    expect(id).toContain('<dd>rata-rata terpangkas (1)</dd>');
    expect(id).toContain('<dd>skor-z per juri dan kriteria</dd>');
    const en = (await kippIn(['score', ...PANEL, '--format', 'html'])).stdout;
    expect(en).toContain('<dd>trimmed mean (1)</dd>');
    expect(en).toContain('<dd>z-score per judge and criterion</dd>');
  });

  it('#17.11: KIPP_LANG=id says what --lang id says', async () => {
    for (const args of [
      ['explain', 'KIPP-2018-016', ...EXAMPLE],
      ['rubric', 'show'],
    ]) {
      const viaFlag = await kippIn([...args, '--lang', 'id']);
      const viaEnv = await kippIn(args, { env: { KIPP_LANG: 'id' } });
      expect(viaEnv.status).toBe(0);
      expect(viaEnv.stdout).toBe(viaFlag.stdout);
    }
  });
});

describe('#17.11: a language kipp cannot speak', () => {
  const commands: [string, string[]][] = [
    ['score', ['score', ...EXAMPLE]],
    ['judges', ['judges', ...EXAMPLE]],
    ['explain', ['explain', 'KIPP-2018-016', ...EXAMPLE]],
    ['sensitivity', ['sensitivity', ...EXAMPLE, '--runs', '5']],
    ['rubric show', ['rubric', 'show']],
  ];
  for (const [name, args] of commands) {
    it(`#17.11: ${name}: KIPP_LANG=fr is a usage error (exit 2) naming the variable and the choices, as --lang fr is`, async () => {
      const env = await kippIn(args, { env: { KIPP_LANG: 'fr' } });
      expect(env.status).toBe(2);
      expect(env.stdout).toBe('');
      expect(env.stderr).toContain('KIPP_LANG=fr: use en or id');
      const flag = await kippIn([...args, '--lang', 'fr']);
      expect(flag.status).toBe(2);
      expect(flag.stderr).toContain('--lang fr: use en or id');
      // an explicit --lang wins over the variable; an empty variable is unset
      expect((await kippIn([...args, '--lang', 'en'], { env: { KIPP_LANG: 'fr' } })).status).toBe(0);
      expect((await kippIn(args, { env: { KIPP_LANG: '' } })).status).toBe(0);
    });
  }
});
