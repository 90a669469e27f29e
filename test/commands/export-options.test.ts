/**
 * `kipp export` options → parsed settings, without running anything: format from the extension,
 * output delimiter, language, sheets, and the combinations that are usage errors.
 */
import { describe, expect, it } from 'vitest';
import { parseExportOptions, type ExportCommandOptions } from '../../src/commands/export.js';
import type { CommandContext } from '../../src/commands/context.js';
import { KippError } from '../../src/model/diagnostic.js';

const ctx = (env: Record<string, string> = {}, lang: 'en' | 'id' = 'en'): CommandContext => ({
  env,
  color: false,
  stderrColor: false,
  stdoutIsTTY: false,
  stderrIsTTY: false,
  columns: 120,
  log: () => {},
  lang,
});

describe('parseExportOptions', () => {
  it.each<[ExportCommandOptions, object]>([
    [{ output: 'top-99.xlsx' }, { format: 'xlsx', lang: 'en', delimiter: ',', sheets: 'single' }],
    [{ output: 'TOP-45.CSV' }, { format: 'csv', delimiter: ',' }],
    [
      { output: 'top-45.csv', delimiter: ';' },
      { format: 'csv', delimiter: ';' },
    ],
    [
      { output: 'top-45.csv', delimiter: 'semicolon', lang: 'id' },
      { delimiter: ';', lang: 'id' },
    ],
    [{ output: 'top-45.csv', delimiter: 'tab' }, { delimiter: '\t' }],
    [{ output: 'x.xlsx', sheets: 'category' }, { sheets: 'category' }],
    [
      { output: 'x.xlsx', sheets: 'shortlist', lang: 'id-ID' },
      { sheets: 'shortlist', lang: 'id' },
    ],
    [{ output: 'x.xlsx', asOf: '2018-03-10' }, { asOf: '2018-03-10' }],
  ])('%j → %j', (options, expected) => {
    expect(parseExportOptions(options, ctx())).toMatchObject(expected);
  });

  it('takes the language from the context (KIPP_LANG) and the date from SOURCE_DATE_EPOCH', () => {
    expect(parseExportOptions({ output: 'x.csv' }, ctx({ SOURCE_DATE_EPOCH: '1700000000' }, 'id'))).toMatchObject({
      lang: 'id',
      generated: '2023-11-14T22:13:20.000Z',
    });
  });

  it.each<ExportCommandOptions>([
    {},
    { output: 'x.json' },
    { output: 'x' },
    { output: 'x.csv', sheets: 'category' },
    { output: 'x.xlsx', delimiter: ',' },
    { output: 'x.csv', delimiter: '|' },
    { output: 'x.csv', lang: 'fr' },
    { output: 'x.xlsx', sheets: 'judge' },
    { output: 'x.csv', asOf: '2018-02-31' },
  ])('%j is a usage error', (options) => {
    expect(() => parseExportOptions(options, ctx())).toThrow(KippError);
    try {
      parseExportOptions(options, ctx());
    } catch (err) {
      expect((err as KippError).kind).toBe('usage');
    }
  });
});
