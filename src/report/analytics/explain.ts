/**
 * The `kipp explain` formatters: text (a derivation a reader can follow and redo by hand) and
 * json. Numbers show up to 6 decimals, as the JSON report holds them.
 */
import type { ExplainedDecisions, ExplainedShortlist, Explanation } from '../../analytics/explain.js';
import type { AppliedDecision } from '../../model/decisions.js';
import { decisionLine } from '../shared/decisions.js';
import type { Rubric } from '../../model/rubric.js';
import {
  categoryLabel,
  criterionLabel,
  normalizationName,
  placesText,
  shortlistLabel,
  word,
  type Lang,
  type Word,
} from '../shared/labels.js';
import { safeText } from '../shared/text.js';
import { round6 } from '../../scoring/round.js';
import { pushAll } from '../../model/arrays.js';

export const EXPLAIN_FORMATS = ['text', 'json'] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

export interface ExplainReportOptions {
  lang: Lang;
  rubric: Rubric;
}

/** Up to 6 decimals, no trailing zeros (the report's value). */
const n6 = (x: number | null): string => (x === null ? '–' : String(round6(x)));

export function formatExplainText(x: Explanation, o: ExplainReportOptions): string {
  const { rubric, lang } = o;
  const t = (w: Word, values: Record<string, string | number> = {}) => word(w, lang, values);
  const method = (m: 'mean' | 'median') => word(m === 'median' ? 'method_median' : 'method_mean', lang);
  const out: string[] = [];
  out.push(
    `${safeText(x.id)} · ${safeText(x.title)} · ${safeText(x.agency)} · ${safeText(categoryLabel(rubric, x.category, lang))}`,
  );
  const agg =
    x.aggregation.method === 'trimmed'
      ? t('explain_trimmed', { k: x.aggregation.trim!, n: 2 * x.aggregation.trim! })
      : method(x.aggregation.method);
  out.push(
    t('explain_rubric', {
      name: safeText(rubric.name),
      min: x.scale.min,
      max: x.scale.max,
      norm: normalizationName(x.normalization.method, lang),
      agg,
    }),
  );
  out.push(
    t('explain_weights', {
      from: x.weights_from === 'category' ? `category_weights.${x.category}` : t('explain_weights_criteria'),
      list: Object.entries(x.weights)
        .map(([c, w]) => `${c} ${w}`)
        .join(', '),
    }),
  );
  if (x.normalization.method === 'zscore') out.push(t('explain_zscore'));
  if (x.normalization.method === 'severity') out.push(t('explain_severity'));
  out.push('');
  for (const [c, k] of Object.entries(x.criteria)) {
    out.push(t('explain_criterion', { label: criterionLabel(rubric, c, lang), id: c, w: k.weight }));
    const z = x.normalization.criteria?.[c];
    if (z) out.push(`  μ_c ${n6(z.mean)}, σ_c ${n6(z.sd)}`);
    for (const s of k.scores) {
      const jz = z?.judges[s.judge];
      const norm =
        s.normalized === null
          ? ''
          : x.normalization.method === 'none'
            ? ''
            : `  → ${n6(s.normalized)}${jz ? `  (μ_jc ${n6(jz.mean)}, σ_jc ${n6(jz.sd)})` : ''}${s.severity !== undefined ? `  (s_jc ${n6(s.severity)})` : ''}`;
      const why =
        s.excluded === 'conflict'
          ? `  ${t('explain_conflict')}`
          : s.excluded === 'trimmed'
            ? `  ${t('explain_trimmed_out')}`
            : '';
      out.push(
        `  ${s.stage !== undefined ? `${safeText(s.stage).padEnd(14)} ` : ''}${safeText(s.judge).padEnd(10)} ${n6(s.raw).padStart(5)}${norm}${why}`,
      );
    }
    const used = k.scores.filter((s) => s.excluded === null).map((s) => n6(s.normalized));
    if (x.stages) out.push(k.value === null ? '  s = –' : `  s = ${n6(k.value)} ${t('explain_staged_s')}`);
    else
      out.push(
        k.value === null
          ? `  s = – ${t('explain_no_scores')}`
          : `  s = ${method(x.aggregation.method === 'median' ? 'median' : 'mean')}(${used.join(', ')}) = ${n6(k.value)}`,
      );
    out.push('');
  }
  const present = Object.entries(x.criteria).filter(([, k]) => k.value !== null);
  const sw = present.reduce((a, [, k]) => a + k.weight, 0);
  const sum = present.map(([, k]) => `${k.weight}·${n6(k.value)}`).join(' + ');
  if (x.stages) {
    for (const st of x.stages) {
      const mark =
        st.pass === null
          ? ''
          : `, ${t('explain_stage_pass', { p: st.pass, met: st.met === null ? '–' : st.met ? t('explain_met') : t('explain_not_met') })}`;
      out.push(
        `${t('explain_stage', { name: safeText(st.name), w: st.weight, total: n6(st.total), rank: st.rank ?? '–' })}${mark}`,
      );
    }
  }
  const total = t('explain_total');
  if (x.total !== null && x.stages) {
    out.push(`${total} = (${x.stages.map((st) => `${st.weight}·${n6(st.total)}`).join(' + ')}) / 100 = ${n6(x.total)}`);
    out.push(`  ${t('explain_staged_total')}`);
  } else if (x.total !== null) {
    out.push(
      `${total} = 100 · ((${sum}) / ${sw} − ${x.scale.min}) / (${x.scale.max} − ${x.scale.min}) = ${n6(x.total)}`,
    );
    out.push(`  ${t('explain_unrounded')}`);
  } else {
    out.push(
      `${total}: – (${t('explain_not_ranked')}: ${x.flags.map((f) => (f === 'incomplete' || f === 'ineligible' ? word(f, lang) : f)).join(', ')}: ${x.reasons.join(', ')})`,
    );
  }
  if (x.rank !== null) {
    const order = x.tie_break.order
      .map((k) => (k === 'total' ? word('total', lang).toLowerCase() : k))
      .join(t('explain_then'));
    out.push(
      t('explain_rank', {
        rank: x.rank,
        shared: x.tied ? t('explain_shared') : '',
        cat: x.category_rank ?? '–',
        order,
      }),
    );
    for (const [side, nb] of [
      ['explain_above', x.tie_break.above],
      ['explain_below', x.tie_break.below],
    ] as const) {
      if (!nb) continue;
      const how =
        nb.decided_by === null
          ? t('explain_equal')
          : nb.decided_by === 'total'
            ? t('explain_by_total', { total: n6(nb.total) })
            : t('explain_by_criterion', { c: nb.decided_by });
      out.push(`  ${t('explain_neighbour', { side: t(side), id: safeText(nb.id), rank: nb.rank, how })}`);
    }
  }
  const checks: string[] = [];
  const verdict = (met: boolean | null) => (met === null ? '–' : met ? t('explain_met') : t('explain_missed'));
  if (x.thresholds.total)
    checks.push(`${word('total', lang).toLowerCase()} ≥ ${x.thresholds.total.min}: ${verdict(x.thresholds.total.met)}`);
  for (const [c, th] of Object.entries(x.thresholds.criteria))
    checks.push(`${c} ≥ ${th.min}: ${verdict(th.met)} (${n6(th.value)})`);
  out.push(
    `${t('explain_thresholds')}: ${checks.length > 0 ? checks.join('; ') : word('none', lang)}${x.total !== null ? ` → ${x.passed ? t('explain_passed') : t('explain_not_passed')}` : ''}`,
  );
  out.push(
    `${t('explain_shortlists')}: ${x.shortlists.length > 0 ? x.shortlists.map((s) => `${shortlistLabel(rubric, s.name, lang)} ${word(s.included ? 'yes' : 'no', lang)}${s.at_tied_cut ? ` (${word('at_tied_cut', lang)})` : ''}`).join(', ') : word('none', lang)}`,
  );
  // The tie is a fact about the shortlist, said once per tie; the entry is marked above only when it is one of the tied.
  for (const s of x.shortlists) for (const line of cutTieLines(s, rubric, lang)) out.push(`  ${line}`);
  if (x.decisions) pushAll(out, ['', ...decisionLinesOf(x, x.decisions, rubric, lang)]);
  return `${out.join('\n')}\n`;
}

