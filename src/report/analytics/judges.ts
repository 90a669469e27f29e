/**
 * The `kipp judges` formatters, chosen from a typed map: table (terminal), json, md.
 * Pure: (panel profile, options) → string.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { PanelProfile } from '../../analytics/judges.js';
import type { Rubric } from '../../model/rubric.js';
import { criterionLabel, type Lang } from '../labels.js';
import { mdCell } from '../markdown.js';
import { fixed2, safeText } from '../text.js';
import { aword } from './words.js';

export const JUDGES_FORMATS = ['table', 'json', 'md'] as const;
export type JudgesFormat = (typeof JUDGES_FORMATS)[number];

export interface JudgesReportOptions {
  lang: Lang;
  color: boolean;
  rubric: Rubric;
  /** Judge id → name, from the judges file (absent without one). */
  names: Map<string, string>;
  /** Entry id → title. */
  titles: Map<string, string>;
  /** Rows of the disagreement list shown in table and md (JSON has them all). */
  maxDisagreements?: number;
}

const signed = (x: number | null): string => (x === null ? '–' : `${x > 0 ? '+' : ''}${fixed2(x)}`);
const plain = (x: number | null): string => (x === null ? '–' : fixed2(x));

function agreementLines(p: PanelProfile, lang: Lang): string[] {
  const a = p.agreement;
  const nd = aword('not_defined', lang);
  return [
    `ICC(1) (one-way random effects, single rater, on each judge's own total; ${a.icc_entries} entries with 2+ judges): ${a.icc === null ? nd : fixed2(a.icc)}`,
    `Kendall's W (tie-corrected; ${a.kendall_w_blocks} complete block${a.kendall_w_blocks === 1 ? '' : 's'}, ${a.kendall_w_entries} entries): ${a.kendall_w === null ? `${nd} (no two entries were scored in full by the same judges)` : fixed2(a.kendall_w)}`,
  ];
}

function coverageLine(p: PanelProfile, lang: Lang): string {
  const c = p.coverage;
  const judges = c.min_judges === null ? '' : `, ${c.min_judges === c.max_judges ? c.min_judges : `${c.min_judges}–${c.max_judges}`} judges per entry`;
  const graph = c.connected ? aword('connected', lang) : `${aword('disconnected', lang)} (${c.components})`;
  return `${c.entries} entries${judges}; ${graph}`;
}

function judgeRows(p: PanelProfile, o: JudgesReportOptions): string[][] {
  return p.judges.map((j) => [
    safeText(j.id),
    safeText(o.names.get(j.id) ?? ''),
    String(j.scored),
    plain(j.mean),
    signed(j.bias),
    plain(j.agreement),
    String(j.conflicts),
    j.flags.map((f) => aword(f, o.lang)).join(', '),
  ]);
}

function judgeHead(lang: Lang): string[] {
  return (['judge', 'name', 'scored', 'mean', 'bias', 'agreement', 'conflicts', 'flags'] as const).map((w) => aword(w, lang));
}

function disagreementRows(p: PanelProfile, o: JudgesReportOptions): string[][] {
  const max = o.maxDisagreements ?? 20;
  return p.disagreements.slice(0, max).map((d) => [safeText(d.entry_id), safeText(o.titles.get(d.entry_id) ?? ''), criterionLabel(o.rubric, d.criterion, o.lang), fixed2(d.spread)]);
}

function more(p: PanelProfile, o: JudgesReportOptions): string | null {
  const hidden = p.disagreements.length - (o.maxDisagreements ?? 20);
  return hidden > 0 ? `… ${hidden} more (--format json lists them all)` : null;
}

export function formatJudgesTable(p: PanelProfile, o: JudgesReportOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const style = { head: [], border: [], compact: true };
  const t = new Table({ head: judgeHead(o.lang).map((h) => c.bold(h)), style, colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'] });
  for (const row of judgeRows(p, o)) {
    const flagged = row[7] !== '';
    t.push(flagged ? row.map((cell, i) => (i === 4 || i === 7 ? c.yellow(cell) : cell)) : row);
  }
  const out = [t.toString()];
  out.push(`bias = mean of (score − the co-judges' mean on the same entry and criterion); harsh ≤ −${fixed2(p.thresholds.harsh)}, lenient ≥ +${fixed2(p.thresholds.lenient)}`);
  out.push('', c.bold(aword('panel_agreement', o.lang)), ...agreementLines(p, o.lang));
  out.push('', c.bold(aword('coverage', o.lang)), p.coverage.connected ? coverageLine(p, o.lang) : c.yellow(coverageLine(p, o.lang)));
  out.push('', c.bold(`${aword('disagreements', o.lang)} (spread ≥ ${fixed2(p.thresholds.disagreement)}): ${p.disagreements.length}`));
  if (p.disagreements.length > 0) {
    const d = new Table({ head: (['entry', 'title', 'criterion', 'spread'] as const).map((w) => c.bold(aword(w, o.lang))), style, colAligns: ['left', 'left', 'left', 'right'] });
    for (const row of disagreementRows(p, o)) d.push(row);
    out.push(d.toString());
    const m = more(p, o);
    if (m) out.push(m);
  }
  return `${out.join('\n')}\n`;
}

export function formatJudgesMarkdown(p: PanelProfile, o: JudgesReportOptions): string {
  const table = (head: string[], rows: string[][], right: number[]) => [
    `| ${head.map(mdCell).join(' | ')} |`,
    `|${head.map((_, i) => (right.includes(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
  const out = [`# ${mdCell(o.rubric.name)} — ${o.lang === 'id' ? 'profil juri' : 'judge profiles'}`, ''];
  out.push(...table(judgeHead(o.lang), judgeRows(p, o), [2, 3, 4, 5, 6]), '');
  out.push(`Bias = mean of (score − the co-judges' mean on the same entry and criterion); harsh ≤ −${fixed2(p.thresholds.harsh)}, lenient ≥ +${fixed2(p.thresholds.lenient)}.`, '');
  out.push(`## ${aword('panel_agreement', o.lang)}`, '', ...agreementLines(p, o.lang).map((l) => `- ${mdCell(l)}`), '');
  out.push(`## ${aword('coverage', o.lang)}`, '', mdCell(coverageLine(p, o.lang)), '');
  out.push(`## ${aword('disagreements', o.lang)} (spread ≥ ${fixed2(p.thresholds.disagreement)})`, '');
  if (p.disagreements.length === 0) out.push(aword('none', o.lang));
  else {
    out.push(...table((['entry', 'title', 'criterion', 'spread'] as const).map((w) => aword(w, o.lang)), disagreementRows(p, o), [3]));
    const m = more(p, o);
    if (m) out.push('', mdCell(m));
  }
  return `${out.join('\n')}\n`;
}

export function formatJudgesJson(p: PanelProfile): string {
  return `${JSON.stringify(p, null, 2)}\n`;
}

export const judgesFormatters = {
  table: formatJudgesTable,
  json: (p) => formatJudgesJson(p),
  md: formatJudgesMarkdown,
} satisfies Record<JudgesFormat, (p: PanelProfile, o: JudgesReportOptions) => string>;
