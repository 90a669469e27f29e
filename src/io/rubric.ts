/**
 * Parsing and checking a rubric: a YAML/JSON file checked by the zod schema and the cross-field
 * rules, every problem reported at once with its key path and line. Rubrics kipp ships are taken
 * as checked at build time (rubric-source.ts) without loading this module's YAML parser and zod.
 */
import { isNode, isScalar, visit } from 'yaml';
import type { z } from 'zod';
import { diagnostic, KippError, type Diagnostic } from '../model/diagnostic.js';
import { rubricFileSchema } from '../model/rubric-file.js';
import { checkRubric, resolveRubric, type Rubric, type RubricFile, type RubricIssue } from '../model/rubric.js';
import { decodeBytes } from './decode.js';
import { readRubric, rubricShownAs, type LoadedRubric } from './rubric-source.js';
import { parseYaml, yamlMessage } from './yaml.js';

export { DEFAULT_RUBRIC_FILE, readRubricBytes, rubricsDir, type LoadedRubric } from './rubric-source.js';

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
export function parseRubric(
  text: string,
  file: string,
): { rubric: Rubric | null; diagnostics: Diagnostic[]; content?: RubricFile } {
  // The same parser and alias bound as entries and score sheets (yaml.ts).
  const { doc, lineOf, refused } = parseYaml(text);
  const problems: Diagnostic[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    problems.push(diagnostic('invalid-rubric', yamlMessage(e), { file, line: lineOf(e.pos[0]) }));
  }
  if (refused) problems.push(diagnostic('invalid-rubric', refused.message, { file, line: refused.line }));
  // YAML 1.1's tags for bytes, sets, ordered maps and dates make values a rubric has no place
  // for (and that the checks below cannot take apart): said at their line, the file not read.
  visit(doc, (_key, node: unknown) => {
    if (!isNode(node) || node.tag === undefined || !NOT_JSON_TAGS.has(node.tag)) return;
    const short = node.tag.replace('tag:yaml.org,2002:', '!!');
    problems.push(
      diagnostic(
        'invalid-rubric',
        `the tag ${short} makes a value that is no text, number, list or mapping, which is all a rubric holds: write the value without it`,
        { file, line: lineOf(node.range?.[0]) },
      ),
    );
  });
  if (problems.length > 0) return { rubric: null, diagnostics: problems };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { rubric: null, diagnostics: [diagnostic('invalid-rubric', (err as Error).message, { file })] };
  }
  keepVersionAsWritten(raw, doc.get('version', true));
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
  const { rubric, content, schemaIssues, crossIssues } = checkRubricFile(raw ?? {});
  const found = [
    ...schemaIssues.flatMap((issue) => zodIssueMessages(issue, raw).map(([p, m]) => located(p, m))),
    ...crossIssues.map((i) => located(i.path, i.message)),
  ];
  // Top to bottom, as the file reads (a stable sort: problems of one line keep their order).
  found.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  if (found.length > 0 || rubric === null) return { rubric: null, diagnostics: found };
  return { rubric, diagnostics: [], content: content! };
}

/** The YAML 1.1 tags the yaml library still builds in the core schema, none of them JSON. */
const NOT_JSON_TAGS = new Set(
  ['binary', 'set', 'omap', 'pairs', 'timestamp'].map((name) => `tag:yaml.org,2002:${name}`),
);

/**
 * The rubric's version is a label the reports and the manifest show and `kipp diff` compares: a
 * number YAML would print otherwise than it is written (`version: 2026.10` reads as 2026.1,
 * `01` as 1) is kept as the text written; `version: 2` stays the number 2.
 */
function keepVersionAsWritten(raw: unknown, node: unknown): void {
  if (raw === null || typeof raw !== 'object' || !isScalar(node) || typeof node.value !== 'number') return;
  const written = (node as { source?: unknown }).source;
  if (typeof written === 'string' && written !== String(node.value)) (raw as Record<string, unknown>).version = written;
}

/**
 * The schema and the cross-field rules on a rubric file's content, every problem at once: when
 * the schema refuses part of the file, the cross-field rules still run on the rest and skip the
 * rules that read a refused top-level key (left out, a placeholder for a required one). An
 * unknown key refuses only itself: the values next to it are read as written.
 */
