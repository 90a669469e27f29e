/**
 * The `kipp explain` formatters: text (a derivation a reader can follow and redo by hand) and
 * json. Numbers show up to 6 decimals, as the JSON report holds them.
 */
import type { Explanation } from '../../analytics/explain.js';
import type { Rubric } from '../../model/rubric.js';
import { categoryLabel, criterionLabel, shortlistLabel, type Lang } from '../labels.js';
import { safeText } from '../text.js';
import { round6 } from '../../scoring/round.js';

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
  const out: string[] = [];
  out.push(`${safeText(x.id)} · ${safeText(x.title)} · ${safeText(x.agency)} · ${safeText(categoryLabel(rubric, x.category, lang))}`);
  const agg = x.aggregation.method === 'trimmed' ? `trimmed mean (drop the ${x.aggregation.trim} highest and ${x.aggregation.trim} lowest, when more than ${2 * x.aggregation.trim!} scores)` : x.aggregation.method === 'median' ? 'median' : 'mean';
  out.push(`Rubric "${safeText(rubric.name)}": scale ${x.scale.min}–${x.scale.max}, normalization ${x.normalization.method}, aggregation ${agg}`);
  out.push(`Weights (${x.weights_from === 'category' ? `category_weights.${x.category}` : 'criteria'}): ${Object.entries(x.weights).map(([c, w]) => `${c} ${w}`).join(', ')}`);
  if (x.normalization.method === 'zscore') out.push("z-score: x' = μ_c + σ_c · (x − μ_jc) / σ_jc  (x' = μ_c where σ_jc = 0)");
  if (x.normalization.method === 'severity') out.push("severity: x' = x − s_jc  (s_jc: the judge's fitted severity on the criterion; Σ s_jc = 0 over the judges of each connected piece)");
  out.push('');
  for (const [c, k] of Object.entries(x.criteria)) {
    out.push(`${criterionLabel(rubric, c, lang)} [${c}], weight ${k.weight}`);
    const z = x.normalization.criteria?.[c];
    if (z) out.push(`  μ_c ${n6(z.mean)}, σ_c ${n6(z.sd)}`);
    for (const s of k.scores) {
      const jz = z?.judges[s.judge];
      const norm = s.normalized === null ? '' : x.normalization.method === 'none' ? '' : `  → ${n6(s.normalized)}${jz ? `  (μ_jc ${n6(jz.mean)}, σ_jc ${n6(jz.sd)})` : ''}${s.severity !== undefined ? `  (s_jc ${n6(s.severity)})` : ''}`;
      const why = s.excluded === 'conflict' ? '  excluded: conflict of interest' : s.excluded === 'trimmed' ? '  excluded: trimmed' : '';
      out.push(`  ${s.stage !== undefined ? `${safeText(s.stage).padEnd(14)} ` : ''}${safeText(s.judge).padEnd(10)} ${n6(s.raw).padStart(5)}${norm}${why}`);
    }
    const used = k.scores.filter((s) => s.excluded === null).map((s) => n6(s.normalized));
    if (x.stages) out.push(k.value === null ? '  s = –' : `  s = ${n6(k.value)} (each stage aggregated on its own, then weighted as the stages)`);
    else out.push(k.value === null ? '  s = – (no remaining scores)' : `  s = ${x.aggregation.method === 'median' ? 'median' : 'mean'}(${used.join(', ')}) = ${n6(k.value)}`);
    out.push('');
  }
  const present = Object.entries(x.criteria).filter(([, k]) => k.value !== null);
  const sw = present.reduce((a, [, k]) => a + k.weight, 0);
  const sum = present.map(([, k]) => `${k.weight}·${n6(k.value)}`).join(' + ');
  if (x.stages) {
    for (const st of x.stages) {
      const mark = st.pass === null ? '' : `, pass mark ${st.pass}: ${st.met === null ? '–' : st.met ? 'met' : 'not met'}`;
      out.push(`Stage ${safeText(st.name)} (weight ${st.weight}): total ${n6(st.total)}, rank ${st.rank ?? '–'}${mark}`);
    }
  }
  if (x.total !== null && x.stages) {
    out.push(`Total = (${x.stages.map((st) => `${st.weight}·${n6(st.total)}`).join(' + ')}) / 100 = ${n6(x.total)}`);
    out.push('  (the weighted mean of the rounded stage totals, rounded to 6 decimals)');
  } else if (x.total !== null) {
    out.push(`Total = 100 · ((${sum}) / ${sw} − ${x.scale.min}) / (${x.scale.max} − ${x.scale.min}) = ${n6(x.total)}`);
    out.push('  (computed from the unrounded s_c, then rounded to 6 decimals)');
  } else {
    out.push(`Total: – (not ranked: ${x.flags.join(', ')}: ${x.reasons.join(', ')})`);
  }
  if (x.rank !== null) {
    out.push(`Rank ${x.rank}${x.tied ? ' (shared)' : ''}, category rank ${x.category_rank ?? '–'}; order: ${x.tie_break.order.join(', then ')}`);
    for (const [side, nb] of [['above', x.tie_break.above], ['below', x.tie_break.below]] as const) {
      if (!nb) continue;
      const how = nb.decided_by === null ? 'equal on all: the rank is shared, listed by id' : nb.decided_by === 'total' ? `separated by the total (${n6(nb.total)})` : `same total, separated by ${nb.decided_by}`;
      out.push(`  ${side}: ${safeText(nb.id)} (rank ${nb.rank}): ${how}`);
    }
  }
  const checks: string[] = [];
  if (x.thresholds.total) checks.push(`total ≥ ${x.thresholds.total.min}: ${verdict(x.thresholds.total.met)}`);
  for (const [c, t] of Object.entries(x.thresholds.criteria)) checks.push(`${c} ≥ ${t.min}: ${verdict(t.met)} (${n6(t.value)})`);
  out.push(`Thresholds: ${checks.length > 0 ? checks.join('; ') : 'none'}${x.total !== null ? ` → ${x.passed ? 'passed' : 'not passed'}` : ''}`);
  out.push(`Shortlists: ${x.shortlists.length > 0 ? x.shortlists.map((s) => `${shortlistLabel(rubric, s.name, lang)} ${s.included ? 'yes' : 'no'}${s.included && s.cutoff_tie ? ' (cut-off tie)' : ''}`).join(', ') : 'none'}`);
  return `${out.join('\n')}\n`;
}

function verdict(met: boolean | null): string {
  return met === null ? '–' : met ? 'met' : 'missed';
}

export const explainFormatters = {
  text: formatExplainText,
  json: (x: Explanation) => `${JSON.stringify(x, null, 2)}\n`,
} satisfies Record<ExplainFormat, (x: Explanation, o: ExplainReportOptions) => string>;
