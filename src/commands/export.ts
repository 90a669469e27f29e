/**
 * `kipp export`: load → score → select a shortlist (or every entry) → CSV or XLSX, written
 * atomically to --output. The format follows the extension. `--delimiter` here is the OUTPUT
 * delimiter; input files are always detected.
 */
import { KippError } from '../model/diagnostic.js';
import { decide } from './decide.js';
import { scoreCompetition } from '../scoring/score.js';
import { formatExportCsvPieces, type CsvDelimiter } from '../report/export/csv.js';
import { exportColumns, exportRows, findShortlist, selectShortlist } from '../report/export/table.js';
import type { Lang } from '../report/shared/labels.js';
import { toolVersion } from '../version.js';
import type { CommandContext, CommandResult } from './context.js';
import { inputPaths, loadInputs, type InputOptions } from './inputs.js';
import { sourceDateEpoch } from './options.js';
import { checkOutputFirst, finish, namedInputs, outputFile } from './output.js';

/** As src/cli.ts declares and parses them; `delimiter` is the one written. */
export interface ExportCommandOptions extends InputOptions {
  output?: string;
  /** The jury's decisions (YAML), applied after ranking. */
  decisions?: string;
  shortlist?: string;
  sheets?: 'shortlist' | 'category';
  lang?: Lang;
  force?: boolean;
}

export type ExportFormat = 'csv' | 'xlsx';

export function exportFormat(output: string | undefined): ExportFormat {
  if (output === undefined || output === '')
    throw new KippError('usage', 'missing --output: name a .csv or .xlsx file');
  if (output === '-') return 'csv'; // standard output: CSV, the one format a pipe can take
  const ext = output.toLowerCase().match(/\.(\w+)$/)?.[1];
  if (ext === 'csv' || ext === 'xlsx') return ext;
  throw new KippError('usage', `--output ${output}: the format follows the extension; use .csv or .xlsx`);
}

/** Checks every option before any file is read, so a typo costs nothing. */
export function parseExportOptions(options: ExportCommandOptions, ctx: CommandContext) {
  const format = exportFormat(options.output);
  const lang = options.lang ?? ctx.lang;
  const delimiter: CsvDelimiter = options.delimiter ?? ',';
  if (format === 'xlsx' && options.delimiter !== undefined)
    throw new KippError('usage', '--delimiter applies to CSV output only; an .xlsx file has typed cells');
  const sheets = options.sheets ?? 'single';
  if (format === 'csv' && options.sheets !== undefined)
    throw new KippError('usage', '--sheets applies to .xlsx output only; a CSV file holds one table');
  return {
    format,
    lang,
    delimiter,
    sheets,
    asOf: options.asOf,
    generated: sourceDateEpoch(ctx.env),
  } as const;
}

export async function runExport(
  entryPaths: string[],
  options: ExportCommandOptions,
  ctx: CommandContext,
): Promise<CommandResult> {
  const parsed = parseExportOptions(options, ctx);
  const output = outputFile(options.output);
  if (output !== undefined)
    checkOutputFirst(
      output,
      namedInputs(entryPaths, { ...options, delimiter: undefined }, ctx),
      options.force ?? false,
    );
  // --delimiter names the output's delimiter: the inputs are detected as always.
  const competition = await loadInputs(entryPaths, { ...options, delimiter: undefined }, ctx, 'export');
  // Nothing below reads the score sheet's texts (its rows' places only, through the records).
  const scored = scoreCompetition(competition, { asOf: parsed.asOf, takeSheet: true });
  // The jury's decisions (--decisions): the exported lists are the final ones.
  const result = options.decisions !== undefined ? await decide(scored, options.decisions) : scored;
  const shortlist = options.shortlist !== undefined ? findShortlist(result, options.shortlist) : null;
  const entries = selectShortlist(result, shortlist);
  let data: Uint8Array | Iterable<Uint8Array>;
  if (parsed.format === 'csv') {
    // Row by row into the file: a stress year's table is never held whole, as cells or as text.
    // writeOutput writes each piece before asking for the next, so the pieces share one buffer.
    const columns = exportColumns(result, entries, parsed.lang);
    data = formatExportCsvPieces(
      columns,
      exportRows(result, entries, parsed.lang, columns),
      { delimiter: parsed.delimiter },
      { reuse: true },
    );
  } else {
    const { formatExportXlsx } = await import('../report/export/xlsx.js');
    data = await formatExportXlsx(result, {
      lang: parsed.lang,
      shortlist,
      sheets: parsed.sheets,
      version: toolVersion(),
      ...(parsed.generated !== undefined ? { generated: parsed.generated } : {}),
    });
  }
  const what = shortlist !== null ? `${shortlist.name} (${entries.length} entries)` : `${entries.length} entries`;
  return finish(ctx, {
    command: 'export',
    diagnostics: result.diagnostics,
    notes: output === undefined ? [`${what} to standard output`] : [],
    report: data,
    output,
    inputs: [...inputPaths(competition), ...(options.decisions !== undefined ? [options.decisions] : [])],
    force: options.force ?? false,
    wrote: `wrote ${what} to ${output}`,
  });
}
