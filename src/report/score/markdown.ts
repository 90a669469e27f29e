/**
 * `kipp score --format md`: a Markdown report for a pull-request comment or a wiki page.
 */
import type { ScoreResult } from '../../model/result.js';
import { decisionLine } from '../shared/decisions.js';
import { categoryLabel, criterionLabel, shortlistLabel, word, type Word } from '../shared/labels.js';
import { manifestRows, manifestWord, reportManifest, type Manifest } from '../audit/manifest.js';
import type { ReportOptions } from './options.js';
import { cutLines, endsEarly, linesForList } from './cuts.js';
import { countLine } from '../shared/diagnostic-text.js';
import { cutText, groupName, stageCell, statusOf } from './cells.js';
import { drawnFrom, selectionText } from './selection.js';
import { fixed2, mdCell } from '../shared/text.js';
import { pushAll } from '../../model/arrays.js';

export function formatMarkdown(result: ScoreResult, options: ReportOptions): string {
  const { rubric } = result;
  const { lang } = options;
  const criteria = rubric.criteria.map((k) => k.id);
  const out: string[] = [];
  out.push(`# ${mdCell(rubric.name)}`, '');
  out.push(
    `${word('as_of', lang)}: ${result.asOf} · ${word('rubric', lang)} sha256 \`${result.rubricSource.sha256.slice(0, 12)}\` · kipp ${options.version}`,
    '',
  );
  const { entries: all, ranked, unranked, passed } = drawnFrom(result);
  out.push(
    `**${all}** ${word('entries', lang)} · **${ranked}** ${word('ranked', lang)} · **${passed}** ${word('passed', lang).toLowerCase()}${unranked > 0 ? ` · **${unranked}** ${word('unranked', lang)}` : ''}`,
    '',
  );
  const shown = selectionText(result.selection, rubric, lang);
  if (shown !== null) out.push(`_${mdCell(shown)}_`, '');
  for (const s of result.shortlists) {
    out.push(
      `- **${mdCell(shortlistLabel(rubric, s.name, lang))}**: ${s.taken}/${s.size}${s.cutoff_tie ? ` — ⚠️ ${word('cutoff_tie', lang)}` : ''}`,
    );
  }
  if (result.shortlists.length > 0) out.push('');
  const extra = [
    ...(rubric.groups.length > 0 ? [word('group', lang)] : []),
    ...rubric.stages.map((s) => s.label[lang]),
  ];
  const head = [
    word('rank', lang),
    word('id', lang),
    word('title', lang),
    word('category', lang),
    word('total', lang),
    ...criteria.map((k) => criterionLabel(rubric, k, lang)),
    ...extra,
    word('shortlists', lang),
    word('status', lang),
  ];
  out.push(`| ${head.map(mdCell).join(' | ')} |`);
  out.push(`|${head.map((_, i) => (i === 0 || (i >= 4 && i < 5 + criteria.length) ? '---:' : '---')).join('|')}|`);
  const cuts = linesForList(cutLines(result), result.entries, endsEarly(result));
  for (const e of result.entries) {
    // ▼ marks a value below its pass mark (the status column says which).
    const failed = new Set(e.passed || e.rank === null ? [] : e.reasons);
    const cells = [
      e.rank === null ? '–' : `${e.rank}${e.tied ? '=' : ''}`,
      e.id,
      e.title,
      e.categoryKnown ? categoryLabel(rubric, e.category, lang) : e.category,
      e.total === null ? '–' : `${fixed2(e.total)}${failed.has('total') ? ' ▼' : ''}`,
      ...criteria.map((k) => `${fixed2(e.criteria[k])}${failed.has(k) ? ' ▼' : ''}`),
      ...(rubric.groups.length > 0 ? [e.group === null ? '–' : groupName(rubric, e.group, lang)] : []),
      ...rubric.stages.map((s) => stageCell(e, s.name)),
      e.shortlists.map((s) => shortlistLabel(rubric, s, lang)).join(', '),
      statusOf(e, options),
    ];
    out.push(`| ${cells.map(mdCell).join(' | ')} |`);
    // A cut line is a row of its own: GitHub pads the missing cells.
    for (const cut of cuts.filter((l) => l.afterId === e.id))
      out.push(`| ✂ | | **${mdCell(cutText(result, cut, lang))}** |`);
  }
  out.push('');
  const legend = [
    ...(result.entries.some((e) => e.tied) ? [word('legend_tie', lang)] : []),
    ...(result.entries.some((e) => e.rank !== null && !e.passed) ? [`▼ ${word('failed', lang)}`] : []),
    ...(cuts.length > 0 ? [`✂ ${word('cut', lang)}`] : []),
  ];
  if (legend.length > 0) out.push(`<sub>${legend.map(mdCell).join(' · ')}</sub>`, '');
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (result.diagnostics.length > 0)
    out.push(`> ${errors > 0 ? '❌' : '⚠️'} ${countLine(result.diagnostics, lang)}: \`kipp validate\``, '');
  if (result.decisions !== undefined) {
    out.push(`## ${word('decisions', lang)}`, '');
    for (const d of result.decisions) {
      const { what, who } = decisionLine(result, d, lang);
      out.push(`- **${mdCell(what)}** — ${mdCell(who)}`);
    }
    if (result.decisions.length === 0) out.push(`- ${word('none', lang)}`);
    out.push('');
  }
  pushAll(out, markdownManifest(reportManifest(result, options), lang));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The manifest section: what produced this report, and the files to archive with it. */
function markdownManifest(m: Manifest, lang: ReportOptions['lang']): string[] {
  const { facts, files } = manifestRows(m, lang);
  const out = [`## ${manifestWord('manifest', lang)}`, '', '| | |', '|---|---|'];
  for (const [label, value] of facts) out.push(`| ${mdCell(label)} | ${mdCell(value)} |`);
  out.push('', `| ${manifestWord('kind', lang)} | ${manifestWord('path', lang)} | sha256 |`, '|---|---|---|');
  for (const f of files)
    out.push(`| ${mdCell(word(`kind_${f.kind}` as Word, lang))} | ${mdCell(f.path)} | \`${f.sha256}\` |`);
  out.push('', mdCell(manifestWord('check', lang)));
  return out;
}
