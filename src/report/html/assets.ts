/**
 * The stylesheet and the script inlined into the HTML report. The report must open from an
 * e-mail attachment with no network, so nothing is linked; the page's Content-Security-Policy
 * allows this one script (by its hash) and forbids every fetch.
 *
 * The script only sorts and filters rows that are already in the page: without it (or on paper)
 * the report is complete, in rank order.
 */

export const REPORT_STYLE = `
:root { --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --accent: #0b4f8a; --pass: #1b5e20; --fail: #9c3400;
  --track: #e4e4e4; --bar: #4f6f9f; --bar-total: #0b4f8a; --shade: #f4f6f9; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
body { margin: 0 auto; padding: 1.5rem 1.5rem 3rem; max-width: 1600px; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
p { margin: .4rem 0; }
a { color: var(--accent); }
.subtitle { color: var(--muted); margin: 0 0 1rem; font-size: 1.05rem; }
.muted { color: var(--muted); }
.mono, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .85em; }
.sha { word-break: break-all; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
.cols { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; align-items: flex-start; }
nav.toc ol { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; list-style: none; padding: 0; margin: .6rem 0; }
.cards { display: flex; flex-wrap: wrap; gap: .8rem; margin: .6rem 0; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 8rem; background: var(--shade); }
.cards .n { display: block; font-size: 1.5rem; font-weight: 700; }
.warn { color: var(--fail); font-weight: 600; }
table { border-collapse: collapse; }
caption { text-align: left; color: var(--muted); padding: .3rem 0; caption-side: top; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; background: #fff; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.small td, .small th { font-size: .9rem; padding: .2rem .45rem; }
.controls { display: flex; flex-wrap: wrap; gap: .6rem 1.2rem; align-items: flex-end; margin: .6rem 0; padding: .6rem .8rem; background: var(--shade); border: 1px solid var(--line); border-radius: 6px; }
.controls label { display: flex; flex-direction: column; font-size: .85rem; font-weight: 600; gap: .15rem; }
.controls select, .controls input, .controls button { font: inherit; font-weight: 400; padding: .25rem .4rem; border: 1px solid #767676; border-radius: 4px; background: #fff; color: var(--ink); }
.controls button { cursor: pointer; }
#ranking-status { margin: .3rem 0; font-weight: 600; }
.table-wrap { overflow-x: auto; }
/* Compact enough that a rubric with stages, groups and five criteria (KIPP 2025) fits a
   1280-pixel screen with its Status column; headings wrap between words only. */
#ranking-table { width: 100%; font-size: .84rem; }
#ranking-table th, #ranking-table td { padding: .3rem .22rem; }
#ranking-table thead th { position: sticky; top: 0; z-index: 1; font-size: .78rem; }
.print-label { display: none; }
.srank { display: block; }
th button.sort { all: unset; cursor: pointer; display: inline-flex; gap: .15rem; align-items: baseline; font-weight: 700; text-decoration: underline dotted #767676; text-underline-offset: 3px; }
th button.sort:focus-visible, .controls :focus-visible, a:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
th button.sort::after { content: ""; font-size: .8em; }
th button.sort:hover::after, th button.sort:focus-visible::after { content: "↕"; color: #555; }
th[aria-sort="ascending"] button.sort::after { content: "▲"; color: var(--ink); }
th[aria-sort="descending"] button.sort::after { content: "▼"; color: var(--ink); }
tr.entry:hover { background: var(--shade); }
tr.entry.unranked { color: var(--muted); font-style: italic; }
tr.entry.failed td.status { color: var(--fail); }
tr.entry.shortlisted td.rank { border-left: 4px solid var(--pass); }
td.rank { white-space: nowrap; font-weight: 700; }
td.id { white-space: nowrap; }
td.t { min-width: 9.5rem; }
td.cat { min-width: 5rem; }
td.status { min-width: 4.5rem; }
tr.entry.passed td.status { color: var(--muted); }
.tie { color: var(--accent); font-weight: 700; margin-left: .1rem; text-decoration: none; }
.fail-mark { color: var(--fail); font-weight: 700; }
.title { font-weight: 600; }
.agency { display: block; color: var(--muted); font-size: .85em; }
.tag { display: inline-block; padding: 0 .35rem; margin: 0 .2rem .15rem 0; border-radius: 3px; background: #e3ecf7; color: #0b3766; font-size: .82em; white-space: nowrap; }
.bar { display: block; position: relative; height: 7px; margin-top: 3px; background: var(--track); border-radius: 2px; min-width: 2.8rem; }
.bar > i { position: absolute; left: 0; top: 0; bottom: 0; width: var(--v); background: var(--bar); border-radius: 2px; }
.bar.total { height: 9px; min-width: 3.6rem; }
.bar.total > i { background: var(--bar-total); }
.bar > b { position: absolute; top: -2px; bottom: -2px; left: var(--t); width: 2px; background: var(--fail); }
td.below .bar > i { background: var(--fail); }
tr.cut td { padding: .15rem .5rem; border-top: 2px dashed var(--accent); border-bottom: 2px dashed var(--accent); color: var(--accent); font-weight: 700; font-size: .88rem; background: #f1f6fc; }
tr.cut.tie td { color: var(--fail); border-color: var(--fail); background: #fdf3ec; }
.hist { max-width: 100%; height: auto; }
.hist text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.hist .b { fill: var(--bar-total); }
.hist .axis { stroke: var(--ink); }
.hist .mark { stroke: var(--fail); stroke-width: 2; stroke-dasharray: 5 3; }
.hist .cutmark { stroke: var(--pass); stroke-width: 2; stroke-dasharray: 2 3; }
.heat td.h { text-align: center; font-variant-numeric: tabular-nums; min-width: 4.5rem; }
.heat td.h.flag { outline: 2px solid var(--ink); outline-offset: -3px; font-weight: 700; }
.scale-legend { display: flex; align-items: center; gap: .5rem; font-size: .85rem; margin: .3rem 0; }
.scale-legend .grad { width: 12rem; height: 10px; border: 1px solid var(--line); background: linear-gradient(90deg, #b35806, #fff, #2166ac); }
.flag-harsh { color: var(--fail); font-weight: 700; }
.flag-lenient { color: #174f8c; font-weight: 700; }
footer { margin-top: 2.5rem; padding-top: .6rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
footer ul { margin: .3rem 0; padding-left: 1.2rem; }
@media (max-width: 1400px) { body { padding-left: 1rem; padding-right: 1rem; } }
@media (max-width: 700px) { body { padding: .8rem; } .meta { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4 portrait; margin: 12mm 10mm 14mm; }
  html { font-size: 8.5pt; }
  body { padding: 0; max-width: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav.toc, .controls, .sort-hint, #ranking-status, details.data, .no-print { display: none !important; }
  /* A header row that holds a button is not repeated on each page (Chromium): plain text instead. */
  th button.sort { display: none !important; }
  .print-label { display: inline; }
  #ranking-table thead th { position: static; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  section.page { break-before: page; page-break-before: always; }
  tr.entry:hover { background: none; }
  a { color: inherit; text-decoration: none; }
  /* An A4 portrait page is about 718 CSS pixels wide: tables shrink; headings wrap between
     words (and after a slash), never inside one. */
  table, #ranking-table { font-size: 7pt; }
  th, td, #ranking-table th, #ranking-table td { padding: 1pt 2.5pt; }
  thead th, h1, h2, h3 { overflow-wrap: normal; word-break: normal; hyphens: manual; }
  .small td, .small th, #ranking-table thead th { font-size: inherit; }
  /* Long criterion, stage and shortlist names run bottom to top, whole words, two lines at most. */
  th.v .print-label, th.v .vl { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); max-height: 7.5rem; text-align: left; }
  td.t, td.cat, td.status { min-width: 0; }
  .bar, .bar.total { min-width: 1.6rem; height: 5px; }
  .tag { font-size: 6.5pt; padding: 0 2pt; }
  .heat td.h { min-width: 0; }
  .sha { font-size: 6.5pt; }
}
`;

