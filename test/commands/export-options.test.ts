/**
 * `kipp export` options → parsed settings, without running anything: format from the extension,
 * output delimiter, language, sheets, and the combinations that are usage errors.
 */
import { describe, expect, it } from 'vitest';
import { parseExportOptions, type ExportCommandOptions } from '../../src/commands/export.js';
import type { CommandContext } from '../../src/commands/context.js';
import { KippError } from '../../src/model/diagnostic.js';
import { asOfOption, delimiterOption, langOption } from '../../src/commands/options.js';
import { Option } from '@commander-js/extra-typings';

/** An option's parser, as the command line runs it (src/commands/options.ts declares them). */
const parse = (option: Option, raw: string): unknown =>
  (option as unknown as { parseArg: (raw: string, previous: unknown) => unknown }).parseArg(raw, undefined);

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
      { output: 'top-45.csv', delimiter: ';', lang: 'id' },
      { delimiter: ';', lang: 'id' },
    ],
    [{ output: 'top-45.csv', delimiter: '\t' }, { delimiter: '\t' }],
    [{ output: 'x.xlsx', sheets: 'category' }, { sheets: 'category' }],
    [
      { output: 'x.xlsx', sheets: 'shortlist', lang: 'id' },
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
  ])('%j is a usage error', (options) => {
    expect(() => parseExportOptions(options, ctx())).toThrow(KippError);
    try {
      parseExportOptions(options, ctx());
    } catch (err) {
      expect((err as KippError).kind).toBe('usage');
    }
  });
});

describe('export option values, parsed where they are declared', () => {
  it.each<[Option, string, unknown]>([
    [delimiterOption(), 'semicolon', ';'],
    [delimiterOption(), 'tab', '\t'],
    [delimiterOption(), ';', ';'],
    [langOption(), 'id-ID', 'id'],
    [langOption(), 'en', 'en'],
    [asOfOption(), '2018-03-10', '2018-03-10'],
  ])('%s %j → %j', (option, raw, expected) => {
    expect(parse(option, raw)).toBe(expected);
  });

  it.each<[Option, string]>([
    [delimiterOption(), '|'],
    [langOption(), 'fr'],
    [asOfOption(), '2018-02-31'],
  ])('%s %j is a usage error', (option, raw) => {
    expect(() => parse(option, raw)).toThrow(KippError);
    try {
      parse(option, raw);
    } catch (err) {
      expect((err as KippError).kind).toBe('usage');
    }
  });
});
