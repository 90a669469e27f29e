/**
 * The score formatters, chosen from a typed map: adding a format fails the build until it is
 * handled here.
 */
import type { ScoreResult } from '../model/result.js';
import { formatCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import type { ReportOptions } from './options.js';
import { formatTable } from './table.js';

export const SCORE_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

export const scoreFormatters = {
  table: formatTable,
  json: formatJson,
  csv: formatCsv,
  md: formatMarkdown,
  html: formatHtml,
} satisfies Record<ScoreFormat, (result: ScoreResult, options: ReportOptions) => string>;
