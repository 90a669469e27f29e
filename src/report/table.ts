/**
 * The terminal table: rank (with `=` for a shared rank), id, title (truncated to fit), category,
 * total with a bar, the criteria, shortlist marks and status. Colour only when allowed.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { EntryResult, ScoreResult } from '../model/result.js';
import { categoryLabel, criterionLabel, shortlistLabel, word } from './labels.js';
import type { ReportOptions } from './options.js';
import { fixed2, safeText, truncate } from './text.js';

const BAR_WIDTH = 10;

export function totalBar(total: number | null, width = BAR_WIDTH): string {
  if (total === null) return ' '.repeat(width);
  const eighths = Math.round((Math.max(0, Math.min(100, total)) / 100) * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  return ('█'.repeat(full) + (part > 0 ? ' ▏▎▍▌▋▊▉'[part]! : '')).padEnd(width, ' ');
}

/** A stage's total and rank in one cell: `90.00 (#2)`; `–` when not ranked in the stage. */
export function stageCell(e: EntryResult, stage: string): string {
  const s = e.stages?.[stage];
  if (s === undefined || s.total === null) return '–';
  return `${fixed2(s.total)} (#${s.rank})`;
}

/** A group's label in the report's language (groups have short labels: Umum, Replikasi). */
export function groupName(rubric: ScoreResult['rubric'], id: string, lang: ReportOptions['lang']): string {
  const g = rubric.groups.find((k) => k.id === id);
  if (g === undefined) return safeText(id);
  return lang === 'id' ? g.label.id : g.label.en;
}

export function statusOf(e: EntryResult, options: ReportOptions): string {
  if (e.flags.length > 0) return `${e.flags.map((f) => word(f, options.lang)).join(', ')}: ${e.reasons.join(', ')}`;
  if (!e.passed) return `${word('failed', options.lang)}: ${e.reasons.join(', ')}`;
  return '';
}

/**
 * Category names short enough for a table column: the labels when all are short, else the ids
 * (English) or first aliases (Indonesian), so that one table never mixes the two.
 */
function shortCategory(result: ScoreResult, e: EntryResult, lang: ReportOptions['lang']): string {
  if (!e.categoryKnown) return safeText(e.category);
  const { categories } = result.rubric;
  if (categories.every((k) => k.label[lang].length <= 16)) return categoryLabel(result.rubric, e.category, lang);
  const alias = categories.find((k) => k.id === e.category)?.aliases[0];
  return lang === 'id' && alias ? alias : e.category;
}

export function formatTable(result: ScoreResult, options: ReportOptions): string {
  const { rubric } = result;
  const { lang } = options;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const criteria = rubric.criteria.map((k) => k.id);
  const withShortlists = rubric.shortlists.length > 0;
  const layout = (showBar: boolean) => tableLayout(result, options, criteria, withShortlists, showBar);
  // The bar for the total is drawn only when the title keeps at least 24 characters.
  const first = layout(true);
  const { head, rows, widths } = first.widths[2]! >= 24 ? first : layout(false);
  const TITLE = 2;
  const STATUS = head.length - 1;
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
    style: { head: [], border: [], compact: true },
  });
  for (const { e, cells } of rows) {
    const colour = e.flags.length > 0 ? c.dim : !e.passed ? c.yellow : e.shortlists.length > 0 ? c.green : (s: string) => s;
    cells[TITLE] = truncate(cells[TITLE]!, widths[TITLE]!);
    cells[STATUS] = truncate(cells[STATUS]!, widths[STATUS]!);
    table.push(cells.map((cell, i) => (i === 4 || i === STATUS ? colour(cell) : cell)));
  }
  const lines = [table.toString()];
  const ranked = result.entries.filter((e) => e.rank !== null).length;
  const unranked = result.entries.length - ranked;
  lines.push(
    `${rubric.name} · ${word('as_of', lang)} ${result.asOf} · ${result.entries.length} ${word('entries', lang)}, ${ranked} ${word('ranked', lang)}${unranked > 0 ? `, ${unranked} ${word('unranked', lang)}` : ''}`,
  );
  for (const s of result.shortlists) {
    lines.push(`${shortlistLabel(rubric, s.name, lang)}: ${s.taken}/${s.size}${s.cutoff_tie ? ` — ${c.yellow(word('cutoff_tie', lang))}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function tableLayout(result: ScoreResult, options: ReportOptions, criteria: string[], withShortlists: boolean, showBar: boolean) {
  const { rubric } = result;
  const { lang } = options;
  const rows = result.entries.map((e) => ({
    e,
    cells: [
      e.rank === null ? '–' : `${e.rank}${e.tied ? '=' : ''}`,
      safeText(e.id),
      safeText(e.title),
      shortCategory(result, e, lang),
      e.total === null ? '–' : `${fixed2(e.total)}${showBar ? ` ${totalBar(e.total)}` : ''}`,
      ...criteria.map((k) => fixed2(e.criteria[k])),
      ...(rubric.groups.length > 0 ? [e.group === null ? '–' : groupName(rubric, e.group, lang)] : []),
      ...rubric.stages.map((s) => stageCell(e, s.name)),
      ...(withShortlists ? [e.shortlists.map((s) => shortlistLabel(rubric, s, lang)).join(', ')] : []),
      safeText(statusOf(e, options)),
    ],
  }));
  const head = [
    word('rank', lang),
    word('id', lang),
    word('title', lang),
    word('category', lang),
    word('total', lang),
    ...criteria.map((k) => truncate(criterionLabel(rubric, k, lang), 8)),
    ...(rubric.groups.length > 0 ? [word('group', lang)] : []),
    ...rubric.stages.map((s) => truncate(s.label[lang], 14)),
    ...(withShortlists ? [word('shortlists', lang)] : []),
    word('status', lang),
  ];
  // Every column but the title takes what its widest cell needs (status at most 40); the title
  // gets what is left of the terminal, between 12 and 50 characters.
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r.cells[i]!].length)));
  const STATUS = head.length - 1;
  widths[STATUS] = Math.min(widths[STATUS]!, 40);
  const others = widths.reduce((sum, w, i) => (i === 2 ? sum : sum + w + 3), 0) + 1;
  widths[2] = Math.max(12, Math.min(50, widths[2]!, options.width - others - 3));
  return { head, rows, widths };
}
