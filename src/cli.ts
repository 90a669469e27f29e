/**
 * The command line: registers the commands, hands each a CommandContext, writes its output, and
 * is the one place that sets the exit code (0 ok, 1 data errors, 2 usage or configuration,
 * 70 a bug). Command modules are imported lazily so that `kipp --version` stays cheap.
 */
import { Command, CommanderError, type Help, Option, type OptionValues } from '@commander-js/extra-typings';
import { KippError } from './model/diagnostic.js';
import type { CommandContext, CommandResult } from './commands/context.js';
import {
  applyEnvFallbacks,
  asOfOption,
  conflictsOption,
  countOption,
  delimiterOption,
  forceOption,
  judgesOption,
  langOption,
  optionDescription,
  outputOption,
  parseMargin,
  parseMaxWarnings,
  runsOption,
  parseSpread,
  rubricOption,
  scoresOption,
} from './commands/options.js';
import { toolVersion } from './version.js';

export const EXIT = { ok: 0, data: 1, usage: 2, bug: 70 } as const;

interface Stream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string | Uint8Array, written?: (err?: Error | null) => void): boolean;
  /** Node streams: where a closed pipe (EPIPE) is reported. */
  on?(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
}

export interface Process {
  argv: string[];
  env: Record<string, string | undefined>;
  stdout: Stream;
  stderr: Stream;
}

/** Colour is decided once: NO_COLOR turns it off, FORCE_COLOR on, TERM=dumb off, else a TTY. */
export function colorEnabled(stream: Stream, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

function makeContext(proc: Process): CommandContext {
  return {
    env: proc.env,
    color: colorEnabled(proc.stdout, proc.env),
    stderrColor: colorEnabled(proc.stderr, proc.env),
    stdoutIsTTY: proc.stdout.isTTY === true,
    stderrIsTTY: proc.stderr.isTTY === true,
    columns: proc.stdout.columns ?? (Number(proc.env.COLUMNS) || 120),
    log: (line) => void proc.stderr.write(`${line}\n`),
    writeErr: (text) => void proc.stderr.write(text),
    // KIPP_LANG is --lang's declared fallback (src/commands/options.ts): a command that got
    // neither speaks English.
    lang: 'en',
  };
}

const INPUT_HELP = `
Input files: CSV (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252), YAML or JSON, or a
folder of them; "-" reads standard input. Without --rubric (or KIPP_RUBRIC) the embedded
KIPP 2018 rubric applies.`;

/** The input options of the data commands, after the command's own (src/commands/options.ts). */
function inputOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
  delimiterHelp?: string,
) {
  return cmd
    .addOption(judgesOption())
    .addOption(conflictsOption())
    .addOption(rubricOption())
    .addOption(asOfOption())
    .addOption(delimiterOption(delimiterHelp));
}

/** The same, led by --scores. */
function scoredInputOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
) {
  return inputOptions(cmd.addOption(scoresOption()));
}