function checkRubricFile(raw: unknown): {
  rubric: Rubric | null;
  content?: RubricFile;
  schemaIssues: ZodIssue[];
  crossIssues: RubricIssue[];
} {
  const parsed = rubricFileSchema.safeParse(raw);
  if (parsed.success) {
    const rubric = resolveRubric(parsed.data);
    return { rubric, content: parsed.data, schemaIssues: [], crossIssues: checkRubric(rubric) };
  }
  const schemaIssues = parsed.error.issues;
  // The document itself is not a mapping: nothing to check across fields.
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { rubric: null, schemaIssues, crossIssues: [] };
  const rest = structuredClone(raw) as Record<string, unknown>;
  const unread = new Set<string>();
  for (const issue of schemaIssues) {
    if (issue.code === 'unrecognized_keys') {
      const owner = valueAt(rest, issue.path as (string | number)[]);
      if (owner !== null && typeof owner === 'object')
        for (const k of issue.keys) delete (owner as Record<string, unknown>)[k];
    } else if (typeof issue.path[0] === 'string') unread.add(issue.path[0]);
    else return { rubric: null, schemaIssues, crossIssues: [] };
  }
  for (const key of unread) delete rest[key];
  // Stand-ins for the required keys; checkRubric skips every rule that reads them.
  if (unread.has('name')) rest.name = 'rubric';
  if (unread.has('scale')) rest.scale = { min: 0, max: 1 };
  const standIn = rubricFileSchema.safeParse(rest);
  const crossIssues = standIn.success ? checkRubric(resolveRubric(standIn.data), unread) : [];
  return { rubric: null, schemaIssues, crossIssues };
}

type ZodIssue = z.core.$ZodIssue;

/** Plain-words messages for zod issues, quoting the value written (`raw`, the whole document). */
function zodIssueMessages(issue: ZodIssue, raw: unknown): [(string | number)[], string][] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  // zod leaves `input` out of its issues unless asked: the value is read off the document.
  const written = valueAt(raw, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => [
        [...path, k],
        `unknown key "${k}"${didYouMean(k, keysAllowedAt(path))} (see the rubric JSON Schema for the keys allowed here)`,
      ]);
    case 'invalid_type':
      return [
        [
          path,
          written === undefined
            ? `required: add this key (expected ${issue.expected})`
            : `expected ${issue.expected}, got ${describe(written)}`,
        ],
      ];
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      return [
        [
          path,
          `expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(written)}${typeof written === 'string' ? didYouMean(written, allowed) : ''}`,
        ],
      ];
    }
    case 'invalid_union':
      return [[path, `expected text or a mapping with id/en labels, got ${describe(written)}`]];
    case 'invalid_key':
      // A record's key that its key schema refuses (an empty name): the key is what was written.
      return [[path, `the key "${String(path[path.length - 1])}" is not allowed here: give it a name`]];
    default:
      return [[path, issue.message]];
  }
}

function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let node = raw;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** The keys the rubric schema allows in the mapping at `path` (empty where it allows any key). */
function keysAllowedAt(path: readonly (string | number)[]): string[] {
  let node: z.core.$ZodType | undefined = rubricFileSchema;
  const unwrap = () => {
    while (node && node._zod.def.type === 'optional') node = (node._zod.def as z.core.$ZodOptionalDef).innerType;
  };
  for (const key of path) {
    unwrap();
    const def: z.core.$ZodTypeDef | undefined = node?._zod.def;
    if (def?.type === 'object') node = (def as z.core.$ZodObjectDef).shape[String(key)];
    else if (def?.type === 'array') node = (def as z.core.$ZodArrayDef).element;
    else if (def?.type === 'record') node = (def as z.core.$ZodRecordDef).valueType;
    else return [];
  }
  unwrap();
  const def = node?._zod.def;
  if (def?.type === 'object') return Object.keys((def as z.core.$ZodObjectDef).shape);
  if (def?.type === 'record') {
    const keyType = (def as z.core.$ZodRecordDef).keyType._zod.def;
    if (keyType.type === 'enum') return Object.values((keyType as z.core.$ZodEnumDef).entries).map(String);
  }
  return [];
}

/**
 * ` (did you mean "zscore"?)` for the allowed value nearest to what was written, when one is
 * near: compared ignoring case, spaces, hyphens and underscores, within a third of its length.
 */
function didYouMean(written: string, allowed: readonly string[]): string {
  const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const w = fold(written);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(w, fold(candidate));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best === undefined || bestDistance > Math.max(1, Math.floor(fold(best).length / 3))) return '';
  return ` (did you mean "${best}"?)`;
}

/** Levenshtein distance (keys and option values are short). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${excerpt(value)}"`;
  return `${typeof value} ${excerpt(JSON.stringify(value))}`;
}

/** A value quoted in a message, bounded: a rubric key may hold a very long string. */
function excerpt(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
