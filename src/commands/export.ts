/**
 * `kipp export`: load → score → select a shortlist (or every entry) → CSV or XLSX, written
 * atomically to --output. The format follows the extension. `--delimiter` here is the OUTPUT
 * delimiter; input files are always detected.
 */
import { hasErrors, KippError } from '../model/diagnostic.js';
import { decide } from './decide.js';
import { scoreCompetition } from '../scoring/score.js';
import { countLine, diagnosticLines } from '../report/shared/diagnostics.js';
import { formatExportCsvPieces, type CsvDelimiter } from '../report/export/csv.js';
import { exportColumns, exportRows, findShortlist, selectShortlist } from '../report/export/table.js';
import { parseLang } from '../report/shared/labels.js';
import { writeOutput } from '../io/write.js';
import { toolVersion } from '../version.js';
import type { CommandContext, CommandResult } from './context.js';
import { inputPaths, loadInputs, parseAsOf, parseDelimiter, type InputOptions } from './inputs.js';
import { sourceDateEpoch } from './options.js';
import { checkOutputFirst, namedInputs, outputFile } from './output.js';

export interface ExportCommandOptions extends InputOptions {
  output?: string;
  /** The jury's decisions (YAML), applied after ranking. */
  decisions?: string;
  shortlist?: string;
  sheets?: string;
  lang?: string;
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
  const lang = options.lang !== undefined ? parseLang(options.lang) : ctx.lang;
  if (lang === undefined) throw new KippError('usage', `--lang ${options.lang}: use en or id`);
  const delimiter: CsvDelimiter = parseDelimiter(options.delimiter) ?? ',';
  if (format === 'xlsx' && options.delimiter !== undefined)
    throw new KippError('usage', '--delimiter applies to CSV output only; an .xlsx file has typed cells');
  const sheets = options.sheets ?? 'single';
  if (sheets !== 'single' && sheets !== 'shortlist' && sheets !== 'category')
    throw new KippError('usage', `--sheets ${sheets}: use shortlist or category`);
  if (format === 'csv' && options.sheets !== undefined)
    throw new KippError('usage', '--sheets applies to .xlsx output only; a CSV file holds one table');
  return {
    format,
    lang,
    delimiter,
    sheets,
    asOf: parseAsOf(options.asOf),
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
  const competition = await loadInputs(entryPaths, { ...options, delimiter: undefined }, ctx);
  const scored = scoreCompetition(competition, { asOf: parsed.asOf });
  // The jury's decisions (--decisions): the exported lists are the final ones.
  const result = options.decisions !== undefined ? await decide(scored, options.decisions) : scored;
  const shortlist = options.shortlist !== undefined ? findShortlist(result, options.shortlist) : null;
  for (const line of diagnosticLines(result.diagnostics, ctx.stderrColor)) ctx.log(line);
  if (result.diagnostics.length > 0) ctx.log(`kipp export: ${countLine(result.diagnostics)}`);
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
  const exit = hasErrors(result.diagnostics) ? 1 : 0;
  const what = shortlist !== null ? `${shortlist.name} (${entries.length} entries)` : `${entries.length} entries`;
  if (output === undefined) {
    ctx.log(`kipp export: ${what} to standard output`);
    return { output: data, exit };
  }
  writeOutput(output, data, {
    inputs: [...inputPaths(competition), ...(options.decisions !== undefined ? [options.decisions] : [])],
    force: options.force ?? false,
  });
  ctx.log(`kipp export: wrote ${what} to ${output}`);
  return { exit };
}
