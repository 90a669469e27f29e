/**
 * Where a rubric comes from, without parsing one: the embedded default's path, the bytes of a
 * rubric file, and the rubrics kipp ships, checked once at build time (scripts/compile-rubrics.mjs
 * writes dist/rubrics.json, keyed by each file's sha256). A rubric whose bytes are one of those is
 * taken from there, so that the embedded default costs neither YAML nor zod, about a tenth of a
 * national year's `kipp score`; any other rubric is parsed and checked by io/rubric.ts.
 */
import { readFileSync } from 'node:fs';
import { diagnostic, KippError } from '../model/diagnostic.js';
import { resolveRubric, type Rubric, type RubricFile } from '../model/rubric.js';
import { packageFile } from '../package-root.js';
import { sha256 } from './files.js';

export const DEFAULT_RUBRIC_FILE = 'kipp-2018.yaml';

/** The build's record of the shipped rubrics (dist/rubrics.json). */
export const COMPILED_RUBRICS_FILE = 'dist/rubrics.json';

export interface CompiledRubrics {
  /** By the sha256 of the file's bytes: its name in rubrics/ and its content as checked by the schema. */
  [sha256: string]: { file: string; content: RubricFile };
}

export function rubricsDir(): URL {
  return packageFile('rubrics/');
}

export interface LoadedRubric {
  rubric: Rubric;
  path: string | null;
  sha256: string;
}

/** How the rubric is named in messages: its path, or the embedded file's. */
export function rubricShownAs(path: string | null): string {
  return path ?? `(embedded) rubrics/${DEFAULT_RUBRIC_FILE}`;
}

/** The bytes of `path` (the embedded default when null); a `config` KippError that says why when unreadable. */
export function readRubricBytes(path: string | null): Uint8Array {
  try {
    return path === null ? readFileSync(new URL(DEFAULT_RUBRIC_FILE, rubricsDir())) : readFileSync(path);
  } catch (err) {
    const shown = rubricShownAs(path);
    const why = unreadableRubric((err as NodeJS.ErrnoException).code);
    const d = diagnostic('file-not-found', `rubric file ${why}`, { file: shown });
    throw new KippError('config', `${shown}: rubric file ${why}`, [d]);
  }
}

/**
 * Why a rubric path could not be read, in words and with the way out: "not found" only when
 * nothing is there (a folder or a file kipp may not read is something else to fix).
 */
export function unreadableRubric(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'not found: check the path given to --rubric (or KIPP_RUBRIC)';
    case 'EISDIR':
      return "is a directory, not a file: give the rubric's .yaml file inside it (for example DIR/rubric.yaml)";
    case 'EACCES':
    case 'EPERM':
      return "cannot be read: permission denied (check the file's permissions, or copy it somewhere readable)";
    default:
      return `cannot be read (${code ?? 'unknown error'})`;
  }
}

let compiled: CompiledRubrics | undefined;

/**
 * The rubric whose file bytes hash to `sha`, when it is one kipp ships as built; undefined
 * otherwise (an edited copy, a rubric of one's own, or no dist/rubrics.json, as when running
 * from the sources before a build), and the caller parses the text.
 */
export function knownRubric(sha: string): Rubric | undefined {
  if (compiled === undefined) {
    try {
      compiled = JSON.parse(readFileSync(packageFile(COMPILED_RUBRICS_FILE), 'utf8')) as CompiledRubrics;
    } catch {
      compiled = {};
    }
  }
  // Checked by the build, cross-field rules included (a rubric that fails them fails the build).
  return Object.hasOwn(compiled, sha) ? resolveRubric(compiled[sha]!.content) : undefined;
}

/** A rubric file's bytes and sha256, and the loaded rubric when it is one kipp ships. */
export function readRubric(path: string | null): { bytes: Uint8Array; sha: string; shipped: LoadedRubric | undefined } {
  const bytes = readRubricBytes(path);
  const sha = sha256(bytes);
  const rubric = knownRubric(sha);
  return { bytes, sha, shipped: rubric !== undefined ? { rubric, path, sha256: sha } : undefined };
}

/**
 * loadRubric (io/rubric.ts) for callers that can wait: a shipped rubric is taken as built, and
 * only another one loads the YAML parser and zod to be checked.
 */
export async function openRubric(path: string | null): Promise<LoadedRubric> {
  const { bytes, sha, shipped } = readRubric(path);
  return shipped ?? (await import('./rubric.js')).checkedRubric(bytes, path, sha);
}