export function buildProgram(proc: Process, done: (result: CommandResult) => void): Command {
  const ctx = makeContext(proc);
  const program = new Command()
    .name('kipp')
    .description('Score, validate and export entries of public service innovation competitions (KIPP).')
    .version(toolVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => void proc.stdout.write(s),
      writeErr: (s) => void proc.stderr.write(s),
    })
    // `(env: KIPP_LANG)` in the help of an option with an environment fallback.
    .configureHelp({
      optionDescription(option) {
        return optionDescription(this as Help, option);
      },
    })
    // Options not given on the command line from the environment kipp was handed.
    .hook('preAction', (_, action) => applyEnvFallbacks(action, proc.env));
  const run = (load: () => Promise<CommandResult>) => load().then(done);

  scoredInputOptions(
    program
      .command('score')
      .description("rank the entries: weighted rubric, judges' score sheets, shortlists")
      .argument('<entries...>', 'entry files or folders')
      .addOption(
        new Option('-f, --format <format>', "report format (with --output, the file's extension chooses it)").choices([
          'table',
          'json',
          'csv',
          'md',
          'html',
        ] as const),
      )
      .addOption(
        outputOption(
          'write the report to a .txt, .json, .csv, .md or .html file (atomically; never over an input; - for standard output); spreadsheets: kipp export',
        ),
      )
      .addOption(forceOption())
      .option('-c, --category <category>', 'show one category only (id, number or label)')
      .addOption(
        countOption('-n, --top <n>', 'show the first N entries, and any tied with the N-th ("showing N of M" says so)'),
      )
      .option(
        '--decisions <file>',
        "the jury's decisions (YAML: resolve_tie, disqualify, withdraw, include, exclude), applied after ranking",
      )
      .addOption(langOption()),
  )
    .addHelpText(
      'after',
      `${INPUT_HELP}

Examples:
  kipp score fixtures/example/entries.csv --scores fixtures/example/scores-long.csv --judges fixtures/example/judges.csv
  kipp score entries.csv --scores sheets/ --rubric rubrics/kipp-2018.yaml --as-of 2026-03-10 --format json > report.json
  kipp score entries.csv -s scores.csv --category inklusif --top 10 --lang id
  kipp score entries.csv -s scores.csv -j judges.csv --lang id --output laporan.html`,
    )
    .action((entries: string[], options) =>
      run(async () => (await import('./commands/score.js')).runScore(entries, options, ctx)),
    );

  scoredInputOptions(
    program
      .command('validate')
      .description('check entries, score sheets, judges and rubric; every problem with its code, file and line')
      .argument('<entries...>', 'entry files or folders')
      .addOption(
        new Option('-f, --format <format>', 'output format (default: pretty)').choices([
          'pretty',
          'json',
          'junit',
          'github',
          'sarif',
        ] as const),
      )
      .addOption(outputOption('write the report to a .txt, .json, .xml or .sarif file (- for standard output)'))
      .addOption(forceOption())
      .option('--strict', 'treat warnings as errors')
      .addOption(
        new Option('--max-warnings <n>', 'fail (exit 1) when there are more than N warnings').argParser((raw) =>
          parseMaxWarnings(raw),
        ),
      )
      .option('-q, --quiet', 'report errors only')
      .option(
        '--assignment <file>',
        "the assignment.csv kipp assign wrote: name missing judges' sheets, scores outside the assignment and workbooks of another assignment",
      ),
  )
    .addHelpText(
      'after',
      `${INPUT_HELP}

Exit codes: 0 clean (warnings allowed), 1 data errors, 2 usage or configuration errors.

Examples:
  kipp validate submissions/ --rubric rubric.yaml
  kipp validate entries.csv --judges judges.csv --scores returned/ --assignment out/assignment.csv
  kipp validate entries.csv --scores scores.csv --judges judges.csv --format github
  kipp validate submissions/ --format sarif --output kipp.sarif`,
    )
    .action((entries: string[], options) =>
      run(async () => (await import('./commands/validate.js')).runValidate(entries, options, ctx)),
    );

  inputOptions(
    program
      .command('export')
      .description('write a shortlist (or every entry) to CSV or XLSX for publishing')
      .argument('<entries...>', 'entry files or folders')
      .requiredOption('-o, --output <file>', 'the .csv or .xlsx file to write (- writes CSV to standard output)')
      .option('--shortlist <name>', 'export this shortlist only (default: every entry)')
      .option('--decisions <file>', "the jury's decisions (YAML), applied after ranking: the final lists are exported")
      .addOption(
        new Option('--sheets <by>', 'XLSX: one sheet per shortlist or per category').choices([
          'shortlist',
          'category',
        ] as const),
      )
      .addOption(langOption('headers and labels in en or id'))
      .addOption(forceOption('replace an existing output file')),
    'delimiter of the CSV written (inputs are detected): , ; (with decimal commas, for Indonesian-locale Excel) or tab',
  )
    .addOption(scoresOption())
    .addHelpText(
      'after',
      `
--delimiter sets the OUTPUT delimiter here: use ";" (with decimal commas) for Excel in
Indonesian locale; input files are detected.

Examples:
  kipp export entries.csv -s scores.csv --shortlist top-99 --output top-99.xlsx
  kipp export entries.csv -s scores.csv --shortlist top-45 --output top-45.csv --delimiter ";" --lang id`,
    )
    .action((entries: string[], options) =>
      run(async () => (await import('./commands/export.js')).runExport(entries, options, ctx)),
    );

  scoredInputOptions(
    program
      .command('judges')
      .description('profile the panel: harsh or lenient judges, agreement, coverage, disagreements')
      .argument('<entries...>', 'entry files or folders')
      .addOption(
        new Option(
          '-f, --format <format>',
          "output format (default: table; with --output, the file's extension chooses it)",
        ).choices(['table', 'json', 'md'] as const),
      )
      .addOption(outputOption('write to a file (.txt, .json or .md; - for standard output)'))
      .addOption(forceOption())
      .addOption(langOption()),
  )
    .addHelpText('after', '\nExample:\n  kipp judges entries.csv --scores scores.csv --judges judges.csv --format md')
    .action((entries: string[], options) =>
      run(async () => (await import('./commands/judges.js')).runJudges(entries, options, ctx)),
    );

  scoredInputOptions(
    program
      .command('agenda')
      .description(
        'the meeting pack: ties at a cut-off, entries near a pass mark, disagreements near a cut, flagged judges, entries not ranked',
      )
      .argument('<entries...>', 'entry files or folders')
      .addOption(
        new Option('-f, --format <format>', 'output format (default: from the --output extension, else md)').choices([
          'md',
          'html',
          'json',
        ] as const),
      )
      .addOption(outputOption('write the pack to a file'))
      .option('--decisions <file>', 'decisions already taken (YAML): applied first, so only open items remain')
      .option('--decisions-template <file>', 'also write a decisions file with one open item per decision to take')
      .addOption(
        new Option('--margin <points>', 'how close to a pass mark is "a hair", in points of the 0–100 total')
          .argParser(parseMargin)
          .default(2),
      )
      .addOption(countOption('--near-ranks <n>', 'ranks on either side of a cut counted as near it').default(3))
      .addOption(
        // At most as many runs as `kipp sensitivity --runs` takes: a digit too many would run for days.
        runsOption(
          '--sensitivity-runs <n>',
          'also list borderline entries from N sensitivity runs (weights ±5 points, seed 1; at most 1000000)',
        ),
      )
      .addOption(forceOption('replace existing output files'))
      .addOption(langOption()),
  )
    .addHelpText(
      'after',
      '\nExample:\n  kipp agenda fixtures/plenary/entries.csv -s fixtures/plenary/scores.csv -j fixtures/plenary/judges.csv -r fixtures/plenary/rubric.yaml --decisions-template decisions.yaml',
    )
    .action((entries: string[], options) =>
      run(async () => (await import('./commands/agenda.js')).runAgenda(entries, options, ctx)),
    );

  scoredInputOptions(
    program
      .command('explain')
      .description("show how one entry's total and rank were derived")
      .argument('<entry-id>', 'the entry id')
      .argument('<entries...>', 'entry files or folders')
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(['text', 'json'] as const).default('text'),
      )
      .addOption(langOption())
      .option(
        '--decisions <file>',
        "the jury's decisions (YAML): the derivation ends with what they did to the entry and its final place",
      ),
  )
    .addHelpText(
      'after',
      '\nExample:\n  kipp explain KIPP-2018-016 fixtures/example/entries.csv -s fixtures/example/scores-*.csv -j fixtures/example/judges.csv',
    )
    .action((id: string, entries: string[], options) =>
      run(async () => (await import('./commands/explain.js')).runExplain(id, entries, options, ctx)),
    );

  scoredInputOptions(
    program
      .command('sensitivity')
      .description('would the shortlists change under slightly different weights or judges?')
      .argument('<entries...>', 'entry files or folders')
      .addOption(runsOption('--runs <n>', 'number of runs (at most 1000000)').default(1000))
      .addOption(
        new Option('--weight-spread <p>', 'move every weight by up to ±P percentage points (0 to 100)')
          .argParser(parseSpread)
          .default(5),
      )
      .option('--resample-judges', "also draw each entry's judges with replacement")
      .option('--seed <s>', 'random seed (same seed, same output)', '1')
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(['table', 'json'] as const).default('table'),
      )
      .addOption(langOption()),
  )
    .addHelpText(
      'after',
      '\nExample:\n  kipp sensitivity entries.csv -s scores.csv --runs 1000 --weight-spread 5 --resample-judges --seed 42',
    )
    .action((entries: string[], options) =>
      run(async () => (await import('./commands/sensitivity.js')).runSensitivity(entries, options, ctx)),
    );

  program
    .command('assign')
    .description('assign judges to entries and write one score sheet per judge')
    .argument('<entries...>', 'entry files or folders')
    .addOption(judgesOption('the judges file (id, name, agency, region[, expertise])').makeOptionMandatory())
    .addOption(
      conflictsOption('declared conflicts (judge_id, entry_id, reason): those judges get none of those entries'),
    )
    .addOption(countOption('-k, --per-entry <k>', 'judges per entry').makeOptionMandatory())
    .requiredOption('-d, --output-dir <dir>', 'folder for assignment.csv and the score sheets')
    .option('--seed <s>', 'random seed (same seed, same assignment)', '1')
    .addOption(
      new Option('--avoid <what>', 'also keep judges off entries of their own region').choices(['region'] as const),
    )
    .addOption(
      new Option('--by <what>', "prefer judges whose expertise lists the entry's category").choices([
        'category',
      ] as const),
    )
    .addOption(
      new Option('--sheet-format <format>', 'score sheet format').choices(['csv', 'xlsx'] as const).default('csv'),
    )
    .addOption(
      delimiterOption(
        'delimiter of the CSV files written (inputs are detected): , ; (for Indonesian-locale Excel) or tab',
      ),
    )
    .addOption(langOption('column headers in en or id'))
    .addOption(
      rubricOption(
        'the rubric YAML (criteria for the sheets, categories; default: $KIPP_RUBRIC, else the embedded KIPP 2018 rubric)',
      ),
    )
    .addOption(forceOption('write into a folder that already holds sheets'))
    .addHelpText(
      'after',
      `
Writes DIR/assignment.csv (entry_id, judge_id) and one wide score sheet per judge in DIR/sheets/,
which kipp validate and kipp score read back with --scores DIR/sheets/. Every entry gets exactly K
judges, none of its agency (nor region, with --avoid region); loads differ by at most one.
With --sheet-format xlsx each workbook is a form: score cells take only a number within the
rubric's scale, the other cells are locked, an instructions sheet follows, and a hidden sheet
records the assignment; check returned sheets with kipp validate --assignment DIR/assignment.csv.
Exit codes: 0 written, 1 the panel cannot meet the rules or the inputs have errors (nothing
written), 2 usage (bad option, K above the number of judges, DIR already holds sheets: --force).

Examples:
  kipp assign entries.csv --judges judges.csv --per-entry 5 --seed 2026 --output-dir panel/
  kipp assign submissions/ -j juri.csv -k 3 --avoid region --by category --sheet-format xlsx -d penilaian/
  kipp assign submissions/ -j juri.csv -k 3 --delimiter ";" --lang id -d penilaian/`,
    )
    .action((entries: string[], options) =>
      run(async () => (await import('./commands/assign.js')).runAssign(entries, options, ctx)),
    );

  program
    .command('verify')
    .description('recompute a JSON report from the inputs its manifest names; exit 1 on any difference')
    .argument('<report>', 'a report written by kipp score --format json')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json'] as const).default('text'))
    .addHelpText(
      'after',
      `
Input paths in the report are read relative to the report's folder (then the working folder).
Exit codes: 0 verified, 1 an input changed or a figure differs, 2 an input is missing.

Examples:
  kipp score entries.csv -s scores.csv --as-of 2026-03-10 --output archive/report.json
  kipp verify archive/report.json`,
    )
    .action((report: string, options) =>
      run(async () => (await import('./commands/verify.js')).runVerify(report, options, ctx)),
    );

  program
    .command('diff')
    .description('what changed between two JSON reports: shortlist moves, ranks, totals')
    .argument('<old>', 'the earlier report')
    .argument('<new>', 'the later report')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md'] as const).default('text'),
    )
    .addHelpText(
      'after',
      `
Exit code 0 whenever both files are reports (the differences are the output); 2 when one is not.

Examples:
  kipp diff report-v1.json report-v2.json
  kipp diff report-v1.json report-v2.json --format md > changes.md`,
    )
    .action((oldReport: string, newReport: string, options) =>
      run(async () => (await import('./commands/diff.js')).runDiff(oldReport, newReport, options, ctx)),
    );

  program
    .command('init')
    .description('create a ready competition folder: rubric, templates, README, CI workflow')
    .argument('[dir]', 'the folder to create', '.')
    .option('--profile <name>', 'a shipped rubric profile (kipp-2018, kipp-2021, kipp-2022, kipp-2025)', 'kipp-2018')
    .option('--force', 'write into a folder that is not empty')
    .addHelpText('after', '\nExample:\n  kipp init kipp-2025 --profile kipp-2025')
    .action((dir: string, options) => run(async () => (await import('./commands/init.js')).runInit(dir, options, ctx)));

  const rubric = program.command('rubric').description('check or show a rubric');
  rubric
    .command('check')
    .description('check a rubric file against the schema and the weight rules (exit 0 or 2)')
    .argument('<file>', 'the rubric YAML')
    .addHelpText('after', '\nExample:\n  kipp rubric check rubrics/kipp-2018.yaml')
    .action((file: string) => run(async () => (await import('./commands/rubric.js')).runRubricCheck(file, ctx)));
  rubric
    .command('show')
    .description('show the effective weights per category')
    .argument('[file]', 'the rubric YAML (default: the embedded KIPP 2018 rubric)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'md'] as const).default('table'),
    )
    .addOption(langOption())
    .addHelpText('after', '\nExample:\n  kipp rubric show rubrics/kipp-2018.yaml --format md')
    .action((file: string | undefined, options) =>
      run(async () => (await import('./commands/rubric.js')).runRubricShow(file, options, ctx)),
    );

  return program;
}

