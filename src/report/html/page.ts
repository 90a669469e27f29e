/**
 * The pieces every kipp HTML page shares — the score report (`kipp score --format html`) and the
 * meeting pack (`kipp agenda --format html`): the self-contained document around a body (one
 * stylesheet, REPORT_STYLE, with its print rules; a Content-Security-Policy that lets no request
 * leave the page), escaping, numbers in the reader's language, and the table of input files with
 * their sha256 that ties a page to the data it was made from.
 */
import { createHash } from 'node:crypto';
import type { ScoreResult } from '../../model/result.js';
import { roundTo } from '../../scoring/round.js';
import { REPORT_STYLE } from './assets.js';
import type { Lang } from '../shared/labels.js';
import { safeText } from '../shared/text.js';
import { word, type Word } from '../shared/labels.js';

/** Escapes text for HTML content and attribute values; control characters become visible escapes. */
export function esc(raw: string): string {
  return safeText(raw).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

/** A number with `digits` decimals (half away from zero), with a decimal comma in Indonesian. */
export function num(x: number | null | undefined, digits: number, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const text = roundTo(x, digits).toFixed(digits);
  return lang === 'id' ? text.replace('.', ',') : text;
}

export interface HtmlDocument {
  lang: Lang;
  title: string;
  /** kipp's version, in the generator meta tag. */
  version: string;
  body: string;
  /** An inline script, allowed by its hash; none: the policy allows no script at all. */
  script?: string;
}

/** A whole page: the shared stylesheet inlined, nothing linked, no request allowed out. */
export function htmlDocument(page: HtmlDocument): string {
  const [before, after] = htmlDocumentAround(page);
  return `${before}${page.body}${after}`;
}

/**
 * The page's text before its body and after it (htmlDocument puts the body between them): a
 * report too large for one string (200,000 ranked rows) is written in pieces between the two.
 */
export function htmlDocumentAround(page: Omit<HtmlDocument, 'body'>): [string, string] {
  const scriptSrc =
    page.script === undefined
      ? "'none'"
      : `'sha256-${createHash('sha256').update(page.script, 'utf8').digest('base64')}'`;
  const before = `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptSrc}; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="kipp ${esc(page.version)}">
<link rel="icon" href="data:,">
<title>${esc(page.title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
`;
  const after = `
${page.script === undefined ? '' : `<script>${page.script}</script>\n`}</body>
</html>
`;
  return [before, after];
}

/** The rubric and every input file with its kind and sha256: what the page was made from. */
export function inputsTable(result: ScoreResult, lang: Lang): string {
  const w = (key: Word) => esc(word(key, lang));
  const kind = (k: string) => w(`kind_${k}` as Word);
  const rows = [
    `<tr><td>${result.rubricSource.path === null ? w('embedded') : `<span class="mono">${esc(result.rubricSource.path)}</span>`}</td><td>${kind('rubric')}</td><td class="mono sha">${esc(result.rubricSource.sha256)}</td></tr>`,
    ...result.inputs.map(
      (i) =>
        `<tr><td class="mono">${esc(i.path)}</td><td>${kind(i.kind)}</td><td class="mono sha">${esc(i.sha256)}</td></tr>`,
    ),
  ];
  return `<table class="small inputs"><caption>${w('inputs')}</caption><thead><tr><th scope="col">${w('file')}</th><th scope="col">${w('kind')}</th><th scope="col">sha256</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
