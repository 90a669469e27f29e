/**
 * The `kipp sensitivity` formatters: table (the entries whose place is not certain, and every
 * entry that entered a shortlist in some run) and json (every ranked entry). Every share is
 * shown with its Monte Carlo error (the 95% Wilson interval) and the number of runs behind it.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { SensitivityResult } from '../../analytics/sensitivity.js';
import type { Rubric } from '../../model/rubric.js';
import { shortlistLabel, word, type Lang } from '../shared/labels.js';
import { cellText, safeText } from '../shared/text.js';

export const SENSITIVITY_FORMATS = ['table', 'json'] as const;
export type SensitivityFormat = (typeof SENSITIVITY_FORMATS)[number];

export interface SensitivityReportOptions {
  lang: Lang;
  color: boolean;
  rubric: Rubric;
}

const percent = (share: number): string => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
const points = (share: number): string => (Math.round(share * 1000) / 10).toFixed(1);

/** `77.5% (74.8–80.0)`: the share and its 95% interval; the share alone when it is exact. */
function shareCell(share: number, interval: readonly [number, number] | undefined): string {
  if (!interval || (interval[0] === share && interval[1] === share)) return percent(share);
  return `${percent(share)} (${points(interval[0])}–${points(interval[1])})`;
}

export function formatSensitivityTable(r: SensitivityResult, o: SensitivityReportOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const names = o.rubric.shortlists.map((s) => s.name);
  const out: string[] = [];
  out.push(
    `${word('sensitivity_runs', o.lang, { runs: r.runs, seed: r.seed, p: r.weight_spread })}${r.resample_judges ? word('sensitivity_resample', o.lang) : ''}`,
  );
  const shown = r.entries.filter(
    (e) => Object.values(e.shortlists).some((share) => share > 0) || e.rank_min !== e.rank_max,
  );
  const inAny = r.entries.filter((e) => Object.values(e.shortlists).some((share) => share > 0));
  const rows = names.length > 0 ? inAny : shown;
  if (rows.length > 0) {
    const t = new Table({
      head: [
        word('rank', o.lang),
        word('id', o.lang),
        word('title', o.lang),
        word('range', o.lang),
        ...names.map((n) => shortlistLabel(o.rubric, n, o.lang)),
        '',
      ].map((h) => c.bold(h)),
      style: { head: [], border: [], compact: true },
      colAligns: ['right', 'left', 'left', 'right', ...names.map(() => 'right' as const), 'left'],
    });
    for (const e of rows) {
      const cells = [
        String(e.rank),
        safeText(e.id),
        cellText(e.title, 30),
        e.rank_min === e.rank_max ? String(e.rank_min) : `${e.rank_min}–${e.rank_max}`,
        ...names.map((n) => shareCell(e.shortlists[n] ?? 0, e.intervals[n])),
        e.borderline ? word('borderline', o.lang) : '',
      ];
      t.push(e.borderline ? cells.map((x) => c.yellow(x)) : cells);
    }
    out.push(t.toString());
  }
  const borderline = r.entries.filter((e) => e.borderline).length;
  if (r.interval.max_half_width > 0)
    out.push(word('mc_error', o.lang, { runs: r.runs, h: points(r.interval.max_half_width) }));
  out.push(word('borderline_count', o.lang, { n: borderline, m: r.entries.length }));
  if (names.length > 0 && rows.length < r.entries.length)
    out.push(word('sensitivity_never', o.lang, { n: r.entries.length - rows.length }));
  return `${out.join('\n')}\n`;
}

export const sensitivityFormatters = {
  table: formatSensitivityTable,
  json: (r: SensitivityResult) => `${JSON.stringify(r, null, 2)}\n`,
} satisfies Record<SensitivityFormat, (r: SensitivityResult, o: SensitivityReportOptions) => string>;