/** The derivation's end with --decisions: the decisions that touched the entry, then its final place. */
function decisionLinesOf(x: Explanation, d: ExplainedDecisions, rubric: Rubric, lang: Lang): string[] {
  const out = [`${word('explain_decisions', lang, { file: safeText(d.file) })}:`];
  if (d.refused) return [...out, `  ${word('explain_refused', lang)}`];
  const told = (a: AppliedDecision) => {
    const { what, who } = decisionLine({ rubric }, a, lang);
    return { what: safeText(what), who: safeText(who) };
  };
  for (const a of d.applied) {
    const { what, who } = told(a);
    out.push(`  ${what} — ${who}`);
  }
  for (const a of d.removed_above) {
    const { what, who } = told(a);
    out.push(`  ${word('explain_removed_above', lang, { what })} — ${who}`);
  }
  if (d.applied.length === 0 && d.removed_above.length === 0) out.push(`  ${word('explain_no_decision', lang)}`);
  const was = (changed: boolean, v: string | number | null) =>
    changed ? ` (${word('explain_was', lang, { v: v ?? '–' })})` : '';
  const lists =
    d.final.shortlists.length > 0
      ? d.final.shortlists
          .map(
            (s) =>
              `${shortlistLabel(rubric, s.name, lang)} ${word(s.included ? 'yes' : 'no', lang)}${was(s.included !== s.before, word(s.before ? 'yes' : 'no', lang))}`,
          )
          .join(', ')
      : word('none', lang);
  const f = d.final;
  pushAll(out, [
    f.rank === null
      ? word('explain_final_unranked', lang, { flags: [...f.flags].join(', '), lists })
      : word('explain_final', lang, {
          rank: `${f.rank}${was(f.rank !== x.rank, x.rank)}`,
          shared: f.tied ? word('explain_shared', lang) : '',
          cat: `${f.category_rank ?? '–'}${was(f.category_rank !== x.category_rank, x.category_rank)}`,
          lists,
        }),
  ]);
  return out;
}

