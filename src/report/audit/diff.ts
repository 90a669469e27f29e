/**
 * `kipp diff` formatters (text, json, md) and the per-entry wording `kipp verify` shares: a clear
 * list of what moved, not a dump of two reports. Pure: (diff, options) → string.
 */
import type {
  Change,
  DecisionSummary,
  EntryDiff,
  EntryMove,
  ManifestDiff,
  NotShown,
  ReportDiff,
  ReportFilter,
  ShortlistDiff,
} from '../../audit/diff.js';
import { roundTo } from '../../scoring/round.js';
import { mdCell } from '../shared/text.js';
import { safeText, truncate } from '../shared/text.js';
import { pushAll } from '../../model/arrays.js';

export const DIFF_FORMATS = ['text', 'json', 'md'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffReportOptions {
  /** The two report files as the user named them. */
  old: string;
  new: string;
}

const rankText = (r: number | null) => (r === null ? 'unranked' : String(r));
const yesNo = (b: boolean | null) => (b === null ? '–' : b ? 'yes' : 'no');
const listText = (xs: readonly string[]) => (xs.length === 0 ? '–' : xs.join(', '));

/** Totals and s_c are rounded to 6 decimals (docs/reference/scoring.md step 7): no change hides below that. */
const MAX_DECIMALS = 6;

const fixed = (x: number, places: number) => roundTo(x, places).toFixed(places);

/**
 * The decimals that show a change: 2, as tables show figures, or the fewest more (up to 6)
 * at which the two figures differ and a non-zero delta is not printed as zero. 80.001 → 80.004
 * shows as 80.001 → 80.004 (+0.003), never 80.00 → 80.00 (+0.00).
 */
export function changeDecimals(a: number | null, b: number | null, delta: number | null = null): number {
  for (let places = 2; places < MAX_DECIMALS; places++) {
    const figuresShow = a === null || b === null || a === b || fixed(a, places) !== fixed(b, places);
    const deltaShows = delta === null || delta === 0 || Number(fixed(Math.abs(delta), places)) !== 0;
    if (figuresShow && deltaShows) return places;
  }
  return MAX_DECIMALS;
}

/** Two figures with the decimals that show their change ('–' for none). */
export function figurePair(a: number | null, b: number | null, delta: number | null = null): [string, string] {
  const places = changeDecimals(a, b, delta);
  return [a === null ? '–' : fixed(a, places), b === null ? '–' : fixed(b, places)];
}

/** new − old with a sign, at the decimals figurePair shows the two figures with. */
export function signedDelta(delta: number, a: number | null, b: number | null): string {
  return `${delta < 0 ? '−' : '+'}${fixed(Math.abs(delta), changeDecimals(a, b, delta))}`;
}

/** A total change as `70.124 → 70.126 (+0.002)`. */
function totalChange(total: NonNullable<EntryDiff['total']>): string {
  const [a, b] = figurePair(total.old, total.new, total.delta);
  return `${a} → ${b}${total.delta !== null ? ` (${signedDelta(total.delta, total.old, total.new)})` : ''}`;
}

/** A shortlist move's rank on one side: `not in the old report` is not `unranked`. */
function moveRank(e: EntryMove, side: 'old' | 'new'): string {
  return e.absent === side ? `not in the ${side} report` : rankText(e.rank[side]);
}

/** `--top 10`, `--category inclusive`, or both: how a report was narrowed. */
export function filterText(f: ReportFilter): string {
  return [f.top !== null ? `--top ${f.top}` : '', f.category !== null ? `--category ${f.category}` : '']
    .filter((x) => x !== '')
    .join(' ');
}

/** Up to `max` ids, then how many more. */
function someIds(list: NotShown['entries'], max = 10): string {
  const shown = list
    .slice(0, max)
    .map((e) => safeText(e.id))
    .join(', ');
  return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}

/**
 * The entries shown in only one report because the other was narrowed, as lines: they are
 * not compared (their absence says nothing about their rank, total or shortlists).
 */
export function notShownLines(
  diff: ReportDiff,
  names: { old: string; new: string } = { old: 'old report', new: 'new report' },
): string[] {
  const out: string[] = [];
  for (const side of ['old', 'new'] as const) {
    const ns = diff.not_shown[side];
    if (ns === undefined) continue;
    const n = ns.entries.length;
    out.push(
      `${n} ${n === 1 ? 'entry' : 'entries'} not in the ${names[side]}, which shows ${filterText(ns.filter)} only (not compared): ${someIds(ns.entries)}`,
    );
  }
  return out;
}

/** "up 4" / "down 2" / "now ranked" … for a rank change. */
export function rankMove(rank: Change<number | null>): string {
  if (rank.old === null) return rank.new === null ? '' : 'now ranked';
  if (rank.new === null) return 'no longer ranked';
  const by = rank.old - rank.new;
  return by > 0 ? `up ${by}` : `down ${-by}`;
}

/** Every difference of one entry on one line: `rank 42 → 38; total 70.12 → 74.50 (+4.38); entered top-40`. */
export function entryChanges(d: EntryDiff): string[] {
  const parts: string[] = [];
  if (d.status === 'added') {
    parts.push('only in the new report', `rank ${rankText(d.rank?.new ?? null)}`);
    if (d.shortlists) parts.push(`in ${d.shortlists.entered.join(', ')}`);
    return parts;
  }
  if (d.status === 'removed') {
    parts.push('only in the old report', `was rank ${rankText(d.rank?.old ?? null)}`);
    if (d.shortlists) parts.push(`was in ${d.shortlists.left.join(', ')}`);
    return parts;
  }
  if (d.rank) parts.push(`rank ${rankText(d.rank.old)} → ${rankText(d.rank.new)}`);
  if (d.total) parts.push(`total ${totalChange(d.total)}`);
  if (d.shortlists) {
    if (d.shortlists.entered.length > 0) parts.push(`entered ${d.shortlists.entered.join(', ')}`);
    if (d.shortlists.left.length > 0) parts.push(`left ${d.shortlists.left.join(', ')}`);
  }
  if (d.passed) parts.push(`passed ${yesNo(d.passed.old)} → ${yesNo(d.passed.new)}`);
  if (d.category_rank) parts.push(`category rank ${rankText(d.category_rank.old)} → ${rankText(d.category_rank.new)}`);
  if (d.tied) parts.push(`tied ${yesNo(d.tied.old)} → ${yesNo(d.tied.new)}`);
  if (d.category) parts.push(`category ${d.category.old} → ${d.category.new}`);
  if (d.judges) parts.push(`judges ${d.judges.old} → ${d.judges.new}`);
  if (d.flags) parts.push(`flags ${listText(d.flags.old)} → ${listText(d.flags.new)}`);
  if (d.reasons) parts.push(`reasons ${listText(d.reasons.old)} → ${listText(d.reasons.new)}`);
  for (const [c, v] of Object.entries(d.criteria ?? {})) {
    const [a, b] = figurePair(v.old, v.new);
    parts.push(`${c} ${a} → ${b}`);
  }
  for (const [name, v] of Object.entries(d.stages ?? {})) {
    const [a, b] = figurePair(v.old?.total ?? null, v.new?.total ?? null);
    parts.push(
      `stage ${name}: total ${a} → ${b}, rank ${rankText(v.old?.rank ?? null)} → ${rankText(v.new?.rank ?? null)}`,
    );
  }
  return parts;
}

function shortHash(h: string | null): string {
  return h === null ? '–' : h.slice(0, 12);
}

export function manifestLines(m: ManifestDiff): string[] {
  const out: string[] = [];
  for (const i of m.inputs) {
    const hashes = i.status === 'changed' ? `  sha256 ${shortHash(i.old)} → ${shortHash(i.new)}` : '';
    out.push(`${i.status.padEnd(8)} ${i.kind.padEnd(8)} ${safeText(i.path)}${hashes}`);
  }
  if (m.rubric?.sha256)
    out.push(`rubric   sha256 ${shortHash(m.rubric.sha256.old)} → ${shortHash(m.rubric.sha256.new)}`);
  if (m.rubric?.name) out.push(`rubric   name ${safeText(m.rubric.name.old)} → ${safeText(m.rubric.name.new)}`);
  if (m.rubric?.version) out.push(`rubric   version ${String(m.rubric.version.old)} → ${String(m.rubric.version.new)}`);
  if (m.as_of) out.push(`reference date ${m.as_of.old} → ${m.as_of.new}`);
  for (const [k, v] of Object.entries(m.options))
    out.push(`option ${k}: ${JSON.stringify(v.old)} → ${JSON.stringify(v.new)}`);
  if (m.kipp) out.push(`kipp ${m.kipp.old} → ${m.kipp.new}`);
  return out;
}

function shortlistSummary(s: ShortlistDiff): string {
  const parts = [`${s.entered.length} entered`, `${s.left.length} left`];
  if (s.taken) parts.push(`taken ${s.taken.old ?? '–'} → ${s.taken.new ?? '–'}`);
  if (s.size) parts.push(`size ${s.size.old ?? '–'} → ${s.size.new ?? '–'}`);
  if (s.cutoff_tie) parts.push(`tie at the cut-off ${yesNo(s.cutoff_tie.old)} → ${yesNo(s.cutoff_tie.new)}`);
  return parts.join(', ');
}

/** The three lists a secretariat reads first. */
export function diffSections(diff: ReportDiff) {
  const changed = diff.entries.filter((e) => e.status === 'changed');
  return {
    rankMoves: changed.filter((e) => e.rank !== undefined),
    totalChanges: changed.filter((e) => e.total !== undefined),
    // Entries whose rank, total and shortlists stayed but something else moved (criteria, flags …).
    other: changed.filter((e) => e.rank === undefined && e.total === undefined && e.shortlists === undefined),
    added: diff.entries.filter((e) => e.status === 'added'),
    removed: diff.entries.filter((e) => e.status === 'removed'),
  };
}

function summaryLine(diff: ReportDiff): string {
  const s = diffSections(diff);
  const moved = diff.shortlists.reduce((n, l) => n + l.entered.length + l.left.length, 0);
  const notShown = (diff.not_shown.old?.entries.length ?? 0) + (diff.not_shown.new?.entries.length ?? 0);
  if (diff.entries.length === 0 && diff.shortlists.length === 0 && notShown === 0)
    return 'No differences: every rank, total and shortlist is the same.';
  const parts = [
    `${moved} shortlist ${moved === 1 ? 'move' : 'moves'}`,
    `${s.rankMoves.length} rank ${s.rankMoves.length === 1 ? 'change' : 'changes'}`,
    `${s.totalChanges.length} total ${s.totalChanges.length === 1 ? 'change' : 'changes'}`,
  ];
  if (s.other.length > 0) parts.push(`${s.other.length} other`);
  if (s.added.length > 0) parts.push(`${s.added.length} only in the new report`);
  if (s.removed.length > 0) parts.push(`${s.removed.length} only in the old report`);
  if (notShown > 0) parts.push(`${notShown} shown in one report only (--top/--category), not compared`);
  return `${parts.join(', ')}.`;
}

/** Rows of cells as aligned columns (numbers to the right; the last cell is not padded), indented. */
export function alignRows(rows: string[][], indent = '  '): string[] {
  const width = (t: string) => [...t].length;
  const numeric = (t: string) => /^[−+-]?\d/.test(t) || t === 'unranked';
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  const pad = (cell: string, i: number, last: boolean) => {
    const fill = ' '.repeat(widths[i]! - width(cell));
    return numeric(cell) ? fill + cell : last ? cell : cell + fill;
  };
  return rows.map((row) => `${indent}${row.map((cell, i) => pad(cell, i, i === row.length - 1)).join('  ')}`.trimEnd());
}

const titleCell = (title: string) => truncate(safeText(title), 40);

/** Criteria whose score moved, as a parenthesis after a total change. */
function criteriaNote(d: EntryDiff): string {
  const moved = Object.entries(d.criteria ?? {}).map(([c, v]) => {
    const [a, b] = figurePair(v.old, v.new);
    return `${c} ${a} → ${b}`;
  });
  return moved.length > 0 ? `(${moved.join(', ')})` : '';
}

/** Decisions added and removed, as lines: `resolve_tie top-45: P-046 — by …, date: reason`. */
function decisionChanges(diff: ReportDiff): [string, string[]][] {
  const line = (d: DecisionSummary) =>
    `${d.action}${d.shortlist !== undefined ? ` ${d.shortlist}` : ''}: ${d.entries.join(', ')} — ${d.by}, ${d.date}: ${d.reason}`;
  const out: [string, string[]][] = [];
  if (diff.decisions && diff.decisions.added.length > 0) out.push(['Decisions added', diff.decisions.added.map(line)]);
  if (diff.decisions && diff.decisions.removed.length > 0)
    out.push(['Decisions removed', diff.decisions.removed.map(line)]);
  return out;
}

export function formatDiffText(diff: ReportDiff, options: DiffReportOptions): string {
  const out: string[] = [`kipp diff ${safeText(options.old)} → ${safeText(options.new)}`, ''];
  const manifest = manifestLines(diff.manifest);
  if (manifest.length > 0) pushAll(out, ['Inputs and options', ...manifest.map((l) => `  ${l}`), '']);
  for (const s of diff.shortlists) {
    out.push(`Shortlist ${safeText(s.name)}: ${shortlistSummary(s)}`);
    const rows = [
      ...s.entered.map((e) => [
        '+',
        safeText(e.id),
        titleCell(e.title),
        `rank ${moveRank(e, 'old')} → ${moveRank(e, 'new')}`,
      ]),
      ...s.left.map((e) => [
        '-',
        safeText(e.id),
        titleCell(e.title),
        `rank ${moveRank(e, 'old')} → ${moveRank(e, 'new')}`,
      ]),
    ];
    pushAll(out, alignRows(rows));
    out.push('');
  }
  const s = diffSections(diff);
  if (s.rankMoves.length > 0) {
    out.push(`Rank moves (${s.rankMoves.length})`);
    pushAll(out, [
      ...alignRows(
        s.rankMoves.map((d) => [
          safeText(d.id),
          titleCell(d.title),
          rankText(d.rank!.old),
          '→',
          rankText(d.rank!.new),
          rankMove(d.rank!),
        ]),
      ),
      '',
    ]);
  }
  if (s.totalChanges.length > 0) {
    out.push(`Total changes (${s.totalChanges.length})`);
    const rows = s.totalChanges.map((d) => {
      const [a, b] = figurePair(d.total!.old, d.total!.new, d.total!.delta);
      return [
        safeText(d.id),
        titleCell(d.title),
        a,
        '→',
        b,
        d.total!.delta !== null ? signedDelta(d.total!.delta, d.total!.old, d.total!.new) : '',
        criteriaNote(d),
      ];
    });
    pushAll(out, alignRows(rows));
    out.push('');
  }
  for (const [title, list] of [
    ['Other changes', s.other],
    ['Only in the new report', s.added],
    ['Only in the old report', s.removed],
  ] as const) {
    if (list.length === 0) continue;
    out.push(`${title} (${list.length})`);
    pushAll(out, [
      ...alignRows(
        list.map((d) => [
          safeText(d.id),
          titleCell(d.title),
          entryChanges(d)
            .filter((p) => !p.startsWith('only in'))
            .join('; '),
        ]),
      ),
      '',
    ]);
  }
  const notShown = notShownLines(diff);
  if (notShown.length > 0) pushAll(out, ['Shown in one report only', ...notShown.map((l) => `  ${l}`), '']);
  for (const [title, list] of decisionChanges(diff))
    pushAll(out, [`${title} (${list.length})`, ...list.map((l) => `  ${safeText(l)}`), '']);
  if (diff.diagnostics.length > 0) {
    pushAll(out, ['Diagnostics', ...diff.diagnostics.map((d) => `  ${d.severity} ${d.code}: ${d.old} → ${d.new}`), '']);
  }
  out.push(summaryLine(diff));
  return `${out.join('\n')}\n`;
}

export function formatDiffJson(diff: ReportDiff, options: DiffReportOptions): string {
  return `${JSON.stringify({ old: options.old, new: options.new, ...diff }, null, 2)}\n`;
}

export function formatDiffMarkdown(diff: ReportDiff, options: DiffReportOptions): string {
  const out: string[] = [`# Changes: ${mdCell(options.old)} → ${mdCell(options.new)}`, '', summaryLine(diff), ''];
  const manifest = manifestLines(diff.manifest);
  if (manifest.length > 0)
    pushAll(out, ['## Inputs and options', '', ...manifest.map((l) => `- ${mdCell(l.replace(/ {2,}/g, ' '))}`), '']);
  for (const s of diff.shortlists) {
    out.push(`## Shortlist ${mdCell(s.name)}`, '', mdCell(shortlistSummary(s)), '');
    if (s.entered.length + s.left.length === 0) continue;
    out.push('| | ID | Title | Old rank | New rank |', '|---|---|---|---:|---:|');
    for (const [sign, list] of [
      ['entered', s.entered],
      ['left', s.left],
    ] as const) {
      for (const e of list)
        out.push(`| ${sign} | ${mdCell(e.id)} | ${mdCell(e.title)} | ${moveRank(e, 'old')} | ${moveRank(e, 'new')} |`);
    }
    out.push('');
  }
  const s = diffSections(diff);
  if (s.rankMoves.length + s.totalChanges.length > 0) {
    const rows = diff.entries.filter((e) => e.status === 'changed' && (e.rank !== undefined || e.total !== undefined));
    out.push(
      '## Rank and total changes',
      '',
      '| ID | Title | Old rank | New rank | Move | Old total | New total | Δ |',
      '|---|---|---:|---:|---|---:|---:|---:|',
    );
    for (const d of rows) {
      const rank = d.rank ?? null;
      const [a, b] = d.total ? figurePair(d.total.old, d.total.new, d.total.delta) : ['', ''];
      const delta = d.total && d.total.delta !== null ? signedDelta(d.total.delta, d.total.old, d.total.new) : '';
      out.push(
        `| ${mdCell(d.id)} | ${mdCell(d.title)} | ${rank ? rankText(rank.old) : ''} | ${rank ? rankText(rank.new) : ''} | ${rank ? rankMove(rank) : ''} | ${a} | ${b} | ${delta} |`,
      );
    }
    out.push('');
  }
  const rest = [...s.other, ...s.added, ...s.removed];
  if (rest.length > 0) {
    out.push('## Other changes', '', '| ID | Title | Changes |', '|---|---|---|');
    for (const d of rest) out.push(`| ${mdCell(d.id)} | ${mdCell(d.title)} | ${mdCell(entryChanges(d).join('; '))} |`);
    out.push('');
  }
  const notShown = notShownLines(diff);
  if (notShown.length > 0)
    pushAll(out, ['## Shown in one report only', '', ...notShown.map((l) => `- ${mdCell(l)}`), '']);
  for (const [title, list] of decisionChanges(diff))
    pushAll(out, [`## ${title}`, '', ...list.map((l) => `- ${mdCell(l)}`), '']);
  if (diff.diagnostics.length > 0) {
    pushAll(out, [
      '## Diagnostics',
      '',
      ...diff.diagnostics.map((d) => `- ${d.severity} \`${d.code}\`: ${d.old} → ${d.new}`),
      '',
    ]);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export const diffFormatters = {
  text: formatDiffText,
  json: formatDiffJson,
  md: formatDiffMarkdown,
} satisfies Record<DiffFormat, (diff: ReportDiff, options: DiffReportOptions) => string>;
