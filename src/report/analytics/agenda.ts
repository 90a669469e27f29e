/**
 * `kipp agenda` formatters: the meeting pack as Markdown (to paste into the minutes), HTML (one
 * self-contained page to print or send, like the score report) and JSON, and the decisions template (`--decisions-template`): one open item per decision the jury
 * must take, which `kipp score --decisions` refuses until it is filled in.
 */
import type { Agenda } from '../../analytics/agenda.js';
import type { Rubric } from '../../model/rubric.js';
import { decisionLine } from '../shared/decisions.js';
import { criterionLabel, shortlistLabel, word, type Lang } from '../shared/labels.js';
import { mdCell } from '../shared/text.js';
import { fixed2 } from '../shared/text.js';
import { esc, htmlDocument, inputsTable, num } from '../html/page.js';
import type { ScoreResult } from '../../model/result.js';

export const AGENDA_FORMATS = ['md', 'html', 'json'] as const;
export type AgendaFormat = (typeof AGENDA_FORMATS)[number];

export interface AgendaReportOptions {
  lang: Lang;
  result: ScoreResult;
}

export function formatAgendaJson(agenda: Agenda): string {
  return `${JSON.stringify(agenda, null, 2)}\n`;
}

/** A cell: text as it is, or a figure each format writes its own way (2 decimals; `signed`: with + or −). */
type Cell = string | { value: number | null; signed?: boolean };

interface AgendaTable {
  head: string[];
  rows: Cell[][];
  /** Columns of figures (right-aligned). */
  numeric: number[];
  /** The column of entry ids (kept on one line in HTML). */
  id?: number;
}

/** What a section holds, in order: a sub-heading, a table, or a list of decisions (what, who). */
type Block = { heading: string } | { table: AgendaTable } | { decided: { what: string; who: string }[] };

interface AgendaSection {
  id: string;
  title: string;
  blocks: Block[];
}

/**
 * The meeting pack's sections, in the order a chair takes them, each with its tables: the one
 * layout both Markdown and HTML draw, so the two formats cannot disagree on what is on the agenda.
 */
