/**
 * The terminal table: rank (with `=` for a shared rank), id, title (truncated to fit), category,
 * total with a bar, the criteria, shortlist marks and status. Colour only when allowed.
 */
import { Chalk } from 'chalk';
import type { EntryResult, ScoreResult } from '../model/result.js';
import { cutLines, linesForList, type CutLine } from './cuts.js';
import { decisionLines } from './decisions.js';
import { categoryLabel, criterionLabel, plenaryWord, shortlistLabel, word } from './labels.js';
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

/**
 * Layouts from the richest to the most compact: the first that leaves the title at least
 * TITLE_MIN characters is used (else the last). Criterion headers are shortened before the
 * criteria are dropped, because a judge's eye goes to the numbers, not the headers.
 */
const LAYOUTS: Layout[] = [
  { bar: true, criteria: 'full' },
  { bar: true, criteria: 'short' },
  { bar: false, criteria: 'short' },
  { bar: false, criteria: 'none' },
];
const TITLE_MIN = 24;

interface Layout {
  bar: boolean;
  criteria: 'full' | 'short' | 'none';
}

export function formatTable(result: ScoreResult, options: ReportOptions): string {
  const { rubric } = result;
  const { lang } = options;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const criteria = rubric.criteria.map((k) => k.id);
  const withShortlists = rubric.shortlists.length > 0;
  const layouts = LAYOUTS.map((l) => tableLayout(result, options, criteria, withShortlists, l));
  const { head, rows, widths, layout } = layouts.find((l) => l.widths[2]! >= TITLE_MIN) ?? layouts[layouts.length - 1]!;
  const TITLE = 2;
  const TOTAL = 4;
  const SHORTLISTS = withShortlists ? head.length - 2 : -1;
  const STATUS = head.length - 1;
  const cuts = linesForList(cutLines(result), result.entries);
  const body = [border('┌', '┬', '┐', widths), line(head.map((h) => c.bold(h)), widths), border('├', '┼', '┤', widths)];
  const inner = widths.reduce((sum, w) => sum + w + 3, -1) - 2;
  for (const { e, cells } of rows) {
    // Colour says the same as the status column (never alone): shortlisted green, below a pass
    // mark yellow, not ranked dim.
    const colour = e.flags.length > 0 ? c.dim : !e.passed ? c.yellow : e.shortlists.length > 0 ? c.green : (s: string) => s;
    cells[TITLE] = truncate(cells[TITLE]!, widths[TITLE]!);
    cells[STATUS] = truncate(cells[STATUS]!, widths[STATUS]!);
    if (withShortlists) cells[SHORTLISTS] = truncate(cells[SHORTLISTS]!, widths[SHORTLISTS]!);
    const shown = cells.map((cell, i) => (i === TOTAL || i === STATUS || i === SHORTLISTS ? colour(cell) : cell));
    if (e.tied) shown[0] = `${shown[0]!.replace('=', c.cyan.bold('='))}`;
    body.push(line(shown, widths, cells));
    for (const cut of cuts.filter((l) => l.afterId === e.id)) {
      const text = truncate(`✂ ${cutText(result, cut, lang)}`, inner);
      body.push(`│ ${(cut.cutoffTie ? c.yellow : c.cyan)(text)}${' '.repeat(Math.max(0, inner - [...text].length))} │`);
    }
  }
  body.push(border('└', '┴', '┘', widths));
  const lines = [body.join('\n')];
  const ranked = result.entries.filter((e) => e.rank !== null).length;
  const unranked = result.entries.length - ranked;
  lines.push(
    `${rubric.name} · ${word('as_of', lang)} ${result.asOf} · ${result.entries.length} ${word('entries', lang)}, ${ranked} ${word('ranked', lang)}${unranked > 0 ? `, ${unranked} ${word('unranked', lang)}` : ''}`,
  );
  for (const s of result.shortlists) {
    lines.push(`${shortlistLabel(rubric, s.name, lang)}: ${s.taken}/${s.size}${s.cutoff_tie ? ` — ${c.yellow(word('cutoff_tie', lang))}` : ''}`);
  }
  if (result.decisions !== undefined) lines.push('', `${plenaryWord('decisions', lang)}:`, ...decisionLines(result, lang).map((l) => `  ${l}`), '');
  if (result.entries.some((e) => e.tied)) lines.push(c.dim(word('legend_tie', lang)));
  if (layout.criteria === 'none' && criteria.length > 0) lines.push(c.dim(word('legend_narrow', lang)));
  const shortened = layout.criteria === 'short' ? criteria.filter((k, i) => head[5 + i] !== criterionLabel(rubric, k, lang)) : [];
  if (shortened.length > 0) lines.push(c.dim(shortened.map((k) => `${head[5 + criteria.indexOf(k)]} ${criterionLabel(rubric, k, lang)}`).join(' · ')));
  return `${lines.join('\n')}\n`;
}

