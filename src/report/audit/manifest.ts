/**
 * The manifest every report carries: which tool, which rubric, which input files (with their
 * hashes) and which options produced it — what an inspector needs to reproduce the figures
 * (`kipp verify`). One function builds it; each format renders it its own way.
 */
import { relative, resolve, sep } from 'node:path';
import type { InputKind } from '../../model/records.js';
import type { ScoreResult } from '../../model/result.js';

/** The options that change what a report holds (input paths and formats do not). */
export interface RunOptions {
  /** `--as-of` as given (the effective date is the report's `as_of`). */
  as_of: string | null;
  /** `--category`, resolved to the category id. */
  category: string | null;
  /** `--top`. */
  top: number | null;
  /** `--delimiter`, when it overrode detection. */
  delimiter: string | null;
}

export const NO_RUN_OPTIONS: RunOptions = { as_of: null, category: null, top: null, delimiter: null };

/** What the reporters are told about the run besides the result (part of ReportOptions). */
export interface ManifestOptions {
  /** Input paths are written relative to this folder (the --output file's); else as named. */
  relativeTo?: string;
  options?: RunOptions;
}

export interface ManifestInput {
  path: string;
  kind: InputKind;
  sha256: string;
  /** A score sheet given as `--scores STAGE=FILE`: the stage it holds. */
  stage?: string;
  /** A workbook: the sheet that was read (kipp verify reads that sheet again). */
  sheet?: string;
}

export interface Manifest {
  kipp: string;
  /** `path` null: the rubric embedded in the tool. */
  rubric: { name: string; version: number | string | null; sha256: string; path: string | null };
  inputs: ManifestInput[];
  /** The effective reference date. */
  as_of: string;
  options: RunOptions;
  /** ISO time from SOURCE_DATE_EPOCH only (reports are otherwise byte-identical from run to run). */
  generated?: string;
}

/**
 * A path as the report should show it: relative to the report's folder (with `/`, so that a
 * report written on Windows verifies on Linux), `-` for standard input.
 */
export function reportPath(path: string, relativeTo: string | undefined): string {
  if (path === '-' || relativeTo === undefined) return path;
  const rel = relative(resolve(relativeTo), resolve(path));
  // Another drive on Windows: relative() gives an absolute path, kept as is.
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

export function reportManifest(
  result: Pick<ScoreResult, 'rubric' | 'rubricSource' | 'inputs' | 'asOf'>,
  options: { version: string; generated?: string; manifest?: ManifestOptions },
): Manifest {
  const relativeTo = options.manifest?.relativeTo;
  return {
    kipp: options.version,
    rubric: {
      name: result.rubric.name,
      version: result.rubric.version,
      sha256: result.rubricSource.sha256,
      path: result.rubricSource.path === null ? null : reportPath(result.rubricSource.path, relativeTo),
    },
    inputs: result.inputs.map((i) => ({
      path: reportPath(i.path, relativeTo),
      kind: i.kind,
      sha256: i.sha256,
      ...(i.stage !== undefined ? { stage: i.stage } : {}),
      ...(i.sheet !== undefined ? { sheet: i.sheet } : {}),
    })),
    as_of: result.asOf,
    options: options.manifest?.options ?? NO_RUN_OPTIONS,
    ...(options.generated !== undefined ? { generated: options.generated } : {}),
  };
}

export const MANIFEST_WORDS = {
  manifest: { en: 'Manifest', id: 'Manifes' },
  tool: { en: 'Tool', id: 'Perangkat' },
  rubric: { en: 'Rubric', id: 'Pedoman penilaian' },
  version: { en: 'version', id: 'versi' },
  embedded: { en: 'embedded in kipp', id: 'bawaan kipp' },
  as_of: { en: 'Reference date', id: 'Tanggal acuan' },
  options: { en: 'Options', id: 'Opsi' },
  none: { en: 'none', id: 'tidak ada' },
  generated: { en: 'Generated', id: 'Dibuat' },
  kind: { en: 'Kind', id: 'Jenis' },
  path: { en: 'Path', id: 'Lokasi' },
  check: {
    en: 'kipp verify on the JSON report re-reads these files, checks their sha256 and recomputes every figure.',
    id: 'kipp verify pada laporan JSON membaca ulang berkas-berkas ini, memeriksa sha256-nya dan menghitung ulang semua angka.',
  },
} as const;

export type ManifestWord = keyof typeof MANIFEST_WORDS;

export function manifestWord(w: ManifestWord, lang: 'en' | 'id'): string {
  return MANIFEST_WORDS[w][lang];
}

/** The options as a reader sees them: `--as-of 2026-03-10, --category inclusive`, or null. */
export function optionsText(options: RunOptions): string | null {
  const parts: string[] = [];
  if (options.as_of !== null) parts.push(`--as-of ${options.as_of}`);
  if (options.category !== null) parts.push(`--category ${options.category}`);
  if (options.top !== null) parts.push(`--top ${options.top}`);
  if (options.delimiter !== null) parts.push(`--delimiter ${options.delimiter === '\t' ? 'tab' : options.delimiter}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * The manifest as label/value rows and one row per file (rubric first), for any format to render
 * (Markdown here; HTML and XLSX the same way).
 */
export function manifestRows(
  m: Manifest,
  lang: 'en' | 'id',
): { facts: [string, string][]; files: { kind: string; path: string; sha256: string }[] } {
  const facts: [string, string][] = [
    [manifestWord('tool', lang), `kipp ${m.kipp}`],
    [
      manifestWord('rubric', lang),
      `${m.rubric.name}${m.rubric.version !== null ? ` (${manifestWord('version', lang)} ${m.rubric.version})` : ''}`,
    ],
    [manifestWord('as_of', lang), m.as_of],
    [manifestWord('options', lang), optionsText(m.options) ?? manifestWord('none', lang)],
  ];
  if (m.generated !== undefined) facts.push([manifestWord('generated', lang), m.generated]);
  const files = [
    { kind: 'rubric', path: m.rubric.path ?? `(${manifestWord('embedded', lang)})`, sha256: m.rubric.sha256 },
    ...m.inputs.map((i) => ({ kind: i.kind, path: i.path, sha256: i.sha256 })),
  ];
  return { facts, files };
}