function agendaSections(agenda: Agenda, options: AgendaReportOptions): AgendaSection[] {
  const { lang, result } = options;
  const rubric: Rubric = result.rubric;
  const criteria = rubric.criteria.map((k) => k.id);
  const sections: AgendaSection[] = [];
  const fig = (value: number | null | undefined, signed = false): Cell => ({
    value: value ?? null,
    ...(signed ? { signed } : {}),
  });

  if (agenda.ties.length > 0) {
    sections.push({
      id: 'ties',
      title: word('agenda_ties', lang),
      blocks: agenda.ties.flatMap((t): Block[] => {
        const s = shortlistLabel(rubric, t.shortlist, lang) + (t.category !== undefined ? ` (${t.category})` : '');
        return [
          { heading: word('agenda_tie', lang, { s, free: t.free, n: t.entries.length, rank: t.rank }) },
          {
            table: {
              head: [
                word('id', lang),
                word('title', lang),
                word('total', lang),
                ...criteria.map((k) => criterionLabel(rubric, k, lang)),
              ],
              rows: t.entries.map((e) => [e.id, e.title, fig(e.total), ...criteria.map((k) => fig(e.criteria[k]))]),
              numeric: [2, ...criteria.map((_, i) => 3 + i)],
              id: 0,
            },
          },
        ];
      }),
    });
  }
  if (agenda.borderline !== undefined && agenda.borderline.length > 0) {
    const lists = rubric.shortlists.map((s) => s.name);
    sections.push({
      id: 'borderline',
      title: word('agenda_borderline', lang),
      blocks: [
        {
          table: {
            head: [
              word('rank', lang),
              word('id', lang),
              word('title', lang),
              word('rank_range', lang),
              ...lists.map((s) => shortlistLabel(rubric, s, lang)),
            ],
            rows: agenda.borderline.map((b) => [
              String(b.rank),
              b.id,
              b.title,
              `${b.rank_min}–${b.rank_max}`,
              ...lists.map((s) => `${Math.round((b.shortlists[s] ?? 0) * 100)}%`),
            ]),
            numeric: [0, ...lists.map((_, i) => 4 + i)],
            id: 1,
          },
        },
      ],
    });
  }
  if (agenda.near_marks.length > 0) {
    sections.push({
      id: 'pass-marks',
      title: word('agenda_pass_marks', lang, { m: `${agenda.margins.total} / ${agenda.margins.criterion}` }),
      blocks: [
        {
          table: {
            head: [
              word('rank', lang),
              word('id', lang),
              word('title', lang),
              word('mark', lang),
              word('total', lang),
              word('margin', lang),
            ],
            rows: agenda.near_marks.map((m) => [
              String(m.rank),
              m.id,
              m.title,
              `${m.mark === 'total' ? word('total', lang) : criterionLabel(rubric, m.mark, lang)} ≥ ${m.threshold}`,
              fig(m.value),
              fig(m.margin, true),
            ]),
            numeric: [0, 4, 5],
            id: 1,
          },
        },
      ],
    });
  }
  if (agenda.disagreements.length > 0) {
    sections.push({
      id: 'disagreements',
      title: word('agenda_disagreements', lang),
      blocks: [
        {
          table: {
            head: [
              word('id', lang),
              word('rank', lang),
              word('nearest_cut', lang),
              word('criterion', lang),
              word('spread', lang),
            ],
            rows: agenda.disagreements.map((d) => [
              d.entry_id,
              d.rank === null ? '–' : String(d.rank),
              shortlistLabel(rubric, d.shortlist, lang),
              criterionLabel(rubric, d.criterion, lang) + (d.stage !== undefined ? ` (${d.stage})` : ''),
              fig(d.spread),
            ]),
            numeric: [1, 4],
            id: 0,
          },
        },
      ],
    });
  }
  if (agenda.judges.length > 0) {
    sections.push({
      id: 'judges',
      title: word('agenda_judges', lang),
      blocks: [
        {
          table: {
            head: [word('judge', lang), word('flags', lang), word('bias', lang)],
            rows: agenda.judges.map((j) => [j.id, j.flags.join(', '), j.bias === null ? '–' : fig(j.bias)]),
            numeric: [2],
          },
        },
      ],
    });
  }
  if (agenda.unranked.length > 0) {
    sections.push({
      id: 'unranked',
      title: word('agenda_unranked', lang),
      blocks: [
        {
          table: {
            head: [word('id', lang), word('title', lang), word('status', lang)],
            rows: agenda.unranked.map((u) => [
              u.id,
              u.title,
              `${u.flags.map((f) => word(f as 'incomplete', lang)).join(', ')}: ${u.reasons.join(', ')}`,
            ]),
            numeric: [],
            id: 0,
          },
        },
      ],
    });
  }
  if (agenda.decided.length > 0) {
    sections.push({
      id: 'decided',
      title: word('agenda_decided', lang),
      blocks: [{ decided: agenda.decided.map((d) => decisionLine(result, d, lang)) }],
    });
  }
  return sections;
}