/**
 * Sorting and filtering. Sort keys are data attributes on each row (`data-s-<key>`); numbers sort
 * as numbers with blanks always last; equal keys keep rank order. Cut lines show only in rank
 * order, and a per-category or per-group line only while that category or group is selected.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('ranking-table');
  if (!table) return;
  var tbody = table.tBodies[0];
  var rankOrder = Array.prototype.slice.call(tbody.rows);
  var entries = rankOrder.filter(function (r) { return r.classList.contains('entry'); });
  var cuts = rankOrder.filter(function (r) { return r.classList.contains('cut'); });
  var status = document.getElementById('ranking-status');
  var form = document.getElementById('ranking-filters');
  var lang = document.documentElement.lang || 'en';
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  var state = { key: 'rank', dir: 1 };
  entries.forEach(function (r, i) { r._order = i; r._text = r.textContent.toLowerCase(); });

  function sortValue(row, key, numeric) {
    var raw = row.getAttribute('data-s-' + key);
    if (raw === null || raw === '') return null;
    return numeric ? Number(raw) : raw;
  }

  function apply() {
    var th = table.querySelector('th[data-key="' + state.key + '"]');
    var numeric = th && th.getAttribute('data-type') === 'number';
    var inRankOrder = state.key === 'rank' && state.dir === 1;
    var rows;
    if (inRankOrder) rows = rankOrder;
    else {
      rows = entries.slice().sort(function (a, b) {
        var x = sortValue(a, state.key, numeric), y = sortValue(b, state.key, numeric);
        if (x === null || y === null) return x === y ? a._order - b._order : (x === null ? 1 : -1);
        var c = numeric ? x - y : collator.compare(x, y);
        return c !== 0 ? c * state.dir : a._order - b._order;
      }).concat(cuts);
    }
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r); });
    tbody.appendChild(fragment);
    Array.prototype.forEach.call(table.querySelectorAll('th[data-key]'), function (h) {
      if (h.getAttribute('data-key') === state.key) h.setAttribute('aria-sort', state.dir === 1 ? 'ascending' : 'descending');
      else h.removeAttribute('aria-sort');
    });
    filter(inRankOrder);
  }

  function value(name) {
    var el = form ? form.elements.namedItem(name) : null;
    return el ? el.value : '';
  }

  function filter(inRankOrder) {
    if (inRankOrder === undefined) inRankOrder = state.key === 'rank' && state.dir === 1;
    var category = value('category'), group = value('group'), shortlist = value('shortlist');
    var query = value('q').trim().toLowerCase();
    var shown = 0;
    entries.forEach(function (r) {
      var ok = (category === '' || r.getAttribute('data-category') === category) &&
        (group === '' || r.getAttribute('data-group') === group) &&
        (shortlist === '' || (shortlist === '-' ? r.getAttribute('data-shortlists') === '' :
          (' ' + r.getAttribute('data-shortlists') + ' ').indexOf(' ' + shortlist + ' ') !== -1)) &&
        (query === '' || r._text.indexOf(query) !== -1);
      r.hidden = !ok;
      if (ok) shown++;
    });
    cuts.forEach(function (c) {
      var cc = c.getAttribute('data-category'), cg = c.getAttribute('data-group');
      c.hidden = !inRankOrder || (cc !== null && cc !== category) || (cg !== null && cg !== group);
    });
    if (status) status.textContent = table.getAttribute('data-msg-showing').replace('{n}', shown).replace('{m}', entries.length);
  }

  Array.prototype.forEach.call(table.querySelectorAll('th[data-key] button.sort'), function (button) {
    button.addEventListener('click', function () {
      var key = button.parentNode.getAttribute('data-key');
      if (state.key === key) state.dir = -state.dir;
      else { state.key = key; state.dir = button.parentNode.getAttribute('data-first') === 'desc' ? -1 : 1; }
      apply();
    });
  });
  if (form) {
    form.addEventListener('input', function () { filter(); });
    form.addEventListener('change', function () { filter(); });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('reset', function () { setTimeout(function () { filter(); }, 0); });
  }
  filter();
})();
`;
