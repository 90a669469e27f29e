/**
 * `kipp rubric check F` and `kipp rubric show [F]`.
 */
import Table from 'cli-table3';
import { weightsFor, type Rubric } from '../model/rubric.js';
import { decodeBytes } from '../io/decode.js';
import { loadRubric, parseRubric, readRubricBytes } from '../io/rubric.js';
import { diagnosticLine } from '../report/shared/diagnostics.js';
import { categoryLabel, criterionLabel, word, type Lang, type Word } from '../report/shared/labels.js';
import { mdCell } from '../report/shared/text.js';
import type { CommandContext, CommandResult } from './context.js';
import { pushAll } from '../model/arrays.js';

export async function runRubricCheck(file: string, ctx: CommandContext): Promise<CommandResult> {
  const { rubric, diagnostics } = parseRubric(decodeBytes(readRubricBytes(file)).text, file);
  for (const d of diagnostics) ctx.log(diagnosticLine(d, ctx.stderrColor));
  if (!rubric) {
    ctx.log(
      `kipp rubric check: ${file} is invalid (${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'})`,
    );
    return { exit: 2 };
  }
  return {
    output: `${file}: valid rubric "${rubric.name}" — ${rubric.criteria.length} criteria, ${rubric.categories.length} categories, ${rubric.groups.length} groups, ${rubric.shortlists.length} shortlists\n`,
    exit: 0,
  };
}

export interface WeightsView {
  name: string;
  version: number | string | null;
  scale: { min: number; max: number };
  criteria: string[];
  categories: { id: string; label: string; weights: Record<string, number>; own: boolean }[];
  groups: { id: string; label: string; min_implementation_months?: number; max_entries_per_agency?: number }[];
  shortlists: {
    name: string;
    size: number;
    per_category: boolean;
    group?: string;
    stage?: string;
    min_per?: Record<string, number>;
  }[];
  /** Only when the rubric judges in stages. */
  stages?: { name: string; label: string; weight: number; pass?: number }[];
}

export function weightsView(rubric: Rubric, lang: Lang): WeightsView {
  return {
    name: rubric.name,
    version: rubric.version,
    scale: rubric.scale,
    criteria: rubric.criteria.map((c) => c.id),
    categories: rubric.categories.map((c) => ({
      id: c.id,
      label: categoryLabel(rubric, c.id, lang),
      weights: weightsFor(rubric, c.id),
      own: c.id in rubric.categoryWeights,
    })),
    groups: rubric.groups.map((g) => ({
      id: g.id,
      label: g.label[lang],
      ...(g.minImplementationMonths !== undefined ? { min_implementation_months: g.minImplementationMonths } : {}),
      ...(g.maxEntriesPerAgency !== undefined ? { max_entries_per_agency: g.maxEntriesPerAgency } : {}),
    })),
    shortlists: rubric.shortlists.map((s) => ({
      name: s.name,
      size: s.size,
      per_category: s.perCategory,
      ...(s.group !== undefined ? { group: s.group } : {}),
      ...(s.stage !== undefined ? { stage: s.stage } : {}),
      ...(s.minPer !== undefined ? { min_per: { ...s.minPer } } : {}),
    })),
    ...(rubric.stages.length > 0
      ? {
          stages: rubric.stages.map((st) => ({
            name: st.name,
            label: st.label[lang],
            weight: st.weight,
            ...(st.pass !== undefined ? { pass: st.pass } : {}),
          })),
        }
      : {}),
  };
}

export async function runRubricShow(
  file: string | undefined,
  options: { format?: 'table' | 'json' | 'md'; lang?: Lang },
  ctx: CommandContext,
): Promise<CommandResult> {
  const lang = options.lang ?? ctx.lang;
  const { rubric } = loadRubric(file ?? (ctx.env.KIPP_RUBRIC || null));
  const view = weightsView(rubric, lang);
  const t = (w: Word, values: Record<string, string | number> = {}) => word(w, lang, values);
  const header = [word('category', lang), ...view.criteria.map((c) => criterionLabel(rubric, c, lang))];
  const rows = view.categories.map((c) => [
    `${c.id}${c.own ? ' *' : ''}`,
    ...view.criteria.map((k) => String(c.weights[k] ?? 0)),
  ]);
  const notes = [
    `${view.name}${view.version !== null ? ` (${t('rubric_version', { v: view.version })})` : ''} · ${t('rubric_scale', { min: view.scale.min, max: view.scale.max })}`,
    ...(view.categories.some((c) => c.own) ? [t('rubric_own_weights')] : []),
    ...view.groups.map(
      (g) =>
        `${t('rubric_group', { id: g.id, label: g.label })}${[
          ...(g.min_implementation_months !== undefined
            ? [t('rubric_group_months', { n: g.min_implementation_months })]
            : []),
          ...(g.max_entries_per_agency !== undefined
            ? [t('rubric_group_per_agency', { n: g.max_entries_per_agency })]
            : []),
        ]
          .map((part, i) => (i === 0 ? `: ${part}` : `, ${part}`))
          .join('')}`,
    ),
    ...(view.stages ?? []).map(
      (st) =>
        `${t('rubric_stage', { name: st.name, label: st.label, w: st.weight })}${st.pass !== undefined ? `, ${t('rubric_pass_mark', { p: st.pass })}` : ''}`,
    ),
    ...view.shortlists.map(
      (s) =>
        `${t('rubric_shortlist', { name: s.name, size: s.size })}${s.per_category ? t('rubric_per_category') : ''}${s.group ? t('rubric_in_group', { g: s.group }) : ''}${s.stage ? t('rubric_on_stage', { s: s.stage }) : ''}${
          s.min_per
            ? t('rubric_at_least', {
                list: Object.entries(s.min_per)
                  .map(([f, n]) =>
                    t('rubric_per', { n, f: f === 'category' || f === 'group' ? word(f, lang).toLowerCase() : f }),
                  )
                  .join(t('rubric_and')),
              })
            : ''
        }`,
    ),
  ];
  if (options.format === 'json') return { output: `${JSON.stringify(view, null, 2)}\n`, exit: 0 };
  if (options.format === 'md') {
    const md = [
      `| ${header.map(mdCell).join(' | ')} |`,
      `|---|${view.criteria.map(() => '---:').join('|')}|`,
      ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
      '',
      ...notes.map((n) => `- ${mdCell(n)}`),
    ];
    return { output: `${md.join('\n')}\n`, exit: 0 };
  }
  const table = new Table({ head: header, style: { head: [], border: [] } });
  pushAll(table, rows);
  return { output: `${table.toString()}\n${notes.join('\n')}\n`, exit: 0 };
}
