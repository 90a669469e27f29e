/**
 * Every option the commands share, declared once with its parser: src/cli.ts adds these to the
 * commands, and each command receives the values already parsed and typed (a number for
 * `--top`, a Lang for `--lang`, a Delimiter for `--delimiter`). A bad value is a usage error
 * (exit 2) while the command line is read, before any file is.
 *
 * It imports nothing heavier than commander and the error type, so a command that needs
 * `--format` does not load another command (and its report formats) to parse it.
 */
import { Help, Option } from '@commander-js/extra-typings';
import type { Delimiter } from '../io/csv.js';
import { KippError } from '../model/diagnostic.js';
import { isRealDate } from '../model/rubric.js';
import { envLang, parseLang, type Lang } from '../report/shared/labels.js';

export function parseFormat<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
  option = '--format',
): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new KippError('usage', `${option} ${raw}: use one of ${allowed.join(', ')}`);
  return raw as T;
}

export function parseCount(raw: string | undefined, option: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new KippError('usage', `${option} ${raw}: expected a whole number of at least 1`);
  return Number(raw);
}

export function parseAsOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!isRealDate(raw)) throw new KippError('usage', `--as-of ${raw}: expected a date as YYYY-MM-DD`);
  return raw;
}

export function parseDelimiter(raw: string | undefined): Delimiter | undefined {
  if (raw === undefined) return undefined;
  const named: Record<string, Delimiter> = {
    ',': ',',
    comma: ',',
    ';': ';',
    semicolon: ';',
    '\\t': '\t',
    '\t': '\t',
    tab: '\t',
  };
  const d = named[raw.toLowerCase()];
  if (d === undefined) throw new KippError('usage', `--delimiter ${raw}: use , ; or tab`);
  return d;
}

export function parseMaxWarnings(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new KippError('usage', `--max-warnings ${raw}: expected a whole number (0 or more)`);
  return Number(raw);
}

/** `--lang`: en or id (en_US, id-ID and the like name the same). */
export function parseLangOption(raw: string): Lang {
  const lang = parseLang(raw);
  if (lang === undefined) throw new KippError('usage', `--lang ${raw}: use en or id`);
  return lang;
}

/** `--weight-spread`: percentage points, 0 to 100. */
export function parseSpread(raw: string): number {
  const p = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(p) || p < 0 || p > 100)
    throw new KippError('usage', `--weight-spread ${raw}: expected percentage points between 0 and 100`);
  return p;
}

/** `--margin`: points on the 0–100 total, 0 or more. */
export function parseMargin(raw: string): number {
  const m = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(m) || m < 0)
    throw new KippError('usage', `--margin ${raw}: expected points on the 0–100 total, 0 or more (e.g. 2)`);
  return m;
}

export const MAX_RUNS = 1_000_000;

/** A count of runs given to `option`, at most MAX_RUNS. */
export function parseRuns(raw: string, option: string): number {
  const runs = parseCount(raw, option)!;
  if (runs > MAX_RUNS) throw new KippError('usage', `${option} ${raw}: at most ${MAX_RUNS}`);
  return runs;
}

export function sourceDateEpoch(env: Record<string, string | undefined>): string | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new KippError('usage', `SOURCE_DATE_EPOCH=${raw}: expected whole seconds since 1970`);
  return new Date(Number(raw) * 1000).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Environment fallbacks. commander's own Option.env() reads process.env; kipp reads the
// environment it is handed (src/cli.ts's Process), so the fallback is declared here and applied
// by applyEnvFallbacks once the command line is parsed. An empty variable counts as unset.

interface EnvFallback {
  name: string;
  parse: (raw: string) => unknown;
}

const ENV_FALLBACKS = new WeakMap<object, EnvFallback>();

function withEnv<T extends object>(option: T, name: string, parse: (raw: string) => unknown): T {
  ENV_FALLBACKS.set(option, { name, parse });
  return option;
}

interface ParsedCommand {
  options: readonly object[];
  getOptionValueSource(key: string): string | undefined;
  setOptionValueWithSource(key: string, value: unknown, source: 'env'): unknown;
}

/** Fills the options not given on the command line from their environment variables. */
export function applyEnvFallbacks(command: ParsedCommand, env: Record<string, string | undefined>): void {
  for (const option of command.options) {
    const fallback = ENV_FALLBACKS.get(option);
    if (fallback === undefined) continue;
    const key = (option as { attributeName(): string }).attributeName();
    if (command.getOptionValueSource(key) === 'cli') continue;
    const raw = env[fallback.name];
    if (raw === undefined || raw.trim() === '') continue;
    command.setOptionValueWithSource(key, fallback.parse(raw), 'env');
  }
}

/** commander's option description, with `env: NAME` among the extras as Option.env() shows it. */
export function optionDescription(help: Help, option: Option): string {
  const fallback = ENV_FALLBACKS.get(option);
  const shown: Option =
    fallback === undefined ? option : (Object.create(option, { envVar: { value: fallback.name } }) as Option);
  return Help.prototype.optionDescription.call(help, shown);
}

// ---------------------------------------------------------------------------------------------
// The declarations.

export const langOption = (description = 'labels in en or id') =>
  withEnv(
    new Option('--lang <lang>', `${description} (default: $KIPP_LANG, else en)`)
      .choices(['en', 'id'] as const)
      .argParser(parseLangOption),
    'KIPP_LANG',
    (raw) => {
      const lang = envLang(raw);
      if (lang === undefined) throw new KippError('usage', `KIPP_LANG=${raw}: use en or id (or unset KIPP_LANG)`);
      return lang ?? 'en';
    },
  );

export const rubricOption = (
  description = 'the rubric YAML (default: $KIPP_RUBRIC, else the embedded KIPP 2018 rubric)',
) => withEnv(new Option('-r, --rubric <file>', description), 'KIPP_RUBRIC', (raw) => raw);

export const scoresOption = () =>
  new Option(
    '-s, --scores <files...>',
    'score sheets (long or wide form); several may be given; STAGE=FILE for one stage of a rubric with stages',
  );

export const judgesOption = (
  description = 'the judges file (id, name, agency, region): enables judge checks and conflicts of interest',
) => new Option('-j, --judges <file>', description);

export const conflictsOption = (
  description = "declared conflicts (judge_id, entry_id, reason): those judges' scores for those entries are excluded",
) => new Option('--conflicts <file>', description);

export const asOfOption = () =>
  new Option(
    '--as-of <date>',
    "reference date for the age rule (YYYY-MM-DD; default: the rubric's reference_date, else today)",
  ).argParser((raw) => parseAsOf(raw)!);

export const delimiterOption = (description = 'CSV delimiter of the inputs instead of detecting it: , ; or tab') =>
  new Option('--delimiter <char>', description).argParser((raw) => parseDelimiter(raw)!);

/** The long name in an option's flags (`-k, --per-entry <n>` → `--per-entry`), as its errors name it. */
const longName = (flags: string) => /--[\w-]+/.exec(flags)![0];

/** A whole number of at least 1, named in its error as `option`. */
export const countOption = <F extends string>(flags: F, description: string) =>
  new Option(flags, description).argParser((raw) => parseCount(raw, longName(flags))!);

/** A number of runs: a whole number from 1 to MAX_RUNS, named in its error as the option is. */
export const runsOption = <F extends string>(flags: F, description: string) =>
  new Option(flags, description).argParser((raw) => parseRuns(raw, longName(flags)));

export const outputOption = (description: string) => new Option('-o, --output <file>', description);

export const forceOption = (description = 'replace an existing --output file') => new Option('--force', description);
