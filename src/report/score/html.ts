/**
 * `kipp score --format html`: one self-contained page for the plenary screen, the printed A4
 * handout and the e-mail attachment. Inline CSS and JS, no request leaves the page (its
 * Content-Security-Policy forbids it), every label in `--lang`. Pure: result → string.
 *
 * Sections: header (rubric, weights, reference date, input sha256s, tool version) · summary ·
 * the ranking (sortable, filterable, criterion bars, cut lines, ties, failed pass marks) ·
 * score distribution · per-category breakdown · the judges (bias heatmap, flags, agreement,
 * disagreements) · problems found in the inputs.
 */
import { Buffer } from 'node:buffer';
import {
  BIAS_SHARE,
  hasScoreRecords,
  profileJury,
  SPREAD_SHARE,
  type JudgeProfile,
  type PanelProfile,
} from '../../analytics/judges.js';
import { countSeverities, messageOf, type Diagnostic } from '../../model/diagnostic.js';
import type { EntryResult, ScoreResult } from '../../model/result.js';
import { weightsFor, type Rubric } from '../../model/rubric.js';
import { roundTo } from '../../scoring/round.js';
import { cutLines, endsEarly, type CutLine } from './cuts.js';
import { drawnFrom, selectionText } from './selection.js';
import { place } from '../shared/diagnostic-text.js';
import { REPORT_SCRIPT } from '../html/assets.js';
import { esc, htmlDocumentAround, inputsTable, num } from '../html/page.js';
import {
  categoryLabel,
  criterionLabel,
  methodName,
  normalizationName,
  shortlistLabel,
  word,
  type Lang,
  type Word,
} from '../shared/labels.js';
import { decisionLine } from '../shared/decisions.js';
import type { ReportOptions } from './options.js';
import { maxOf, minOf } from '../../model/arrays.js';

/**
 * What the judges section shows: the JSON shape of docs/guide/analytics.md, with the bias split by
 * criterion for the heatmap. `profileJudges` (src/analytics/judges.ts) returns a superset.
 */
export interface PanelView {
  /** The fields of a judge profile the page draws (the heatmap's bias split may be absent). */
  judges: (Pick<JudgeProfile, 'id' | 'scored' | 'mean' | 'bias' | 'agreement' | 'conflicts'> & {
    flags: readonly string[];
    bias_by_criterion?: JudgeProfile['bias_by_criterion'];
  })[];
  agreement: Pick<PanelProfile['agreement'], 'icc' | 'kendall_w'> &
    Partial<Omit<PanelProfile['agreement'], 'icc' | 'kendall_w' | 'icc_form'>> & { icc_form?: string };
  coverage: { entries: number; min_judges: number | null; max_judges: number | null; connected: boolean };
  disagreements: { entry_id: string; criterion: string; spread: number }[];
  /** The cut-offs used, on the judges' scale (default: 10% and 40% of the span, docs/guide/analytics.md). */
  thresholds?: { harsh: number; lenient: number; disagreement: number };
}
/** The judges section: one panel, or with a staged rubric one per stage (see profileJury). */
export type JuryView = PanelView | { stages: (PanelView & { stage: string })[] };
/** Rows shown in the long lists before "… and N more". */
const LIST_LIMIT = 200;

export function formatHtml(result: ScoreResult, options: ReportOptions): string {
  return renderHtml(result, options, hasScoreRecords(result) ? profileJury(result) : null);
}

/**
 * formatHtml as UTF-8 pieces of about 1 MiB (`kipp score --format html`): a 200,000-entry year's
 * page is ~290 MB, never held as one string. The bytes are formatHtml's.
 */
