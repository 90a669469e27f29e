/**
 * `kipp init [DIR] [--profile NAME]`: a ready competition folder — the profile's rubric, CSV
 * templates with Indonesian headers, a README for the secretariat and a CI workflow that runs
 * `kipp validate`. The files come from src/init/folder.ts; this module only reads the profile
 * and writes them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KippError } from '../model/diagnostic.js';
import { decodeBytes } from '../io/decode.js';
import { parseRubric, rubricsDir } from '../io/rubric.js';
import { makeFolders, writeOutput } from '../io/write.js';
import { competitionFolder, profileFileName } from '../init/folder.js';
import { diagnosticLine } from '../report/shared/diagnostics.js';
import { packageFile } from '../package-root.js';
import { toolVersion } from '../version.js';
import type { CommandContext, CommandResult } from './context.js';

export interface InitOptions {
  profile?: string;
  force?: boolean;
}

/** The shipped profiles, by name (`kipp-2018`, ...). */
export function shippedProfiles(): string[] {
  return readdirSync(rubricsDir())
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/** A shipped profile by name, or a rubric file by path. */
function readProfile(name: string): { text: string; profile: string; file: string } {
  const shipped = profileFileName(name);
  if (shippedProfiles().includes(shipped.replace(/\.yaml$/, ''))) {
    return {
      text: decodeBytes(readFileSync(new URL(shipped, rubricsDir()))).text,
      profile: shipped.replace(/\.yaml$/, ''),
      file: `rubrics/${shipped}`,
    };
  }
  if (existsSync(name) && statSync(name).isFile())
    return { text: decodeBytes(readFileSync(name)).text, profile: name, file: name };
  throw new KippError(
    'usage',
    `--profile ${name}: not a shipped profile (${shippedProfiles().join(', ')}) nor a rubric file`,
  );
}

export async function runInit(dir: string, options: InitOptions, ctx: CommandContext): Promise<CommandResult> {
  const { text, profile, file } = readProfile(options.profile ?? 'kipp-2018');
  const { rubric, diagnostics } = parseRubric(text, file);
  if (!rubric) throw new KippError('config', `${file}: invalid rubric`, diagnostics);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new KippError('usage', `${dir} exists and is not a folder`);
    if (readdirSync(dir).length > 0 && !options.force) {
      throw new KippError(
        'usage',
        `${dir} is not empty: choose a new folder, or pass --force to write the files into it (files of the same names are replaced)`,
      );
    }
  }
  const rubricSchema = readFileSync(packageFile('schemas/rubric.schema.json'), 'utf8');
  const files = competitionFolder({ rubric, rubricText: text, profile, version: toolVersion(), rubricSchema });
  for (const f of files) {
    // spread-ok: the segments of a path the folder template names (a few)
    const path = join(dir, ...f.path.split('/'));
    makeFolders(dirname(path));
    writeOutput(path, f.content, { inputs: [], force: true });
  }
  for (const d of diagnostics) ctx.log(diagnosticLine(d, ctx.stderrColor));
  ctx.log(
    `kipp init: ${rubric.name} in ${dir}; next: fill in entries.csv, then run kipp validate (see ${join(dir, 'README.md')})`,
  );
  // spread-ok: the segments of a path the folder template names (a few)
  return { output: files.map((f) => `${join(dir, ...f.path.split('/'))}\n`).join(''), exit: 0 };
}