/** Runs the CLI; returns the exit code (also set on process.exitCode by bin/kipp.js). */
export async function main(proc: Process): Promise<number> {
  let result: CommandResult | undefined;
  // Watched before anything is written: help, the version and commander's errors go out while
  // parsing, and `kipp score --help | head` closes the pipe under them.
  const pipe = watchPipe(proc);
  const program = buildProgram(proc, (r) => {
    result = r;
  });
  try {
    await program.parseAsync(proc.argv);
  } catch (err) {
    return await handleError(err, proc);
  }
  if (result === undefined) return EXIT.ok;
  if (result.output !== undefined) {
    const { output } = result;
    if (typeof output === 'string' || output instanceof Uint8Array) writeInChunks(proc.stdout, output);
    else await writePieces(proc.stdout, output, pipe);
    if (pipe.failed) return EXIT.usage;
  }
  return result.exit;
}

/**
 * stdout's write errors. A reader that stops early (`kipp score … | head`) closes the pipe:
 * the rest of the report is not wanted, writing stops, and the exit code is the command's.
 * Any other write error (a full disk) is said on stderr with exit 2, as a full disk under
 * `--output` is: the report did not get out, and it is the user's to fix, not a bug (70).
 */
function watchPipe(proc: Process): { closed: boolean; failed: boolean } {
  const state = { closed: false, failed: false };
  // stderr closed early (`kipp … 2>&1 | head`): what was left to say has nowhere to go, and an
  // unhandled 'error' event would print a stack trace (to that same closed stderr) and exit 1.
  proc.stderr.on?.('error', () => {});
  proc.stdout.on?.('error', (err) => {
    if (err.code === 'EPIPE' || state.closed) {
      state.closed = true;
      return;
    }
    if (!state.failed)
      proc.stderr.write(
        `kipp: cannot write the report to stdout: ${err.message}. Free some space, or write it elsewhere with --output\n`,
      );
    state.failed = true;
    state.closed = true;
  });
  return state;
}