/**
 * The table is drawn here rather than by cli-table3: its layout takes quadratic time (5 s for a
 * national year of 3,500 rows), and every cell already fits its width. `plain` holds the cells
 * without colour, for padding.
 */
function line(cells: readonly string[], widths: readonly number[], plain: readonly string[] = cells): string {
  return `│${cells.map((cell, i) => ` ${cell}${' '.repeat(Math.max(0, widths[i]! - [...plain[i]!.replace(ANSI, '')].length))} `).join('│')}│`;
}

function border(left: string, mid: string, right: string, widths: readonly number[]): string {
  return `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** "Top 40 — cut line: 40/40" (per category with the category), and the tie warning when there is one. */
export function cutText(result: ScoreResult, cut: CutLine, lang: ReportOptions['lang']): string {
  const scope = cut.category !== undefined ? ` (${categoryLabel(result.rubric, cut.category, lang)})` : '';
  return `${shortlistLabel(result.rubric, cut.shortlist, lang)}${scope} — ${word('cut', lang)}: ${cut.taken}/${cut.size}${cut.cutoffTie ? ` — ${word('cutoff_tie', lang)}` : ''}`;
}

function tableLayout(result: ScoreResult, options: ReportOptions, allCriteria: string[], withShortlists: boolean, layout: Layout) {
  const { rubric } = result;
  const { lang } = options;
  const criteria = layout.criteria === 'none' ? [] : allCriteria;
  const rows = result.entries.map((e) => ({
    e,
    cells: [
      e.rank === null ? '–' : `${e.rank}${e.tied ? '=' : ''}`,
      safeText(e.id),
      safeText(e.title),
      shortCategory(result, e, lang),
      e.total === null ? '–' : `${fixed2(e.total)}${layout.bar ? ` ${totalBar(e.total)}` : ''}`,
      ...criteria.map((k) => fixed2(e.criteria[k])),
      ...(rubric.groups.length > 0 ? [e.group === null ? '–' : groupName(rubric, e.group, lang)] : []),
      ...rubric.stages.map((s) => stageCell(e, s.name)),
      ...(withShortlists ? [e.shortlists.map((s) => shortlistLabel(rubric, s, lang)).join(', ')] : []),
      safeText(statusOf(e, options)),
    ],
  }));
  const criterionHead = (k: string, i: number) => {
    const label = criterionLabel(rubric, k, lang);
    if (layout.criteria === 'full') return truncate(label, 8);
    const values = Math.max(1, ...rows.map((r) => [...r.cells[5 + i]!].length));
    return truncate(label, Math.max(4, values));
  };
  const head = [
    word('rank', lang),
    word('id', lang),
    word('title', lang),
    word('category', lang),
    word('total', lang),
    ...criteria.map(criterionHead),
    ...(rubric.groups.length > 0 ? [word('group', lang)] : []),
    ...rubric.stages.map((s) => truncate(s.label[lang], 14)),
    ...(withShortlists ? [word('shortlists', lang)] : []),
    word('status', lang),
  ];
  // Every column but the title takes what its widest cell needs (status at most 40, or 28
  // in the most compact layout; shortlists at most 30); the title
  // gets what is left of the terminal, between 12 and 50 characters.
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r.cells[i]!].length)));
  const STATUS = head.length - 1;
  widths[STATUS] = Math.min(widths[STATUS]!, layout.criteria === 'none' ? 28 : 40);
  if (withShortlists) widths[STATUS - 1] = Math.min(widths[STATUS - 1]!, 30);
  const others = widths.reduce((sum, w, i) => (i === 2 ? sum : sum + w + 3), 0) + 1;
  widths[2] = Math.max(12, Math.min(50, widths[2]!, options.width - others - 3));
  return { head, rows, widths, layout };
}
