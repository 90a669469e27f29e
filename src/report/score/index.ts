/**
 * The score formatters, chosen from a typed map: adding a format fails the build until it is
 * handled here.
 */
import type { ScoreResult } from '../../model/result.js';
import { formatCsvPieces } from './csv.js';
import { formatHtml } from './html.js';
import { formatJsonChunks } from './json.js';
import { formatMarkdown } from './markdown.js';
import type { ReportOptions } from './options.js';
import { formatTable } from './table.js';

export const SCORE_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

/**
 * A report is text, or UTF-8 pieces written one by one (the JSON report: a stress year's is
 * ~100 MB, never held whole). The pieces share one buffer: both writers of a command's output
 * (src/cli.ts for stdout, writeOutput for --output) finish a piece before asking for the next.
 */
export const scoreFormatters = {
  table: formatTable,
  json: (result, options) => formatJsonChunks(result, options, { reuse: true }),
  csv: formatCsvPieces,
  md: formatMarkdown,
  html: formatHtml,
} satisfies Record<ScoreFormat, (result: ScoreResult, options: ReportOptions) => string | Iterable<Uint8Array>>;
