/**
 * Parsing and checking a rubric: a YAML/JSON file checked by the zod schema and the cross-field
 * rules, every problem reported at once with its key path and line. Rubrics kipp ships are taken
 * as checked at build time (rubric-source.ts) without loading this module's YAML parser and zod.
 */
import type { z } from 'zod';
import { diagnostic, KippError, type Diagnostic } from '../model/diagnostic.js';
import { rubricFileSchema } from '../model/rubric-file.js';
import { checkRubric, resolveRubric, type Rubric, type RubricFile } from '../model/rubric.js';
import { decodeBytes } from './decode.js';
import { readRubric, rubricShownAs, type LoadedRubric } from './rubric-source.js';
import { parseYaml, yamlMessage } from './yaml.js';

export { DEFAULT_RUBRIC_FILE, rubricsDir, type LoadedRubric } from './rubric-source.js';

/** Loads `path` (or the embedded default when null); throws KippError('config') when invalid. */
export function loadRubric(path: string | null): LoadedRubric {
  const { bytes, sha, shipped } = readRubric(path);
  return shipped ?? checkedRubric(bytes, path, sha);
}

/** A rubric file's bytes parsed and checked; throws KippError('config') when invalid. */
export function checkedRubric(bytes: Uint8Array, path: string | null, sha: string): LoadedRubric {
  const shown = rubricShownAs(path);
  const { rubric, diagnostics } = parseRubric(decodeBytes(bytes).text, shown);
  if (!rubric) throw new KippError('config', `${shown}: invalid rubric`, diagnostics);
  return { rubric, path, sha256: sha };
}

/** Parses and checks rubric text. Returns every problem as an `invalid-rubric` diagnostic. */
export function parseRubric(text: string, file: string): { rubric: Rubric | null; diagnostics: Diagnostic[]; content?: RubricFile } {
  // The same parser and alias bound as entries and score sheets (yaml.ts).
  const { doc, lineOf, refused } = parseYaml(text);
  const problems: Diagnostic[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    problems.push(diagnostic('invalid-rubric', yamlMessage(e), { file, line: lineOf(e.pos[0]) }));
  }
  if (refused) problems.push(diagnostic('invalid-rubric', refused.message, { file, line: refused.line }));
  if (problems.length > 0) return { rubric: null, diagnostics: problems };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { rubric: null, diagnostics: [diagnostic('invalid-rubric', (err as Error).message, { file })] };
  }
  const lineAt = (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineOf(node.range[0]);
    }
    return undefined;
  };
  const located = (path: (string | number)[], message: string) => {
    const where = path.length > 0 ? `${path.join('.')}: ` : '';
    const field = path.length > 0 ? path.join('.') : undefined;
    return diagnostic('invalid-rubric', `${where}${message}`, { file, line: lineAt(path), field });
  };
  const parsed = rubricFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    return { rubric: null, diagnostics: parsed.error.issues.flatMap((issue) => zodIssueMessages(issue).map(([p, m]) => located(p, m))) };
  }
  const rubric = resolveRubric(parsed.data);
  const issues = checkRubric(rubric);
  if (issues.length > 0) return { rubric: null, diagnostics: issues.map((i) => located(i.path, i.message)) };
  return { rubric, diagnostics: [], content: parsed.data };
}

type ZodIssue = z.core.$ZodIssue;

/** Plain-words messages for zod issues; unknown keys are reported one by one with their path. */
function zodIssueMessages(issue: ZodIssue): [(string | number)[], string][] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => [[...path, k], `unknown key "${k}" (check the spelling; see the rubric JSON Schema for the keys allowed here)`]);
    case 'invalid_type':
      return [[path, issue.input === undefined ? `required: add this key (expected ${issue.expected})` : `expected ${issue.expected}, got ${describe(issue.input)}`]];
    case 'invalid_value':
      return [[path, `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(issue.input)}`]];
    case 'invalid_union':
      return [[path, `expected text or a mapping with id/en labels, got ${describe(issue.input)}`]];
    default:
      return [[path, issue.message]];
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
