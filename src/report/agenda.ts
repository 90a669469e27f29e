/**
 * `kipp agenda` formatters: the meeting pack as Markdown (to print or paste into the minutes) and
 * JSON, and the decisions template (`--decisions-template`): one open item per decision the jury
 * must take, which `kipp score --decisions` refuses until it is filled in.
 */
import type { Agenda } from '../analytics/agenda.js';
import type { Rubric } from '../model/rubric.js';
import { decisionLine } from './decisions.js';
import { criterionLabel, plenaryWord, shortlistLabel, word, type Lang } from './labels.js';
import { mdCell } from './markdown.js';
import { fixed2 } from './text.js';
import type { ScoreResult } from '../model/result.js';

export const AGENDA_FORMATS = ['md', 'json'] as const;
export type AgendaFormat = (typeof AGENDA_FORMATS)[number];

export interface AgendaReportOptions {
  lang: Lang;
  result: ScoreResult;
}

export function formatAgendaJson(agenda: Agenda): string {
  return `${JSON.stringify(agenda, null, 2)}\n`;
}

export function formatAgendaMarkdown(agenda: Agenda, options: AgendaReportOptions): string {
  const { lang, result } = options;
  const rubric: Rubric = result.rubric;
  const criteria = rubric.criteria.map((k) => k.id);
  const out: string[] = [`# ${mdCell(plenaryWord('agenda', lang))} — ${mdCell(agenda.rubric)}`, '', mdCell(plenaryWord('agenda_intro', lang, { date: agenda.as_of, rubric: agenda.rubric })), ''];
  let n = 0;
  const section = (title: string) => out.push(`## ${++n}. ${mdCell(title)}`, '');
  const table = (head: string[], rows: string[][], numeric: number[] = []) => {
    out.push(`| ${head.map(mdCell).join(' | ')} |`, `|${head.map((_, i) => (numeric.includes(i) ? '---:' : '---')).join('|')}|`);
    for (const r of rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
    out.push('');
  };

  if (agenda.ties.length > 0) {
    section(plenaryWord('agenda_ties', lang));
    for (const t of agenda.ties) {
      const s = shortlistLabel(rubric, t.shortlist, lang) + (t.category !== undefined ? ` (${t.category})` : '');
      out.push(`**${mdCell(plenaryWord('agenda_tie', lang, { s, free: t.free, n: t.entries.length, rank: t.rank }))}**`, '');
      table(
        [word('id', lang), word('title', lang), word('total', lang), ...criteria.map((k) => criterionLabel(rubric, k, lang))],
        t.entries.map((e) => [e.id, e.title, e.total === null ? '–' : fixed2(e.total), ...criteria.map((k) => fixed2(e.criteria[k]))]),
        [2, ...criteria.map((_, i) => 3 + i)],
      );
    }
  }
  if (agenda.borderline !== undefined && agenda.borderline.length > 0) {
    section(plenaryWord('agenda_borderline', lang));
    const lists = rubric.shortlists.map((s) => s.name);
    table(
      [word('rank', lang), word('id', lang), word('title', lang), plenaryWord('rank_range', lang), ...lists.map((s) => shortlistLabel(rubric, s, lang))],
      agenda.borderline.map((b) => [String(b.rank), b.id, b.title, `${b.rank_min}–${b.rank_max}`, ...lists.map((s) => `${Math.round((b.shortlists[s] ?? 0) * 100)}%`)]),
      [0, ...lists.map((_, i) => 4 + i)],
    );
  }
  if (agenda.near_marks.length > 0) {
    section(plenaryWord('agenda_pass_marks', lang, { m: `${agenda.margins.total} / ${agenda.margins.criterion}` }));
    table(
      [word('rank', lang), word('id', lang), word('title', lang), plenaryWord('mark', lang), word('total', lang), plenaryWord('margin', lang)],
      agenda.near_marks.map((m) => [String(m.rank), m.id, m.title, `${m.mark === 'total' ? word('total', lang) : criterionLabel(rubric, m.mark, lang)} ≥ ${m.threshold}`, fixed2(m.value), `${m.margin >= 0 ? '+' : ''}${fixed2(m.margin)}`]),
      [0, 4, 5],
    );
  }
  if (agenda.disagreements.length > 0) {
    section(plenaryWord('agenda_disagreements', lang));
    table(
      [word('id', lang), word('rank', lang), plenaryWord('nearest_cut', lang), plenaryWord('criterion', lang), plenaryWord('spread', lang)],
      agenda.disagreements.map((d) => [d.entry_id, d.rank === null ? '–' : String(d.rank), shortlistLabel(rubric, d.shortlist, lang), criterionLabel(rubric, d.criterion, lang) + (d.stage !== undefined ? ` (${d.stage})` : ''), fixed2(d.spread)]),
      [1, 4],
    );
  }
  if (agenda.judges.length > 0) {
    section(plenaryWord('agenda_judges', lang));
    table([plenaryWord('judge', lang), word('flags', lang), plenaryWord('bias', lang)], agenda.judges.map((j) => [j.id, j.flags.join(', '), j.bias === null ? '–' : fixed2(j.bias)]), [2]);
  }
  if (agenda.unranked.length > 0) {
    section(plenaryWord('agenda_unranked', lang));
    table([word('id', lang), word('title', lang), word('status', lang)], agenda.unranked.map((u) => [u.id, u.title, `${u.flags.map((f) => word(f as 'incomplete', lang)).join(', ')}: ${u.reasons.join(', ')}`]));
  }
  if (agenda.decided.length > 0) {
    section(plenaryWord('agenda_decided', lang));
    for (const d of agenda.decided) {
      const { what, who } = decisionLine(result, d, lang);
      out.push(`- **${mdCell(what)}** — ${mdCell(who)}`);
    }
    out.push('');
  }
  if (n === 0) out.push(mdCell(plenaryWord('agenda_nothing', lang)), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

const yamlText = (s: string) => JSON.stringify(s);

/**
 * The decisions template: one open resolve_tie per tie at a cut-off, with the choice to make in
 * a comment; by, date and reason left empty, so the file is refused until someone fills it in.
 * Removals and moves against rank cannot be foreseen: a commented example shows their shape.
 */
export function formatDecisionsTemplate(agenda: Agenda): string {
  const out = [
    '# The JSON Schema of this file: schemas/decisions.schema.json in the kipp package.',
    '#',
    `# Decisions the jury must take on ${agenda.rubric} (reference date ${agenda.as_of}), written by kipp agenda.`,
    '# Fill in every open item (take, by, date, reason), then: kipp score … --decisions THIS_FILE',
    `competition: ${yamlText(agenda.rubric)}`,
    'decisions:',
  ];
  for (const d of agenda.decided) out.push(`  # already decided (line ${d.line} of ${d.file}): ${d.action} ${d.entries.join(', ')}`);
  for (const t of agenda.ties) {
    const ids = t.entries.map((e) => e.id);
    out.push(
      `  # ${t.shortlist}${t.category !== undefined ? ` (${t.category})` : ''}: ${t.free} place${t.free === 1 ? '' : 's'} left for ${ids.length} entries tied at rank ${t.rank}: ${ids.join(', ')}`,
      `  - resolve_tie: { shortlist: ${yamlText(t.shortlist)}${t.category !== undefined ? `, category: ${yamlText(t.category)}` : ''}, take: [] }  # choose ${t.free} of ${ids.join(', ')}`,
      '    by: ""',
      '    date: ""',
      '    reason: ""',
    );
  }
  out.push(
    '  # Other decisions have the same shape, for example:',
    '  # - disqualify: ENTRY-ID        (or withdraw: ENTRY-ID)',
    '  #   by: Secretariat',
    '  #   date: YYYY-MM-DD',
    '  #   reason: field verification report of …',
    '  # - include: { shortlist: NAME, entry: ENTRY-ID }   (or exclude: …; against the rank, a reason is required)',
  );
  // Nothing open: an empty list, so that the file is valid as written.
  if (agenda.ties.length === 0 && agenda.decided.length === 0) out[out.indexOf('decisions:')] = 'decisions: []';
  return `${out.join('\n')}\n`;
}