/**
 * A large report (a stress year's JSON is ~100 MB) goes out in pieces, so that it is never held
 * twice (as text and as one UTF-8 buffer); pieces never split a surrogate pair.
 */
function writeInChunks(stream: Process['stdout'], text: string | Uint8Array): void {
  const size = 1 << 20;
  if (typeof text !== 'string' || text.length <= size) {
    stream.write(text);
    return;
  }
  for (let from = 0; from < text.length;) {
    let to = Math.min(from + size, text.length);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
    stream.write(text.slice(from, to));
    from = to;
  }
}

/**
 * A report in pieces: the next piece is asked for only once the stream has written this one
 * (a slow pipe), as the pieces may share one buffer (formatJsonChunks with `reuse`). A stream
 * that is not a Node stream (a test's) takes each piece when it is given.
 */
async function writePieces(
  stream: Process['stdout'],
  pieces: Iterable<string | Uint8Array>,
  pipe: { closed: boolean },
): Promise<void> {
  const isNodeStream = typeof (stream as Partial<NodeJS.WritableStream>).once === 'function';
  for (const piece of pieces) {
    if (pipe.closed) return; // nobody reads the rest: the pieces are not even made
    if (isNodeStream) await new Promise<void>((done) => stream.write(piece, () => done()));
    else stream.write(piece);
  }
}

async function handleError(err: unknown, proc: Process): Promise<number> {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
      return EXIT.ok;
    return EXIT.usage;
  }
  if (err instanceof KippError) {
    const color = colorEnabled(proc.stderr, proc.env);
    if (err.diagnostics.length > 0) {
      const { diagnosticLine } = await import('./report/shared/diagnostics.js');
      for (const d of err.diagnostics) proc.stderr.write(`${diagnosticLine(d, color)}\n`);
    } else if (err.closing === undefined) proc.stderr.write(`kipp: ${err.message}\n`);
    if (err.closing !== undefined) proc.stderr.write(`${err.closing}\n`);
    return err.kind === 'data' ? EXIT.data : EXIT.usage;
  }
  proc.stderr.write(
    `kipp: internal error (a bug — please report it with the command you ran):\n${(err as Error)?.stack ?? String(err)}\n`,
  );
  return EXIT.bug;
}
