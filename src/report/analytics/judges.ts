/**
 * The `kipp judges` formatters, chosen from a typed map: table (terminal), json, md.
 * Pure: (jury profile, options) → string. With a staged rubric each format shows one block per
 * stage, headed by the stage, so that no figure is read as the whole competition's.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { isStaged, type JuryProfile, type PanelProfile, type StagePanelProfile } from '../../analytics/judges.js';
import type { Rubric } from '../../model/rubric.js';
import { criterionLabel, word, type Lang } from '../shared/labels.js';
import { mdCell } from '../shared/text.js';
import { fixed2, safeText } from '../shared/text.js';
import { pushAll } from '../../model/arrays.js';

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

/** ICC(1), ICC(1,k) and Kendall's W, each named with its form and what it covers. */
export function agreementLines(p: PanelProfile, lang: Lang): string[] {
  const a = p.agreement;
  const nd = word('not_defined', lang);
  const value = (x: number | null) => (x === null ? nd : fixed2(x));
  const w = a.kendall_w_coverage;
  return [
    word('icc_single', lang, { n: a.icc_entries, v: value(a.icc) }),
    word('icc_average', lang, { k: a.icc_k_judges === null ? '–' : fixed2(a.icc_k_judges), v: value(a.icc_k) }),
    a.kendall_w === null
      ? word('kendall_w_none', lang, { es: w.entries_scored })
      : word('kendall_w', lang, {
          b: a.kendall_w_blocks,
          v: fixed2(a.kendall_w),
          e: w.entries,
          es: w.entries_scored,
          j: w.judges,
          js: w.judges_scoring,
        }),
  ];
}

function coverageLine(p: PanelProfile, lang: Lang): string {
  const c = p.coverage;
  const range = c.min_judges === c.max_judges ? `${c.min_judges}` : `${c.min_judges}–${c.max_judges}`;
  const judges =
    c.min_judges === null ? '' : lang === 'id' ? `, ${range} juri per proposal` : `, ${range} judges per entry`;
  const graph = c.connected ? word('connected', lang) : `${word('disconnected', lang)} (${c.components})`;
  return `${c.entries} ${lang === 'id' ? 'proposal' : 'entries'}${judges}; ${graph}`;
}

function biasNote(p: PanelProfile, lang: Lang): string {
  const cut = fixed2(p.thresholds.harsh);
  return lang === 'id'
    ? `bias = rerata (nilai − rerata juri lain pada proposal dan kriteria yang sama); ketat ≤ −${cut}, longgar ≥ +${cut}`
    : `bias = mean of (score − the co-judges' mean on the same entry and criterion); harsh ≤ −${cut}, lenient ≥ +${cut}`;
}

/** The name column is left out when no judges file gave names. */
function judgeRows(p: PanelProfile, o: JudgesReportOptions): string[][] {
  return p.judges.map((j) => [
    safeText(j.id),
    ...(o.names.size > 0 ? [safeText(o.names.get(j.id) ?? '')] : []),
    String(j.scored),
    plain(j.mean),
    signed(j.bias),
    plain(j.agreement),
    String(j.conflicts),
    j.flags.map((f) => word(f, o.lang)).join(', '),
  ]);
}

function judgeHead(o: JudgesReportOptions): string[] {
  return (
    [
      'judge',
      ...(o.names.size > 0 ? (['name'] as const) : []),
      'scored',
      'mean',
      'bias',
      'agreement',
      'conflicts',
      'flags',
    ] as const
  ).map((w) => word(w, o.lang));
}

function disagreementRows(p: PanelProfile, o: JudgesReportOptions): string[][] {
  const max = o.maxDisagreements ?? 20;
  return p.disagreements
    .slice(0, max)
    .map((d) => [
      safeText(d.entry_id),
      safeText(o.titles.get(d.entry_id) ?? ''),
      criterionLabel(o.rubric, d.criterion, o.lang),
      fixed2(d.spread),
    ]);
}