export function formatAgendaMarkdown(agenda: Agenda, options: AgendaReportOptions): string {
  const { lang } = options;
  const out: string[] = [
    `# ${mdCell(word('agenda', lang))} — ${mdCell(agenda.rubric)}`,
    '',
    mdCell(word('agenda_intro', lang, { date: agenda.as_of, rubric: agenda.rubric })),
    '',
  ];
  const cell = (c: Cell) =>
    mdCell(
      typeof c === 'string' ? c : c.value === null ? '–' : `${c.signed && c.value >= 0 ? '+' : ''}${fixed2(c.value)}`,
    );
  const sections = agendaSections(agenda, options);
  sections.forEach((section, k) => {
    out.push(`## ${k + 1}. ${mdCell(section.title)}`, '');
    for (const block of section.blocks) {
      if ('heading' in block) out.push(`**${mdCell(block.heading)}**`, '');
      else if ('table' in block) {
        const { head, rows, numeric } = block.table;
        out.push(
          `| ${head.map(mdCell).join(' | ')} |`,
          `|${head.map((_, i) => (numeric.includes(i) ? '---:' : '---')).join('|')}|`,
        );
        for (const r of rows) out.push(`| ${r.map(cell).join(' | ')} |`);
        out.push('');
      } else {
        for (const d of block.decided) out.push(`- **${mdCell(d.what)}** — ${mdCell(d.who)}`);
        out.push('');
      }
    }
  });
  if (sections.length === 0) out.push(mdCell(word('agenda_nothing', lang)), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/**
 * The meeting pack as one self-contained HTML page, printable like the score report (the same
 * stylesheet and document, src/report/html/page.ts): a header tying it to the inputs' sha256,
 * then the sections. No script: nothing on it sorts or filters, so the page allows none.
 */
export function formatAgendaHtml(agenda: Agenda, options: AgendaReportOptions & { version: string }): string {
  const { lang, result } = options;
  const cell = (c: Cell, kind: 'num' | 'id' | '') => {
    const text =
      typeof c === 'string'
        ? esc(c)
        : c.value === null
          ? '–'
          : `${c.signed ? (c.value > 0 ? '+' : c.value < 0 ? '−' : '') : c.value < 0 ? '−' : ''}${num(Math.abs(c.value), 2, lang)}`;
    return `<td${kind !== '' ? ` class="${kind}"` : ''}>${text}</td>`;
  };
  const sections = agendaSections(agenda, options);
  const body = sections.map((section, k) => {
    const blocks = section.blocks.map((block) => {
      if ('heading' in block) return `<h3>${esc(block.heading)}</h3>`;
      if ('table' in block) {
        const { head, rows, numeric, id } = block.table;
        const kinds = head.map((_, i) => (numeric.includes(i) ? 'num' : i === id ? 'id' : ''));
        const th = head
          .map((h, i) => `<th scope="col"${kinds[i] === 'num' ? ' class="num"' : ''}>${esc(h)}</th>`)
          .join('');
        const tr = rows.map((r) => `<tr>${r.map((c, i) => cell(c, kinds[i]!)).join('')}</tr>`).join('\n');
        return `<div class="table-wrap"><table class="small">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${tr}\n</tbody>\n</table></div>`;
      }
      return `<ul>${block.decided.map((d) => `<li><strong>${esc(d.what)}</strong> — ${esc(d.who)}</li>`).join('')}</ul>`;
    });
    return `<section id="${section.id}" aria-labelledby="${section.id}-h">\n<h2 id="${section.id}-h">${k + 1}. ${esc(section.title)}</h2>\n${blocks.join('\n')}\n</section>`;
  });
  const title = `${word('agenda', lang)} — ${agenda.rubric}`;
  const meta = [
    [word('competition', lang), esc(agenda.rubric)],
    [word('reference_date', lang), `<time datetime="${esc(agenda.as_of)}">${esc(agenda.as_of)}</time>`],
    [word('tool', lang), `kipp ${esc(options.version)}`],
  ];
  const header = `<header id="top">
<h1>${esc(title)}</h1>
<p class="subtitle">${esc(word('agenda_intro', lang, { date: agenda.as_of, rubric: agenda.rubric }))}</p>
<dl class="meta">${meta.map(([k, v]) => `<dt>${esc(k!)}</dt><dd>${v}</dd>`).join('')}</dl>
${inputsTable(result, lang)}
</header>`;
  const main = sections.length > 0 ? body.join('\n') : `<p>${esc(word('agenda_nothing', lang))}</p>`;
  return htmlDocument({ lang, title, version: options.version, body: `${header}\n<main>\n${main}\n</main>` });
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
  for (const d of agenda.decided)
    out.push(`  # already decided (line ${d.line} of ${d.file}): ${d.action} ${d.entries.join(', ')}`);
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