export function* formatHtmlPieces(result: ScoreResult, options: ReportOptions): Generator<Uint8Array> {
  let pending: string[] = [];
  let size = 0;
  for (const part of htmlParts(result, options, hasScoreRecords(result) ? profileJury(result) : null)) {
    pending.push(part);
    size += part.length;
    if (size >= 1 << 20) {
      yield Buffer.from(pending.join(''), 'utf8');
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield Buffer.from(pending.join(''), 'utf8');
}

/** The page, with the judges section drawn from `panel` (null: the section says it is not available). */
export function renderHtml(result: ScoreResult, options: ReportOptions, panel: JuryView | null): string {
  return [...htmlParts(result, options, panel)].join('');
}

/** The page in order, the ranking's rows 500 entries at a time; joined, it is renderHtml's text. */
function* htmlParts(result: ScoreResult, options: ReportOptions, panel: JuryView | null): Generator<string> {
  const page = new Page(result, options);
  // The sections, made in this order, joined by line breaks, between the document's head and end.
  const sections: (() => string | Iterable<string>)[] = [
    () => page.header(),
    () => page.contents(),
    () => page.summary(),
    () => page.decisions(),
    () => page.rankingParts(),
    () => page.distribution(),
    () => page.categories(),
    () => page.judges(panel),
    () => page.problems(),
    () => page.footer(),
  ];
  const [before, after] = htmlDocumentAround({
    lang: options.lang,
    title: `${result.rubric.name} — ${word('report', options.lang)}`,
    version: options.version,
    script: REPORT_SCRIPT,
  });
  yield before;
  for (let k = 0; k < sections.length; k++) {
    if (k > 0) yield '\n';
    const section = sections[k]!();
    if (typeof section === 'string') yield section;
    else yield* section;
  }
  yield after;
}

/** A signed number with a real minus sign (bias). */
function signed(x: number | null | undefined, digits: number, lang: Lang): string {
  if (x === null || x === undefined) return '';
  const text = num(Math.abs(x), digits, lang);
  const zero = roundTo(x, digits) === 0;
  return zero ? text : `${x < 0 ? '−' : '+'}${text}`;
}

function pct(x: number): string {
  return `${roundTo(Math.max(0, Math.min(100, x)), 2)}%`;
}

/** A bar: value share of the track, with an optional pass-mark tick. */
function bar(share: number, tick: number | null, total = false): string {
  const t = tick === null ? '' : `<b style="--t:${pct(tick)}"></b>`;
  return `<span class="bar${total ? ' total' : ''}" aria-hidden="true"><i style="--v:${pct(share)}"></i>${t}</span>`;
}

class Page {
  readonly rubric: Rubric;
  readonly lang: Lang;
  readonly span: number;
  readonly cuts: CutLine[];
  constructor(
    readonly result: ScoreResult,
    readonly options: ReportOptions,
  ) {
    this.rubric = result.rubric;
    this.lang = options.lang;
    this.span = this.rubric.scale.max - this.rubric.scale.min;
    this.cuts = cutLines(result);
  }

  w(key: Word, values: Record<string, string | number> = {}): string {
    return esc(word(key, this.lang, values));
  }

  word(key: Word): string {
    return esc(word(key, this.lang));
  }

  criterion(id: string): string {
    return esc(criterionLabel(this.rubric, id, this.lang));
  }

  category(e: { category: string; categoryKnown: boolean }): string {
    return esc(e.categoryKnown ? categoryLabel(this.rubric, e.category, this.lang) : e.category);
  }

  shortlist(name: string): string {
    return esc(shortlistLabel(this.rubric, name, this.lang));
  }

  group(id: string): string {
    const g = this.rubric.groups.find((k) => k.id === id);
    return esc(g ? g.label[this.lang] : id);
  }

  share(x: number): number {
    return this.span > 0 ? (100 * (x - this.rubric.scale.min)) / this.span : 0;
  }

  header(): string {
    const { rubric, result, options, lang } = this;
    const rows: [string, string][] = [
      [this.w('competition'), esc(rubric.name)],
      [this.w('html_rubric_version'), rubric.version === null ? this.w('none') : esc(String(rubric.version))],
      [this.w('reference_date'), `<time datetime="${esc(result.asOf)}">${esc(result.asOf)}</time>`],
      [this.w('scale'), `${num(rubric.scale.min, 0, lang)}–${num(rubric.scale.max, 0, lang)}`],
      [this.w('aggregation'), esc(methodName(rubric, lang))],
      [this.w('normalization'), esc(normalizationName(rubric.normalization, lang))],
      [this.w('min_judges'), String(rubric.minJudges)],
      [
        this.w('tie_break'),
        rubric.tieBreak.length > 0 ? rubric.tieBreak.map((c) => this.criterion(c)).join(', ') : this.w('none'),
      ],
      [this.w('thresholds'), this.thresholdText()],
      [this.w('tool'), `kipp ${esc(options.version)}`],
    ];
    if (options.generated !== undefined)
      rows.push([this.w('generated'), `<time datetime="${esc(options.generated)}">${esc(options.generated)}</time>`]);
    const meta = `<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
    return `<header id="top">
<h1>${esc(rubric.name)}</h1>
<p class="subtitle">${this.w('report')} · ${this.w('reference_date')} ${esc(result.asOf)}</p>
<div class="cols">${meta}${this.weightsTable()}</div>
${this.inputsTable()}
</header>`;
  }

  thresholdText(): string {
    const { thresholds } = this.rubric;
    const parts: string[] = [];
    if (thresholds.total !== undefined)
      parts.push(this.w('threshold_total', { n: num(thresholds.total, 2, this.lang) }));
    for (const [c, n] of Object.entries(thresholds.criteria))
      parts.push(
        this.w('threshold_criterion', { c: criterionLabel(this.rubric, c, this.lang), n: num(n, 2, this.lang) }),
      );
    return parts.length > 0 ? parts.join('; ') : this.w('none');
  }

  weightsTable(): string {
    const { rubric } = this;
    const own = rubric.categories.filter((c) => rubric.categoryWeights[c.id] !== undefined);
    const head = [
      `<th scope="col">${this.w('criterion')}</th>`,
      `<th scope="col" class="num">${own.length > 0 ? this.w('default_weights') : '%'}</th>`,
      ...own.map((c) => `<th scope="col" class="num">${this.category({ category: c.id, categoryKnown: true })}</th>`),
    ];
    const body = rubric.criteria.map((k) => {
      const cells = [String(k.weight), ...own.map((c) => String(weightsFor(rubric, c.id)[k.id] ?? 0))];
      return `<tr><th scope="row">${this.criterion(k.id)}</th>${cells.map((v) => `<td class="num">${esc(v)}</td>`).join('')}</tr>`;
    });
    return `<table class="small weights"><caption>${this.w('weights')}</caption><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
  }

  inputsTable(): string {
    return inputsTable(this.result, this.lang);
  }

  contents(): string {
    const links: [string, Word][] = [
      ['summary', 'summary'],
      ['ranking', 'ranking'],
      ['distribution', 'distribution'],
      ['categories', 'by_category'],
      ['judges', 'judges_panel'],
      ['problems', 'diagnostics'],
    ];
    return `<nav class="toc" aria-label="${this.w('contents')}"><ol>${links.map(([id, key]) => `<li><a href="#${id}">${this.w(key)}</a></li>`).join('')}</ol></nav>`;
  }

  summary(): string {
    const { shortlists } = this.result;
    const { entries, ranked, unranked, passed } = drawnFrom(this.result);
    const card = (n: number, key: Word) => `<li><span class="n">${n}</span>${this.w(key)}</li>`;
    const cards = [
      card(entries, 'n_entries'),
      card(ranked, 'n_ranked'),
      card(passed, 'n_passed'),
      card(unranked, 'n_unranked'),
    ];
    const lists = shortlists.map((s) => {
      const tie = s.cutoff_tie ? ` <span class="warn">— ${this.word('cutoff_tie')}</span>` : '';
      return `<li><strong>${this.shortlist(s.name)}</strong>: ${this.w('taken_of', { n: s.taken, m: s.size })}${tie}</li>`;
    });
    return `<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">${this.w('summary')}</h2>
<ul class="cards">${cards.join('')}</ul>
${lists.length > 0 ? `<ul>${lists.join('')}</ul>` : ''}
</section>`;
  }

  /** The ranking section, its rows 500 entries at a time (joined: one string, as the other sections are). */
  *rankingParts(): Generator<string> {
    const { rubric, result } = this;
    const entries = result.entries;
    const withGroups = rubric.groups.length > 0;
    const criteria = rubric.criteria;
    // `upright`: on paper the heading runs bottom to top, so that long criterion and stage names
    // keep whole words and still fit an A4 page's width.
    const columns: {
      key: string;
      label: string;
      type: 'number' | 'text';
      first: 'asc' | 'desc';
      num?: boolean;
      upright?: boolean;
    }[] = [
      { key: 'rank', label: this.word('rank'), type: 'number', first: 'asc', num: true },
      { key: 'id', label: this.word('id'), type: 'text', first: 'asc' },
      { key: 'title', label: this.word('title'), type: 'text', first: 'asc' },
      { key: 'category', label: this.word('category'), type: 'text', first: 'asc' },
      ...(withGroups
        ? [{ key: 'group', label: this.word('group'), type: 'text' as const, first: 'asc' as const }]
        : []),
      { key: 'total', label: this.word('total'), type: 'number', first: 'desc', num: true },
      // A rubric with stages: each stage's own total (and rank) after the final total.
      ...rubric.stages.map((st, i) => ({
        key: `s${i}`,
        label: esc(st.label[this.lang]),
        type: 'number' as const,
        first: 'desc' as const,
        num: true,
        upright: true,
      })),
      ...criteria.map((k, i) => ({
        key: `c${i}`,
        label: this.criterion(k.id),
        type: 'number' as const,
        first: 'desc' as const,
        num: true,
        upright: true,
      })),
      { key: 'judges', label: this.word('judges'), type: 'number', first: 'desc', num: true },
      ...(rubric.shortlists.length > 0
        ? [{ key: 'shortlists', label: this.word('shortlists'), type: 'text' as const, first: 'asc' as const }]
        : []),
      { key: 'status', label: this.word('status'), type: 'text', first: 'asc' },
    ];
    const head = columns
      // The sort control is a button on screen; on paper the same words as plain text, since
      // Chromium does not repeat a header row that holds a button on every printed page.
      // Headings wrap between words only: a slash ("ditransfer/direplikasi") may break too.
      .map((c) => ({ ...c, label: c.label.replaceAll('/', '/<wbr>') }))
      .map(
        (c) =>
          `<th scope="col" data-key="${c.key}" data-type="${c.type}" data-first="${c.first}"${c.key === 'rank' ? ' aria-sort="ascending"' : ''}${c.num ? ` class="num${c.upright ? ' v' : ''}"` : ''}><button type="button" class="sort">${c.label}</button><span class="print-label" aria-hidden="true">${c.label}</span></th>`,
      )
      .join('');
    const totalTick = rubric.thresholds.total ?? null;
    yield `<section id="ranking" aria-labelledby="ranking-h">
<h2 id="ranking-h">${this.w('ranking')}</h2>
${this.selection()}${this.filters()}
<p class="sort-hint muted">${this.w('sort_hint')}</p>
<p id="ranking-status" role="status" aria-live="polite"></p>
<div class="table-wrap">
<table id="ranking-table" data-msg-showing="${this.w('html_showing')}">
<caption>${this.w('ranking_caption')} <span class="legend">${this.w('html_legend_tie')} · ${this.w('legend_fail')} · ${this.w('legend_cut')}</span></caption>
<thead><tr>${head}</tr></thead>
<tbody>
`;
    // The rows, one a line (a cut line is a row of its own), 500 entries at a time.
    let rows: string[] = [];
    let first = true;
    const lastId = entries[entries.length - 1]?.id;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      rows.push(this.entryRow(e, withGroups, totalTick));
      // A cut line under the very last row separates nothing, unless --top cut the list short.
      if (e.id !== lastId || endsEarly(result))
        for (const cut of this.cuts.filter((c) => c.afterId === e.id)) rows.push(this.cutRow(cut, columns.length));
      if (rows.length >= 500 || i === entries.length - 1) {
        yield `${first ? '' : '\n'}${rows.join('\n')}`;
        first = false;
        rows = [];
      }
    }
    yield `
</tbody>
</table>
</div>
</section>`;
  }

  /** "showing 46 of 240 entries" when --top or --category narrowed the report (a tie kept whole in the warning colour). */
  selection(): string {
    const text = selectionText(this.result.selection, this.rubric, this.lang);
    if (text === null) return '';
    return `<p class="selection${this.result.selection!.tie !== null ? ' warn' : ''}">${esc(text)}</p>\n`;
  }

  entryRow(e: EntryResult, withGroups: boolean, totalTick: number | null): string {
    const { rubric, lang } = this;
    const classes = [
      'entry',
      e.rank === null ? 'unranked' : e.passed ? 'passed' : 'failed',
      ...(e.shortlists.length > 0 ? ['shortlisted'] : []),
    ];
    const failedCriteria = new Set(e.passed ? [] : e.reasons);
    const sortAttrs: [string, string][] = [
      ['rank', e.rank === null ? '' : String(e.rank)],
      ['id', e.id],
      ['title', e.title],
      ['category', e.categoryKnown ? categoryLabel(rubric, e.category, lang) : e.category],
      ...(withGroups ? [['group', e.group === null ? '' : this.groupText(e.group)] as [string, string]] : []),
      ['total', e.total === null ? '' : String(e.total)],
      ...rubric.stages.map(
        (st, i) =>
          [`s${i}`, e.stages?.[st.name]?.total == null ? '' : String(e.stages[st.name]!.total)] as [string, string],
      ),
      ...rubric.criteria.map(
        (k, i) => [`c${i}`, e.criteria[k.id] === undefined ? '' : String(e.criteria[k.id])] as [string, string],
      ),
      ['judges', String(e.judges)],
      ['shortlists', e.shortlists.map((s) => shortlistLabel(rubric, s, lang)).join(', ')],
      ['status', this.statusText(e)],
    ];
    const attrs = [
      `class="${classes.join(' ')}"`,
      `data-id="${esc(e.id)}"`,
      `data-category="${esc(e.category)}"`,
      `data-group="${esc(e.group ?? '')}"`,
      `data-shortlists="${esc(e.shortlists.join(' '))}"`,
      ...sortAttrs.map(([k, v]) => `data-s-${k}="${esc(v)}"`),
    ];
    // "=" is for the eye; a screen reader hears the words.
    const tie = e.tied
      ? `<span class="tie" title="${this.w('tied_rank')}" aria-hidden="true">=</span><span class="visually-hidden"> (${this.word('tied')})</span>`
      : '';
    const total =
      e.total === null
        ? '<td class="num total">–</td>'
        : `<td class="num total${!e.passed && e.reasons.includes('total') ? ' below' : ''}">${num(e.total, 2, lang)}${!e.passed && e.reasons.includes('total') ? this.failMark() : ''}${bar(e.total, totalTick, true)}</td>`;
    const criteria = rubric.criteria.map((k) => {
      const v = e.criteria[k.id];
      if (v === undefined) return '<td class="num">–</td>';
      const threshold = rubric.thresholds.criteria[k.id];
      const below = failedCriteria.has(k.id);
      return `<td class="num${below ? ' below' : ''}">${num(v, 2, lang)}${below ? this.failMark() : ''}${bar(this.share(v), threshold === undefined ? null : this.share(threshold))}</td>`;
    });
    const cells = [
      `<td class="num rank">${e.rank === null ? '–' : `${e.rank}${tie}`}</td>`,
      `<td class="mono id">${esc(e.id)}</td>`,
      `<td class="t"><span class="title">${esc(e.title)}</span><span class="agency">${esc(e.agency)}</span></td>`,
      `<td class="cat"${this.categoryTitle(e)}>${esc(this.shortCategory(e))}</td>`,
      ...(withGroups ? [`<td>${e.group === null ? '' : this.group(e.group)}</td>`] : []),
      total,
      ...rubric.stages.map((st) => {
        const o = e.stages?.[st.name];
        if (o === undefined || o.total === null) return '<td class="num">–</td>';
        const below = st.pass !== undefined && o.total < st.pass;
        return `<td class="num${below ? ' below' : ''}">${num(o.total, 2, lang)}${below ? this.failMark() : ''} <span class="muted srank">#${o.rank}</span></td>`;
      }),
      ...criteria,
      `<td class="num">${e.judges}</td>`,
      ...(rubric.shortlists.length > 0
        ? [`<td>${e.shortlists.map((s) => `<span class="tag">${this.shortlist(s)}</span>`).join(' ')}</td>`]
        : []),
      `<td class="status">${esc(this.statusText(e))}</td>`,
    ];
    return `<tr ${attrs.join(' ')}>${cells.join('')}</tr>`;
  }

  /**
   * Long category labels (the KIPP 2018 ones run to 70 characters) make every row three lines
   * high: the table then shows a short name (the Indonesian alias, or the id) with the full
   * label as its tooltip; the filter and the per-category table keep the full label.
   */
  shortCategory(e: EntryResult): string {
    if (!e.categoryKnown) return e.category;
    const full = categoryLabel(this.rubric, e.category, this.lang);
    if ([...full].length <= 16) return full;
    const alias = this.rubric.categories.find((k) => k.id === e.category)?.aliases[0];
    const short = this.lang === 'id' && alias ? alias : e.category.replace(/[_-]+/g, ' ');
    return short.charAt(0).toUpperCase() + short.slice(1);
  }

  categoryTitle(e: EntryResult): string {
    return e.categoryKnown && this.shortCategory(e) !== categoryLabel(this.rubric, e.category, this.lang)
      ? ` title="${this.category(e)}"`
      : '';
  }

  failMark(): string {
    return ` <span class="fail-mark" title="${this.w('below')}">▼<span class="visually-hidden">${this.w('below')}</span></span>`;
  }

  groupText(id: string): string {
    const g = this.rubric.groups.find((k) => k.id === id);
    return g ? g.label[this.lang] : id;
  }

  statusText(e: EntryResult): string {
    const { lang } = this;
    if (e.flags.length > 0) return `${e.flags.map((f) => word(f, lang)).join(', ')}: ${e.reasons.join(', ')}`;
    if (!e.passed)
      return `${word('failed', lang)}: ${e.reasons.map((r) => (r === 'total' ? word('total', lang) : criterionLabel(this.rubric, r, lang))).join(', ')}`;
    return word('passed_mark', lang);
  }

  cutRow(cut: CutLine, span: number): string {
    const scope = [
      ...(cut.category !== undefined
        ? [word('in_category', this.lang, { c: categoryLabel(this.rubric, cut.category, this.lang) })]
        : []),
      ...(cut.group !== undefined ? [word('in_group', this.lang, { g: this.groupText(cut.group) })] : []),
    ];
    const text = `✂ ${word('cut_line', this.lang, { s: shortlistLabel(this.rubric, cut.shortlist, this.lang), n: cut.taken, m: cut.size })}${scope.length > 0 ? ` (${scope.join(', ')})` : ''}${cut.cutoffTie ? ` — ${word('cutoff_tie', this.lang)}` : ''}`;
    const scoped = cut.category !== undefined || cut.group !== undefined;
    const attrs = [
      `class="cut${cut.cutoffTie ? ' tie' : ''}"`,
      `data-shortlist="${esc(cut.shortlist)}"`,
      ...(cut.category !== undefined ? [`data-category="${esc(cut.category)}"`] : []),
      ...(cut.group !== undefined ? [`data-group="${esc(cut.group)}"`] : []),
      ...(scoped ? ['hidden'] : []),
    ];
    return `<tr ${attrs.join(' ')}><td colspan="${span}">${esc(text)}</td></tr>`;
  }

  filters(): string {
    const { rubric, result } = this;
    const known = rubric.categories.filter((c) => result.entries.some((e) => e.categoryKnown && e.category === c.id));
    const unknown = [...new Set(result.entries.filter((e) => !e.categoryKnown).map((e) => e.category))].sort();
    const option = (value: string, label: string) => `<option value="${esc(value)}">${label}</option>`;
    const category = [
      option('', this.w('all_categories')),
      ...known.map((c) => option(c.id, this.category({ category: c.id, categoryKnown: true }))),
      ...unknown.map((c) => option(c, `${esc(c)} ${this.w('unknown')}`)),
    ];
    const selects = [`<label>${this.word('category')}<select name="category">${category.join('')}</select></label>`];
    if (rubric.groups.length > 0) {
      const groups = [option('', this.w('all_groups')), ...rubric.groups.map((g) => option(g.id, this.group(g.id)))];
      selects.push(`<label>${this.word('group')}<select name="group">${groups.join('')}</select></label>`);
    }
    if (rubric.shortlists.length > 0) {
      const lists = [
        option('', this.w('any_shortlist')),
        ...rubric.shortlists.map((s) => option(s.name, this.shortlist(s.name))),
        option('-', this.w('in_no_shortlist')),
      ];
      selects.push(`<label>${this.word('shortlists')}<select name="shortlist">${lists.join('')}</select></label>`);
    }
    selects.push(
      `<label>${this.w('search')}<input type="search" name="q" placeholder="${this.w('search_hint')}"></label>`,
    );
    selects.push(`<button type="reset">${this.w('reset')}</button>`);
    return `<form id="ranking-filters" class="controls" aria-label="${this.w('filter')}">${selects.join('')}</form>`;
  }

  distribution(): string {
    const { lang } = this;
    const totals = this.result.entries.flatMap((e) => (e.total === null ? [] : [e.total]));
    const head = `<section id="distribution" aria-labelledby="distribution-h">
<h2 id="distribution-h">${this.w('distribution')}</h2>`;
    if (totals.length === 0) return `${head}<p>${this.w('no_ranked')}</p></section>`;
    const width = 5;
    const lo = Math.max(0, Math.floor(minOf(totals) / width) * width);
    const hi = Math.min(100, Math.max(lo + width, Math.ceil(maxOf(totals) / width) * width));
    const bins = Math.max(1, Math.round((hi - lo) / width));
    const counts = new Array<number>(bins).fill(0);
    for (const t of totals) counts[Math.min(bins - 1, Math.floor((t - lo) / width))]!++;
    const W = 760;
    const H = 240;
    const left = 44;
    const bottom = 34;
    const top = 28;
    const plotW = W - left - 14;
    const plotH = H - top - bottom;
    const maxCount = maxOf(counts);
    const x = (v: number) => left + ((v - lo) / (hi - lo)) * plotW;
    const y = (n: number) => top + plotH - (n / maxCount) * plotH;
    const bandText = (i: number) => `${num(lo + i * width, 0, lang)}–${num(lo + (i + 1) * width, 0, lang)}`;
    const bars = counts.map((n, i) => {
      const bx = x(lo + i * width) + 1;
      const bw = plotW / bins - 2;
      return `<rect class="b" x="${r1(bx)}" y="${r1(y(n))}" width="${r1(bw)}" height="${r1(top + plotH - y(n))}"><title>${bandText(i)}: ${n}</title></rect>${n > 0 ? `<text x="${r1(bx + bw / 2)}" y="${r1(y(n) - 4)}" text-anchor="middle">${n}</text>` : ''}`;
    });
    const ticks = Array.from(
      { length: bins + 1 },
      (_, i) =>
        `<text x="${r1(x(lo + i * width))}" y="${H - bottom + 16}" text-anchor="middle">${num(lo + i * width, 0, lang)}</text>`,
    );
    const marks: string[] = [];
    const markAt = (value: number, label: string, cls: string, row: number) => {
      if (value < lo || value > hi) return;
      const mx = r1(x(value));
      marks.push(
        `<line class="${cls}" x1="${mx}" x2="${mx}" y1="${top - 4}" y2="${top + plotH}"></line><text x="${mx}" y="${12 + row * 13}" text-anchor="middle">${esc(label)}</text>`,
      );
    };
    const pass = this.rubric.thresholds.total;
    if (pass !== undefined) markAt(pass, word('pass_mark', lang), 'mark', 0);
    const unscoped = this.cuts.filter((c) => c.category === undefined && c.group === undefined);
    unscoped.forEach((c, i) => {
      const last = this.result.entries.find((e) => e.id === c.afterId);
      if (last?.total !== null && last?.total !== undefined)
        markAt(
          last.total,
          `✂ ${shortlistLabel(this.rubric, c.shortlist, lang)}`,
          'cutmark',
          (i + (pass !== undefined ? 1 : 0)) % 2,
        );
    });
    const desc = word('distribution_desc', lang, { w: width });
    const svg = `<svg class="hist" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="hist-t hist-d" xmlns="http://www.w3.org/2000/svg">
<title id="hist-t">${this.w('distribution')}</title><desc id="hist-d">${esc(desc)}</desc>
<line class="axis" x1="${left}" x2="${left + plotW}" y1="${top + plotH}" y2="${top + plotH}"></line>
<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}"></line>
<text x="${left - 6}" y="${top + 4}" text-anchor="end">${maxCount}</text><text x="${left - 6}" y="${top + plotH}" text-anchor="end">0</text>
${bars.join('')}
${ticks.join('')}
${marks.join('')}
</svg>`;
    const table = `<details class="data"><summary>${this.w('as_table')}</summary><table class="small"><thead><tr><th scope="col">${this.w('band')}</th><th scope="col" class="num">${this.w('count')}</th></tr></thead><tbody>${counts.map((n, i) => `<tr><td>${bandText(i)}</td><td class="num">${n}</td></tr>`).join('')}</tbody></table></details>`;
    return `${head}
<p class="muted">${esc(desc)}</p>
${svg}
${table}
</section>`;
  }

  categories(): string {
    const { rubric, result, lang } = this;
    const groups: { key: { category: string; categoryKnown: boolean }; entries: EntryResult[] }[] = [];
    for (const c of rubric.categories) {
      const list = result.entries.filter((e) => e.categoryKnown && e.category === c.id);
      if (list.length > 0) groups.push({ key: { category: c.id, categoryKnown: true }, entries: list });
    }
    for (const raw of [...new Set(result.entries.filter((e) => !e.categoryKnown).map((e) => e.category))].sort()) {
      groups.push({
        key: { category: raw, categoryKnown: false },
        entries: result.entries.filter((e) => !e.categoryKnown && e.category === raw),
      });
    }
    const head = [
      `<th scope="col">${this.word('category')}</th>`,
      `<th scope="col" class="num">${this.w('n_entries')}</th>`,
      `<th scope="col" class="num">${this.w('n_ranked')}</th>`,
      `<th scope="col" class="num">${this.w('n_passed')}</th>`,
      ...rubric.shortlists.map(
        (s) => `<th scope="col" class="num v"><span class="vl">${this.shortlist(s.name)}</span></th>`,
      ),
      `<th scope="col" class="num">${this.w('mean_total')}</th>`,
      `<th scope="col">${this.w('best')}</th>`,
      `<th scope="col" class="num">${this.w('lowest')}</th>`,
      ...rubric.criteria.map(
        (k) =>
          `<th scope="col" class="num v"><span class="vl">${this.w('mean_of', { c: criterionLabel(rubric, k.id, lang) })}</span></th>`,
      ),
    ];
    const body = groups.map(({ key, entries }) => {
      const ranked = entries.filter((e) => e.total !== null);
      const totals = ranked.map((e) => e.total!);
      const mean = totals.length > 0 ? totals.reduce((a, b) => a + b, 0) / totals.length : null;
      const best = ranked[0];
      const lowest = totals.length > 0 ? minOf(totals) : null;
      const criterionMeans = rubric.criteria.map((k) => {
        const values = ranked.flatMap((e) => (e.criteria[k.id] === undefined ? [] : [e.criteria[k.id]!]));
        if (values.length === 0) return '<td class="num">–</td>';
        const m = values.reduce((a, b) => a + b, 0) / values.length;
        return `<td class="num">${num(m, 2, lang)}${bar(this.share(m), null)}</td>`;
      });
      return `<tr><th scope="row">${this.category(key)}</th><td class="num">${entries.length}</td><td class="num">${ranked.length}</td><td class="num">${entries.filter((e) => e.passed).length}</td>${rubric.shortlists
        .map((s) => `<td class="num">${entries.filter((e) => e.shortlists.includes(s.name)).length}</td>`)
        .join(
          '',
        )}<td class="num">${mean === null ? '–' : `${num(mean, 2, lang)}${bar(mean, rubric.thresholds.total ?? null, true)}`}</td><td>${best ? `${num(best.total, 2, lang)} · ${esc(best.title)}` : '–'}</td><td class="num">${lowest === null ? '–' : num(lowest, 2, lang)}</td>${criterionMeans.join('')}</tr>`;
    });
    return `<section id="categories" aria-labelledby="categories-h">
<h2 id="categories-h">${this.w('by_category')}</h2>
<div class="table-wrap"><table class="small categories"><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>
</section>`;
  }

  judges(jury: JuryView | null): string {
    const head = `<section id="judges" class="page" aria-labelledby="judges-h">
<h2 id="judges-h">${this.w('judges_panel')}</h2>`;
    if (jury === null) return `${head}<p>${this.w('no_scores')}</p></section>`;
    if (!('stages' in jury))
      return jury.judges.length === 0
        ? `${head}<p>${this.w('no_scores')}</p></section>`
        : `${head}\n${this.panel(jury, 'h3', '')}\n</section>`;
    // A staged rubric: each stage's judges compared within the stage, under its own heading.
    const stages = jury.stages.map((p, i) => {
      const stage = this.rubric.stages.find((s) => s.name === p.stage);
      const title = `<h3 id="judges-s${i}-h" class="stage-panel">${this.w('stage_panel', { s: p.stage, label: stage ? stage.label[this.lang] : p.stage })}</h3>
<p>${this.w('stage_panel_desc')}</p>`;
      return `${title}\n${p.judges.length === 0 ? `<p>${this.w('no_scores')}</p>` : this.panel(p, 'h4', `-s${i}`)}`;
    });
    return `${head}\n${stages.join('\n')}\n</section>`;
  }

  /** One panel's figures; `h` the level of its sub-headings, `suffix` keeps element ids unique per stage. */
  panel(panel: PanelView, h: 'h3' | 'h4', suffix: string): string {
    const { rubric, lang } = this;
    const harsh = panel.thresholds?.harsh ?? BIAS_SHARE * this.span;
    const lenient = panel.thresholds?.lenient ?? BIAS_SHARE * this.span;
    const spread = panel.thresholds?.disagreement ?? SPREAD_SHARE * this.span;
    const heatHead = [
      `<th scope="col">${this.w('judge')}</th>`,
      `<th scope="col" class="num">${this.w('html_scored')}</th>`,
      `<th scope="col" class="num">${this.w('html_mean')}</th>`,
      `<th scope="col" class="num">${this.w('bias')}</th>`,
      `<th scope="col" class="num">${this.w('agreement_col')}</th>`,
      `<th scope="col" class="num">${this.w('conflicts')}</th>`,
      `<th scope="col">${this.word('flags')}</th>`,
      ...rubric.criteria.map((k) => `<th scope="col" class="num">${this.criterion(k.id)}</th>`),
    ];
    const rows = panel.judges.map((j) => {
      const cells = rubric.criteria.map((k) => {
        const b = j.bias_by_criterion?.[k.id];
        if (b === null || b === undefined) return `<td class="h">–</td>`;
        const { background, color } = heatColour(b, 2 * (b < 0 ? harsh : lenient));
        const flag = b <= -harsh || b >= lenient;
        return `<td class="h${flag ? ' flag' : ''}" style="background:${background};color:${color}" data-bias="${b}">${signed(b, 2, lang)}</td>`;
      });
      return `<tr><th scope="row" class="mono">${esc(j.id)}</th><td class="num">${j.scored}</td><td class="num">${num(j.mean, 2, lang)}</td><td class="num">${signed(j.bias, 2, lang)}</td><td class="num">${num(j.agreement, 2, lang)}</td><td class="num">${j.conflicts}</td><td>${this.flagText(j.flags)}</td>${cells.join('')}</tr>`;
    });
    const flagged = panel.judges.filter((j) => j.flags.length > 0);
    const flaggedList =
      flagged.length === 0
        ? `<p>${this.w('no_flagged')}</p>`
        : `<ul>${flagged.map((j) => `<li><strong class="mono">${esc(j.id)}</strong>: ${this.flagText(j.flags)} (${this.w('bias')} ${signed(j.bias, 2, lang)})</li>`).join('')}</ul>`;
    const a = panel.agreement;
    const cov = panel.coverage;
    const wc = a.kendall_w_coverage;
    const wCovers = wc
      ? ` <span class="muted">(${this.w('kendall_w_covers', { e: wc.entries, es: wc.entries_scored, j: wc.judges, js: wc.judges_scoring, b: a.kendall_w_blocks ?? 0 })})</span>`
      : '';
    const agreement = `<dl class="meta">
<dt>${this.w('html_icc_single')}</dt><dd>${a.icc === null ? this.w('not_available') : num(a.icc, 2, lang)}</dd>
${a.icc_k_judges !== undefined ? `<dt>${this.w('html_icc_average', { k: a.icc_k_judges === null ? '–' : num(a.icc_k_judges, 2, lang) })}</dt><dd>${a.icc_k === null || a.icc_k === undefined ? this.w('not_available') : num(a.icc_k, 2, lang)}</dd>\n` : ''}<dt>${this.w('html_kendall_w')}</dt><dd>${a.kendall_w === null ? this.w('not_available') : num(a.kendall_w, 2, lang)}${wCovers}</dd>
<dt>${this.w('coverage')}</dt><dd>${cov.entries} ${esc(word('entries', lang))}</dd>
<dt>${this.w('judges_per_entry')}</dt><dd>${cov.min_judges === null ? '–' : cov.min_judges === cov.max_judges ? String(cov.min_judges) : `${cov.min_judges}–${cov.max_judges}`}</dd>
<dt>${this.w('html_connected')}</dt><dd>${cov.connected ? this.w('connected_yes') : `<span class="warn">${this.w('connected_no')}</span> — ${this.w('disconnected_warning')}`}</dd>
</dl>`;
    // A report narrowed by --category or --top discusses the entries it shows.
    const titles = new Map(this.result.entries.map((e) => [e.id, e.title]));
    const listed = panel.disagreements.filter((d) => titles.has(d.entry_id));
    const shown = listed.slice(0, LIST_LIMIT);
    const disagreements =
      listed.length === 0
        ? `<p>${this.w('no_disagreements')}</p>`
        : `<table class="small disagreements"><thead><tr><th scope="col">${this.word('id')}</th><th scope="col">${this.word('title')}</th><th scope="col">${this.w('criterion')}</th><th scope="col" class="num">${this.w('html_spread')}</th></tr></thead><tbody>${shown
            .map(
              (d) =>
                `<tr><td class="mono">${esc(d.entry_id)}</td><td>${esc(titles.get(d.entry_id) ?? '')}</td><td>${this.criterion(d.criterion)}</td><td class="num">${num(d.spread, 2, lang)}${bar((100 * d.spread) / (this.span || 1), null)}</td></tr>`,
            )
            .join(
              '',
            )}</tbody></table>${listed.length > shown.length ? `<p class="muted">${this.w('more_rows', { n: listed.length - shown.length })}</p>` : ''}`;
    return `<p>${this.w('judges_desc', { h: num(harsh, 2, lang), l: num(lenient, 2, lang) })}</p>
<${h}>${this.w('html_panel_agreement')}</${h}>
${agreement}
<${h} id="heatmap-h${suffix}">${this.w('heatmap')}</${h}>
<p class="muted">${this.w('heatmap_desc')}</p>
<div class="scale-legend" aria-hidden="true"><span>${signed(-2 * harsh, 2, lang)} ${this.w('harsh')}</span><span class="grad"></span><span>${signed(2 * lenient, 2, lang)} ${this.w('lenient')}</span></div>
<div class="table-wrap"><table class="small heat" aria-labelledby="heatmap-h${suffix}"><thead><tr>${heatHead.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>
<${h}>${this.w('flagged')}</${h}>
${flaggedList}
<${h}>${this.w('html_disagreements')}</${h}>
<p class="muted">${this.w('disagreements_desc', { n: num(spread, 2, lang) })}</p>
${disagreements}`;
  }

  flagText(flags: readonly string[]): string {
    return flags
      .map((f) => (f === 'harsh' || f === 'lenient' ? `<span class="flag-${f}">${this.w(f)}</span>` : esc(f)))
      .join(', ');
  }

  /** The jury decisions applied (`--decisions`): what each did, who, when and why. */
  decisions(): string {
    const { decisions } = this.result;
    if (decisions === undefined) return '';
    const title = esc(word('decisions', this.lang));
    const items = decisions.map((d) => {
      const { what, who } = decisionLine(this.result, d, this.lang);
      return `<li><strong>${esc(what)}</strong> — ${esc(who)}</li>`;
    });
    return `<section id="decisions" aria-labelledby="decisions-h">
<h2 id="decisions-h">${title}</h2>
<ul>${items.length > 0 ? items.join('') : `<li>${esc(word('none', this.lang))}</li>`}</ul>
</section>`;
  }

  problems(): string {
    const { diagnostics } = this.result;
    const { errors, warnings } = countSeverities(diagnostics);
    const head = `<section id="problems" aria-labelledby="problems-h">
<h2 id="problems-h">${this.w('diagnostics')}</h2>`;
    if (diagnostics.length === 0) return `${head}<p>${this.w('diagnostics_none')}</p></section>`;
    const shown = diagnostics.slice(0, LIST_LIMIT);
    const row = (d: Diagnostic) =>
      `<tr><td class="${d.severity === 'error' ? 'warn' : ''}">${this.w(d.severity === 'error' ? 'severity_error' : 'severity_warning')}</td><td class="mono">${esc(d.code)}</td><td class="mono">${esc(place(d))}</td><td class="mono">${esc(d.entry_id ?? '')}</td><td>${esc(messageOf(d))}</td></tr>`;
    return `${head}
<p>${this.w('errors_warnings', { e: errors, w: warnings })}</p>
<div class="table-wrap"><table class="small"><thead><tr><th scope="col">${this.word('status')}</th><th scope="col">${this.w('code')}</th><th scope="col">${this.w('html_place')}</th><th scope="col">${this.w('entry')}</th><th scope="col">${this.w('message')}</th></tr></thead><tbody>${shown.map(row).join('')}</tbody></table></div>
${diagnostics.length > shown.length ? `<p class="muted">${esc(word('more_rows', this.lang, { n: diagnostics.length - shown.length }).replace(/\(.*\)/, '(kipp validate)'))}</p>` : ''}
</section>`;
  }

  footer(): string {
    return `<footer><p>${this.w('legend')}:</p><ul><li>${this.w('html_legend_tie')}</li><li>${this.w('legend_fail')}</li><li>${this.w('legend_cut')}</li></ul><p>kipp ${esc(this.options.version)} · ${esc(this.rubric.name)} · ${this.w('reference_date')} ${esc(this.result.asOf)}</p></footer>`;
  }
}

function r1(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/**
 * A diverging colour for a bias: orange below zero (harsh), blue above (lenient), white at zero,
 * full colour at ±`full`. The text is black or white, whichever contrasts more (WCAG).
 */
export function heatColour(bias: number, full: number): { background: string; color: string } {
  const t = full > 0 ? Math.min(1, Math.abs(bias) / full) : 0;
  const end = bias < 0 ? [179, 88, 6] : [33, 102, 172];
  const rgb = end.map((c) => Math.round(255 + (c - 255) * t));
  const lum = luminance(rgb);
  const color = (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) ? '#000' : '#fff';
  return { background: `rgb(${rgb.join(',')})`, color };
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
