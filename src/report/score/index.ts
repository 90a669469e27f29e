/**
 * The score formatters, chosen from a typed map: adding a format fails the build until it is
 * handled here. Only this file names the formats' modules, by dynamic import.
 */
import type { ScoreResult } from '../../model/result.js';
import type { ReportOptions } from './options.js';

export const SCORE_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

/**
 * A report is text, or UTF-8 pieces written one by one (the JSON and CSV reports: a stress
 * year's JSON is ~100 MB, never held whole). The pieces share one buffer: both writers of a
 * command's output (src/cli.ts for stdout, writeOutput for --output) finish a piece before
 * asking for the next.
 */
export type ScoreFormatter = (result: ScoreResult, options: ReportOptions) => string | Iterable<Uint8Array>;

/**
 * Each format's formatter, loaded when asked for: `kipp score --format csv` does not parse the
 * HTML page, the table's layout or the Markdown writer (their code is most of the report's).
 */
export const scoreFormatters = {
  table: async () => (await import('./table.js')).formatTable,
  json: async () => {
    const { formatJsonChunks } = await import('./json.js');
    return (result, options) => formatJsonChunks(result, options, { reuse: true });
  },
  csv: async () => {
    const { formatCsvPieces } = await import('./csv.js');
    return (result, options) => formatCsvPieces(result, options, { reuse: true });
  },
  md: async () => (await import('./markdown.js')).formatMarkdown,
  html: async () => (await import('./html.js')).formatHtmlPieces,
} satisfies Record<ScoreFormat, () => Promise<ScoreFormatter>>;