/** The severity model's s_jc: one row per judge, one `s ± se` cell per criterion (`*`: poorly estimated). */
function severityTable(p: PanelProfile, o: JudgesReportOptions): { head: string[]; rows: string[][] } | null {
  if (p.severities === undefined || p.severities.length === 0) return null;
  const criteria = o.rubric.criteria.map((c) => c.id);
  const judges = [...new Set(p.severities.map((s) => s.judge))];
  const cell = new Map(
    p.severities.map((s) => [
      `${s.judge}\u0000${s.criterion}`,
      `${s.severity >= 0 ? '+' : ''}${fixed2(s.severity)}${s.se === null ? '' : ` ± ${fixed2(s.se)}`}${s.poorly_estimated ? ' *' : ''}`,
    ]),
  );
  return {
    head: [word('judge', o.lang), ...criteria.map((c) => criterionLabel(o.rubric, c, o.lang))],
    rows: judges.map((j) => [safeText(j), ...criteria.map((c) => cell.get(`${j}\u0000${c}`) ?? '–')]),
  };
}

function more(p: PanelProfile, o: JudgesReportOptions): string | null {
  const hidden = p.disagreements.length - (o.maxDisagreements ?? 20);
  if (hidden <= 0) return null;
  return o.lang === 'id'
    ? `… ${hidden} lagi (--format json mencantumkan semuanya)`
    : `… ${hidden} more (--format json lists them all)`;
}

/** The stage a block of figures belongs to, by name and label. */
function stageTitle(p: StagePanelProfile, o: JudgesReportOptions): string {
  const stage = o.rubric.stages.find((s) => s.name === p.stage);
  return word('stage_heading', o.lang, { s: p.stage, label: stage ? stage.label[o.lang] : p.stage });
}

export function formatJudgesTable(j: JuryProfile, o: JudgesReportOptions): string {
  if (!isStaged(j)) return panelTable(j, o);
  const c = new Chalk({ level: o.color ? 1 : 0 });
  return j.stages
    .map(
      (p) =>
        `${c.bold.underline(stageTitle(p, o))}\n${p.judges.length === 0 ? `${word('stage_unscored', o.lang)}\n` : `${word('stage_note', o.lang)}\n\n${panelTable(p, o)}`}`,
    )
    .join('\n');
}

function panelTable(p: PanelProfile, o: JudgesReportOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const style = { head: [], border: [], compact: true };
  const named = o.names.size > 0;
  const t = new Table({
    head: judgeHead(o).map((h) => c.bold(h)),
    style,
    colAligns: ['left', ...(named ? (['left'] as const) : []), 'right', 'right', 'right', 'right', 'right', 'left'],
  });
  const BIAS = named ? 4 : 3;
  for (const row of judgeRows(p, o)) {
    const FLAGS = row.length - 1;
    t.push(row[FLAGS] !== '' ? row.map((cell, i) => (i === BIAS || i === FLAGS ? c.yellow(cell) : cell)) : row);
  }
  const out = [t.toString()];
  out.push(biasNote(p, o.lang));
  const sev = severityTable(p, o);
  if (sev !== null) {
    const st = new Table({
      head: sev.head.map((h) => c.bold(h)),
      style,
      colAligns: ['left', ...sev.head.slice(1).map(() => 'right' as const)],
    });
    for (const row of sev.rows) st.push(row);
    out.push('', c.bold(word('severity_title', o.lang)), st.toString(), word('severity_note', o.lang));
  }
  pushAll(out, ['', c.bold(word('panel_agreement', o.lang)), ...agreementLines(p, o.lang)]);
  out.push(
    '',
    c.bold(word('coverage', o.lang)),
    p.coverage.connected ? coverageLine(p, o.lang) : c.yellow(coverageLine(p, o.lang)),
  );
  out.push(
    '',
    c.bold(
      `${word('disagreements', o.lang)} (${word('spread', o.lang).toLowerCase()} ≥ ${fixed2(p.thresholds.disagreement)}): ${p.disagreements.length}`,
    ),
  );
  if (p.disagreements.length > 0) {
    const d = new Table({
      head: (['entry', 'title', 'criterion', 'spread'] as const).map((w) => c.bold(word(w, o.lang))),
      style,
      colAligns: ['left', 'left', 'left', 'right'],
    });
    for (const row of disagreementRows(p, o)) d.push(row);
    out.push(d.toString());
    const m = more(p, o);
    if (m) out.push(m);
  }
  return `${out.join('\n')}\n`;
}

