/**
 * The terminal table: rank (with `=` for a shared rank), id, title (truncated to fit), category,
 * total with a bar, the criteria, shortlist marks and status. Colour only when allowed.
 */
import { Chalk } from 'chalk';
import type { EntryResult, ScoreResult } from '../../model/result.js';
import { cutLines, endsEarly, linesForList, type CutLine } from './cuts.js';
import { decisionLines } from '../shared/decisions.js';
import { categoryLabel, criterionLabel, shortlistLabel, word } from '../shared/labels.js';
import type { ReportOptions } from './options.js';
import { drawnFrom, selectionText } from './selection.js';
import { ANSI, cellText, displayWidth, fixed2, safeText, truncate, wrap } from '../shared/text.js';
import { pushAll } from '../../model/arrays.js';
import { cutText, groupName, stageCell, statusOf } from './cells.js';

const BAR_WIDTH = 10;

export function totalBar(total: number | null, width = BAR_WIDTH): string {
  if (total === null) return ' '.repeat(width);
  const eighths = Math.round((Math.max(0, Math.min(100, total)) / 100) * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  return ('█'.repeat(full) + (part > 0 ? ' ▏▎▍▌▋▊▉'[part]! : '')).padEnd(width, ' ');
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
 * Layouts from the richest to the poorest: the first whose table fits the terminal, with the
 * title at least `titleMin` characters wide (or its longest title, when titles are short), is
 * drawn. Criterion headers are shortened before the bar goes, and the bar, the long rank and
 * total headers and the width of the status and shortlist columns before the criteria, because
 * a judge's eye goes to the numbers; the last table layouts narrow the text columns. When no table fits, a list without borders does (`formatList`).
 */
const ROOMY = { titleMin: 24, status: 40, shortlists: 30, category: 16 };
const TIGHT = { titleMin: 16, status: 28, shortlists: 20, category: 12 };
const TIGHTEST = { titleMin: 12, status: 20, shortlists: 12, category: 10 };
const LAYOUTS: Layout[] = [
  { bar: true, criteria: 'full', compactHeads: false, ...ROOMY },
  { bar: true, criteria: 'short', compactHeads: false, ...ROOMY },
  { bar: false, criteria: 'short', compactHeads: false, ...ROOMY },
  { bar: false, criteria: 'short', compactHeads: true, ...TIGHT },
  { bar: false, criteria: 'none', compactHeads: true, ...ROOMY },
  { bar: false, criteria: 'none', compactHeads: true, ...TIGHT },
  { bar: false, criteria: 'none', compactHeads: true, stages: false, ...TIGHT },
  { bar: false, criteria: 'none', compactHeads: true, stages: false, ...TIGHTEST },
];
/** The widest a title, an id and a criterion header (in the richest layout) are drawn. */
const TITLE_MAX = 50;
const ID_MAX = 24;
const CRITERION_HEAD_MAX = 16;
const STAGE_HEAD_MAX = 14;
/** In the list, a long title leaves room for the shortlists and the status after it. */
const LIST_TITLE_MAX = 32;

interface Layout {
  bar: boolean;
  criteria: 'full' | 'short' | 'none';
  titleMin: number;
  /** The widest the status, shortlists and category columns are drawn (cut with an ellipsis). */
  status: number;
  shortlists: number;
  category: number;
  /** `#` for the rank, a shorter word for the total (Indonesian "Nilai akhir" is 11 wide). */
  compactHeads: boolean;
  /** Stage totals are shown unless this is false. */
  stages?: false;
}

export function formatTable(result: ScoreResult, options: ReportOptions): string {
  const { rubric } = result;
  const { lang } = options;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const criteria = rubric.criteria.map((k) => k.id);
  const withShortlists = rubric.shortlists.length > 0;
  const cuts = linesForList(cutLines(result), result.entries, endsEarly(result));
  const base = tableRows(result, options, criteria);
  let chosen: ReturnType<typeof tableLayout> | undefined;
  for (const layout of LAYOUTS) {
    const t = tableLayout(result, options, base, criteria, withShortlists, layout);
    if (t.width <= options.width) {
      chosen = t;
      break;
    }
  }
  const lines = [
    chosen === undefined
      ? formatList(result, options, base.rows, cuts, c)
      : drawTable(result, options, chosen, base.rows, cuts, c),
  ];
  const layout = chosen?.layout;
  const { entries: all, ranked, unranked } = drawnFrom(result);
  lines.push(
    `${safeText(rubric.name)} · ${word('as_of', lang)} ${result.asOf} · ${all} ${word('entries', lang)}, ${ranked} ${word('ranked', lang)}${unranked > 0 ? `, ${unranked} ${word('unranked', lang)}` : ''}`,
  );
  const shown = selectionText(result.selection, rubric, lang);
  if (shown !== null) lines.push(result.selection!.tie !== null ? c.yellow(shown) : shown);
  for (const s of result.shortlists) {
    lines.push(
      `${shortlistLabel(rubric, s.name, lang)}: ${s.taken}/${s.size}${s.cutoff_tie ? ` — ${c.yellow(word('cutoff_tie', lang))}` : ''}`,
    );
  }
  if (result.decisions !== undefined)
    pushAll(lines, ['', `${word('decisions', lang)}:`, ...decisionLines(result, lang).map((l) => `  ${l}`), '']);
  if (result.entries.some((e) => e.tied)) lines.push(c.dim(word('legend_tie', lang)));
  if ((layout === undefined || layout.criteria === 'none') && criteria.length > 0)
    lines.push(c.dim(word('legend_narrow', lang)));
  if ((layout === undefined || layout.stages === false) && rubric.stages.length > 0)
    lines.push(c.dim(word('legend_narrow_stages', lang)));
  const cut = chosen?.abbreviated ?? [];
  if (cut.length > 0) lines.push(c.dim(cut.map(([h, name]) => `${h} ${name}`).join(' · ')));
  // The table itself fits; the lines under it are wrapped to the terminal too.
  const [table, ...footer] = lines;
  return `${[table!, ...footer.flatMap((l) => wrap(l, options.width))].join('\n')}\n`;
}

function drawTable(
  result: ScoreResult,
  options: ReportOptions,
  t: ReturnType<typeof tableLayout>,
  rows: readonly Row[],
  cuts: CutLine[],
  c: InstanceType<typeof Chalk>,
): string {
  const { columns } = t;
  const widths = columns.map((col) => col.width);
  const head = columns.map((col) => col.head);
  const body = [
    border('┌', '┬', '┐', widths),
    line(
      head.map((h) => c.bold(h)),
      widths,
      head,
    ),
    border('├', '┼', '┤', widths),
  ];
  const inner = widths.reduce((sum, w) => sum + w + 3, -1) - 2;
  for (const r of rows) {
    const { e } = r;
    // Colour says the same as the status column (never alone): shortlisted green, below a pass
    // mark yellow, not ranked dim.
    const colour =
      e.flags.length > 0 ? c.dim : !e.passed ? c.yellow : e.shortlists.length > 0 ? c.green : (s: string) => s;
    const cells = columns.map((col) => (col.role === 'title' ? truncate(col.cell(r), col.width) : col.cell(r)));
    const shown = cells.map((cell, i) =>
      ['total', 'status', 'shortlists'].includes(columns[i]!.role) ? colour(cell) : cell,
    );
    if (e.tied) shown[0] = `${shown[0]!.replace('=', c.cyan.bold('='))}`;
    body.push(line(shown, widths, cells));
    for (const cut of cuts.filter((l) => l.afterId === e.id)) {
      const text = truncate(`✂ ${cutText(result, cut, options.lang)}`, inner);
      body.push(
        `│ ${(cut.cutoffTie ? c.yellow : c.cyan)(text)}${' '.repeat(Math.max(0, inner - displayWidth(text)))} │`,
      );
    }
  }
  body.push(border('└', '┴', '┘', widths));
  return body.join('\n');
}

/**
 * The poorest layout, for a terminal too narrow for any table: rank, id and total, then the
 * title and the status on the rest of the line, without borders; every line cut to the width.
 */
function formatList(
  result: ScoreResult,
  options: ReportOptions,
  base: readonly Row[],
  cuts: CutLine[],
  c: InstanceType<typeof Chalk>,
): string {
  const { lang, width } = options;
  const rows = base.map(({ e, cells }) => ({
    e,
    rank: cells.rank,
    id: cells.id,
    total: cells.total,
    rest: [truncate(cells.title, LIST_TITLE_MAX), cells.shortlists, cells.status].filter((x) => x !== '').join(' · '),
  }));
  let rw = 1;
  let iw = displayWidth(word('id', lang));
  for (const r of rows) {
    rw = Math.max(rw, r.rank.length);
    iw = Math.max(iw, displayWidth(r.id));
  }
  const tw = Math.max(5, displayWidth(word('total_short', lang)));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  const fit = (s: string) => truncate(s, width);
  const out = [
    c.bold(
      fit(
        `${'#'.padStart(rw)}  ${pad(word('id', lang), iw)}  ${pad(word('total_short', lang), tw)}  ${word('title', lang)} · ${word('shortlists', lang)} · ${word('status', lang)}`,
      ),
    ),
  ];
  for (const r of rows) {
    const colour =
      r.e.flags.length > 0 ? c.dim : !r.e.passed ? c.yellow : r.e.shortlists.length > 0 ? c.green : (s: string) => s;
    out.push(colour(fit(`${r.rank.padStart(rw)}  ${pad(r.id, iw)}  ${r.total.padStart(tw)}  ${r.rest}`)));
    for (const cut of cuts.filter((l) => l.afterId === r.e.id))
      out.push((cut.cutoffTie ? c.yellow : c.cyan)(fit(`✂ ${cutText(result, cut, lang)}`)));
  }
  return out.join('\n');
}

/**
 * The table is drawn here rather than by cli-table3: its layout takes quadratic time (5 s for a
 * national year of 3,500 rows), and every cell already fits its width. `plain` holds the cells
 * without colour, for padding.
 */
function line(cells: readonly string[], widths: readonly number[], plain: readonly string[] = cells): string {
  return `│${cells.map((cell, i) => ` ${cell}${' '.repeat(Math.max(0, widths[i]! - displayWidth(plain[i]!.replace(ANSI, ''))))} `).join('│')}│`;
}

function border(left: string, mid: string, right: string, widths: readonly number[]): string {
  return `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
}

/** A row's cells as wide as any layout draws them, with their widths, made once for all layouts. */
interface Row {
  e: EntryResult;
  cells: Record<'rank' | 'id' | 'title' | 'category' | 'total' | 'bar' | 'group' | 'shortlists' | 'status', string> & {
    criteria: string[];
    stages: string[];
  };
}

type Widest = Record<Exclude<keyof Row['cells'], 'criteria' | 'stages'>, number> & {
  criteria: number[];
  stages: number[];
};

function tableRows(
  result: ScoreResult,
  options: ReportOptions,
  criteria: readonly string[],
): { rows: Row[]; widest: Widest } {
  const { rubric } = result;
  const { lang } = options;
  // Every cell is cut here to the most any layout shows of it, so that no width is measured on
  // more than that (a 100 MB title costs what a short one does).
  const rows: Row[] = result.entries.map((e) => ({
    e,
    cells: {
      rank: e.rank === null ? '–' : `${e.rank}${e.tied ? '=' : ''}`,
      id: cellText(e.id, ID_MAX),
      title: cellText(e.title, TITLE_MAX),
      category: truncate(shortCategory(result, e, lang), ROOMY.category),
      total: e.total === null ? '–' : fixed2(e.total),
      bar: e.total === null ? '' : totalBar(e.total),
      criteria: criteria.map((k) => fixed2(e.criteria[k])),
      group: e.group === null ? '–' : truncate(groupName(rubric, e.group, lang), 16),
      stages: rubric.stages.map((s) => stageCell(e, s.name)),
      shortlists: truncate(e.shortlists.map((s) => shortlistLabel(rubric, s, lang)).join(', '), ROOMY.shortlists),
      status: cellText(statusOf(e, options), ROOMY.status),
    },
  }));
  const widest: Widest = {
    rank: 0,
    id: 0,
    title: 0,
    category: 0,
    total: 0,
    bar: 0,
    group: 0,
    shortlists: 0,
    status: 0,
    criteria: criteria.map(() => 0),
    stages: rubric.stages.map(() => 0),
  };
  for (const { cells } of rows) {
    for (const key of ['rank', 'id', 'title', 'category', 'total', 'bar', 'group', 'shortlists', 'status'] as const)
      widest[key] = Math.max(widest[key], displayWidth(cells[key]));
    cells.criteria.forEach((v, i) => (widest.criteria[i] = Math.max(widest.criteria[i]!, displayWidth(v))));
    cells.stages.forEach((v, i) => (widest.stages[i] = Math.max(widest.stages[i]!, displayWidth(v))));
  }
  return { rows, widest };
}

/** A column of one layout: its header, its width before the title's share is known, and its cell. */
interface Column {
  role: 'rank' | 'title' | 'total' | 'shortlists' | 'status' | 'other';
  head: string;
  width: number;
  cell: (r: Row) => string;
}

function tableLayout(
  result: ScoreResult,
  options: ReportOptions,
  base: { rows: Row[]; widest: Widest },
  allCriteria: string[],
  withShortlists: boolean,
  layout: Layout,
) {
  const { rubric } = result;
  const { lang } = options;
  const { widest } = base;
  const criteria = layout.criteria === 'none' ? [] : allCriteria;
  const stages = layout.stages === false ? [] : rubric.stages;
  const labels = criteria.map((k) => criterionLabel(rubric, k, lang));
  const criterionHeads = abbreviate(
    labels,
    criteria.map((_, i) => (layout.criteria === 'full' ? CRITERION_HEAD_MAX : Math.max(4, widest.criteria[i]!))),
  );
  const stageHeads = stages.map((s) => truncate(s.label[lang], STAGE_HEAD_MAX));
  // Every header cut to fit is spelled out under the table: "Nov… Novelty · Penilaian pro… Penilaian proposal".
  const abbreviated = [
    ...criterionHeads.map((h, i) => [h, labels[i]!] as const),
    ...stageHeads.map((h, i) => [h, stages[i]!.label[lang]] as const),
  ].filter(([h, name]) => h !== name);
  // A capped column is as wide as its widest cell cut to the cap (or its header).
  const column = (
    role: Column['role'],
    head: string,
    widestCell: number,
    cell: (r: Row) => string,
    cap = Infinity,
  ): Column => ({ role, head, width: Math.max(displayWidth(head), Math.min(widestCell, cap)), cell });
  const bar = layout.bar ? BAR_WIDTH + 1 : 0;
  const columns: Column[] = [
    column('rank', layout.compactHeads ? '#' : word('rank', lang), widest.rank, (r) => r.cells.rank),
    column('other', word('id', lang), widest.id, (r) => r.cells.id),
    column('title', word('title', lang), widest.title, (r) => r.cells.title),
    column(
      'other',
      truncate(word('category', lang), layout.category),
      widest.category,
      (r) => truncate(r.cells.category, layout.category),
      layout.category,
    ),
    column(
      'total',
      word(layout.compactHeads ? 'total_short' : 'total', lang),
      widest.total + (widest.bar > 0 ? bar : 0),
      (r) => (layout.bar && r.cells.bar !== '' ? `${r.cells.total} ${r.cells.bar}` : r.cells.total),
    ),
    ...criteria.map((_, i) => column('other', criterionHeads[i]!, widest.criteria[i]!, (r) => r.cells.criteria[i]!)),
    ...(rubric.groups.length > 0 ? [column('other', word('group', lang), widest.group, (r) => r.cells.group)] : []),
    ...stages.map((_, i) => column('other', stageHeads[i]!, widest.stages[i]!, (r) => r.cells.stages[i]!)),
    ...(withShortlists
      ? [
          column(
            'shortlists',
            truncate(word('shortlists', lang), layout.shortlists),
            widest.shortlists,
            (r) => truncate(r.cells.shortlists, layout.shortlists),
            layout.shortlists,
          ),
        ]
      : []),
    column(
      'status',
      truncate(word('status', lang), layout.status),
      widest.status,
      (r) => truncate(r.cells.status, layout.status),
      layout.status,
    ),
  ];
  // Every column but the title takes what its widest cell needs; the title gets what is left of
  // the terminal, up to its longest title (at most TITLE_MAX). The layout's width is the table's
  // with the title at its least (titleMin, or the longest title when all are shorter).
  const title = columns[2]!;
  const others = columns.reduce((sum, col) => (col === title ? sum : sum + col.width + 3), 0) + 1;
  const least = Math.min(title.width, Math.max(layout.titleMin, displayWidth(title.head)));
  title.width = Math.max(least, Math.min(title.width, options.width - others - 3));
  return { columns, layout, abbreviated, width: others + least + 3 };
}

/**
 * Criterion headers cut to their widths (with an ellipsis), lengthened where two would read the
 * same, so that the legend under the table maps each abbreviation to one criterion.
 */
function abbreviate(labels: readonly string[], widths: readonly number[]): string[] {
  const w = [...widths];
  for (;;) {
    const heads = labels.map((l, i) => truncate(l, w[i]!));
    const clash = heads.findIndex((h, i) => heads.indexOf(h) !== i);
    if (clash < 0) return heads;
    const grow = heads
      .map((h, i) => (h === heads[clash] ? i : -1))
      .filter((i) => i >= 0 && displayWidth(labels[i]!) > w[i]!);
    if (grow.length === 0) return heads; // identical labels: nothing tells them apart
    for (const i of grow) w[i]!++;
  }
}