/** "Top 45 has a tie at its cut-off (rank 45: 2 entries for 1 place): the jury must decide", per tie. */
export function cutTieLines(s: ExplainedShortlist, rubric: Rubric, lang: Lang): string[] {
  const name = shortlistLabel(rubric, s.name, lang);
  if (s.cutoff_tie && s.cut_ties.length === 0) return [`${name}: ${word('cutoff_tie', lang)}`];
  return s.cut_ties.map((t) => {
    const values = { s: name, r: t.rank, k: t.entries.length, p: placesText(t.places, lang) };
    if (t.min_per !== undefined) {
      const value = t.min_per.field === 'category' ? categoryLabel(rubric, t.min_per.value, lang) : t.min_per.value;
      return word('cut_tie_quota', lang, {
        ...values,
        n: t.min_per.min,
        f: word(t.min_per.field, lang).toLowerCase(),
        v: safeText(value),
      });
    }
    if (t.category !== undefined)
      return word('cut_tie_in', lang, { ...values, c: categoryLabel(rubric, t.category, lang) });
    return word('cut_tie', lang, values);
  });
}

export const explainFormatters = {
  text: formatExplainText,
  json: (x: Explanation) => `${JSON.stringify(x, null, 2)}\n`,
} satisfies Record<ExplainFormat, (x: Explanation, o: ExplainReportOptions) => string>;