export function formatJudgesMarkdown(j: JuryProfile, o: JudgesReportOptions): string {
  const title = `# ${mdCell(o.rubric.name)} — ${o.lang === 'id' ? 'profil juri' : 'judge profiles'}`;
  if (!isStaged(j)) return `${title}\n\n${panelMarkdown(j, o, '##')}`;
  const block = (p: StagePanelProfile) =>
    p.judges.length === 0
      ? `${mdCell(word('stage_unscored', o.lang))}\n`
      : `${mdCell(word('stage_note', o.lang))}.\n\n${panelMarkdown(p, o, '###')}`;
  return `${title}\n\n${j.stages.map((p) => `## ${mdCell(stageTitle(p, o))}\n\n${block(p)}`).join('\n')}`;
}

function panelMarkdown(p: PanelProfile, o: JudgesReportOptions, h: string): string {
  const table = (head: string[], rows: string[][], right: number[]) => [
    `| ${head.map(mdCell).join(' | ')} |`,
    `|${head.map((_, i) => (right.includes(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
  const out: string[] = [];
  const first = o.names.size > 0 ? 2 : 1;
  pushAll(out, table(judgeHead(o), judgeRows(p, o), [first, first + 1, first + 2, first + 3, first + 4]));
  out.push('');
  out.push(`${biasNote(p, o.lang)}.`, '');
  const sev = severityTable(p, o);
  if (sev !== null)
    pushAll(out, [
      `${h} ${word('severity_title', o.lang)}`,
      '',
      ...table(
        sev.head,
        sev.rows,
        sev.head.slice(1).map((_, i) => i + 1),
      ),
      '',
      `${mdCell(word('severity_note', o.lang))}.`,
      '',
    ]);
  pushAll(out, [
    `${h} ${word('panel_agreement', o.lang)}`,
    '',
    ...agreementLines(p, o.lang).map((l) => `- ${mdCell(l)}`),
    '',
  ]);
  out.push(`${h} ${word('coverage', o.lang)}`, '', mdCell(coverageLine(p, o.lang)), '');
  out.push(
    `${h} ${word('disagreements', o.lang)} (${word('spread', o.lang).toLowerCase()} ≥ ${fixed2(p.thresholds.disagreement)})`,
    '',
  );
  if (p.disagreements.length === 0) out.push(word('none', o.lang));
  else {
    pushAll(out, [
      ...table(
        (['entry', 'title', 'criterion', 'spread'] as const).map((w) => word(w, o.lang)),
        disagreementRows(p, o),
        [3],
      ),
    ]);
    const m = more(p, o);
    if (m) out.push('', mdCell(m));
  }
  return `${out.join('\n')}\n`;
}

/** Unstaged: the object of docs/guide/analytics.md. Staged: `{ "stages": [ { "stage": NAME, …the same object… } ] }`. */
export function formatJudgesJson(p: JuryProfile): string {
  return `${JSON.stringify(p, null, 2)}\n`;
}

export const judgesFormatters = {
  table: formatJudgesTable,
  json: (p) => formatJudgesJson(p),
  md: formatJudgesMarkdown,
} satisfies Record<JudgesFormat, (p: JuryProfile, o: JudgesReportOptions) => string>;
