/**
 * Reading a decisions file (YAML or JSON, src/model/decisions.ts): each decision checked on its
 * own, so that every problem names the line its decision starts on.
 */
import { isAlias, isMap, isSeq } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { decisionSchema, toDecision, type Decision } from '../model/decisions.js';
import type { InputFile } from '../model/records.js';
import { decodeBytes } from './decode.js';
import { readInputOrStop } from './files.js';
import { parseYaml, plainValue, yamlMessage } from './yaml.js';

export interface DecisionsFile {
  decisions: Decision[];
  input: InputFile;
  diagnostics: Diagnostic[];
}

export function readDecisions(path: string): DecisionsFile {
  const input = readInputOrStop(path);
  const parsed = parseDecisions(decodeBytes(input.bytes).text, path);
  return { ...parsed, input: { path, kind: 'decisions', sha256: input.sha256 } };
}

export function parseDecisions(text: string, file: string): { decisions: Decision[]; diagnostics: Diagnostic[] } {
  // The same parser as every other YAML input (yaml.ts): aliases followed, their expansion bounded.
  const { doc, lineOf: lineAt, targets, refused } = parseYaml(text);
  const lineOf = (offset: number | undefined) => lineAt(offset) ?? 1;
  const diagnostics: Diagnostic[] = [];
  const invalid = (line: number, message: string, field?: string) =>
    diagnostics.push(diagnostic('invalid-decision', message, { file, line, ...(field ? { field } : {}) }));
  for (const e of [...doc.errors, ...doc.warnings]) invalid(lineOf(e.pos[0]), yamlMessage(e));
  if (refused) invalid(refused.line ?? 1, refused.message);
  if (diagnostics.length > 0) return { decisions: [], diagnostics };

  const root = doc.contents;
  if (!isMap(root)) {
    invalid(1, 'expected a mapping with a `decisions:` list (see schemas/decisions.schema.json)');
    return { decisions: [], diagnostics };
  }
  for (const pair of root.items) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a key is a scalar; a collection as a key reads as an unknown key, an error
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    if (!['$schema', 'competition', 'decisions'].includes(key))
      invalid(
        lineOf((pair.key as { range?: number[] }).range?.[0]),
        `unknown key "${key}" (the file holds competition and decisions)`,
        key,
      );
  }
  const named = root.get('decisions', true);
  const list = isAlias(named) ? targets.get(named) : named;
  if (list === undefined || list === null) {
    invalid(1, 'the file has no `decisions:` list: add one (it may be empty: decisions: [])', 'decisions');
    return { decisions: [], diagnostics };
  }
  if (!isSeq(list)) {
    invalid(lineOf((list as { range?: number[] }).range?.[0]), '`decisions` must be a list of decisions', 'decisions');
    return { decisions: [], diagnostics };
  }
  const decisions: Decision[] = [];
  list.items.forEach((node, k) => {
    const line = lineOf((node as { range?: number[] }).range?.[0]);
    // An alias stands for the value it names (`by: *chair`), as in every other YAML input; and
    // a value is the text written, as in an entries file: `disqualify: 0810` names entry 0810,
    // not 810 (YAML's core schema would read a number).
    const raw = plainValue(node, targets, true);
    const result = decisionSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.');
        const what =
          issue.code === 'unrecognized_keys'
            ? `unknown key ${issue.keys.map((x) => `"${x}"`).join(', ')} (use resolve_tie, disqualify, withdraw, include or exclude, with by, date and reason)`
            : issue.code === 'invalid_type' && issue.input === undefined
              ? 'required: add it'
              : issue.message;
        invalid(line, `decision ${k + 1}: ${path !== '' ? `${path}: ` : ''}${what}`, path || undefined);
      }
      return;
    }
    const decision = toDecision(result.data, file, line);
    if (Array.isArray(decision)) {
      invalid(
        line,
        `decision ${k + 1}: ${decision.length === 0 ? 'names no action' : `names ${decision.length} actions (${decision.join(', ')})`}: give exactly one of resolve_tie, disqualify, withdraw, include, exclude`,
      );
      return;
    }
    decisions.push(decision!);
  });
  return { decisions, diagnostics };
}
