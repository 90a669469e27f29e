/**
 * YAML (and JSON, which YAML reads) from strangers, parsed the same way for records (table.ts)
 * and rubrics (rubric.ts): the core schema with YAML 1.2 rules, and aliases bounded for the
 * whole document, not per value.
 *
 * The yaml library limits aliases per toJS call, so one alias per record to a 1 MB anchor got
 * through: each record expanded the anchor again (gigabytes), and each alias was resolved by
 * walking the whole document (quadratic). Here one pass in document order finds what every
 * alias names and adds up the size the document would have with every alias written out,
 * without writing anything out; past the bound the file is not read.
 */
import {
  LineCounter,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Alias,
  type Document,
  type Node,
} from 'yaml';

/** Aliases may make a document this many times its own size (a few repeated agency names do not come close)… */
export const EXPANSION_FACTOR = 10;
/** …or this many characters, whichever is more. */
export const EXPANSION_FLOOR = 1 << 20;

export interface ParsedYaml {
  doc: Document.Parsed;
  /** 1-based line of a character offset (undefined for no offset). */
  lineOf: (offset: number | undefined) => number | undefined;
  /** What each alias names: the last node anchored with its name before it. */
  targets: Map<Alias, Node>;
  /** Set when the document cannot be read because of its aliases; nothing of it may be used. */
  refused?: { message: string; line: number | undefined };
}

export function parseYaml(text: string, options: { strict?: boolean } = {}): ParsedYaml {
  const lineCounter = new LineCounter();
  // The core schema with YAML 1.2 rules: `no` stays a string, even after a `%YAML 1.1` line.
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    version: '1.2',
    uniqueKeys: true,
    prettyErrors: false,
    strict: options.strict ?? false,
  });
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const parsed: ParsedYaml = { doc, lineOf, targets: new Map() };
  if (doc.errors.length === 0) {
    const problem = measureAliases(doc, parsed.targets, Math.max(EXPANSION_FACTOR * text.length, EXPANSION_FLOOR));
    if (problem) parsed.refused = { message: problem.message, line: lineOf(problem.at) };
  }
  return parsed;
}

/**
 * A node as plain data (maps as objects, sequences as arrays), aliases followed through `targets`
 * (their total size is bounded by parseYaml). Scalars as the core schema reads them; or, with
 * `asWritten`, every scalar but null as the text written: an id `0810` stays "0810" (the core
 * schema reads the number 810), `1e3` stays "1e3", `12.50` stays "12.50".
 */
export function plainValue(node: unknown, targets: ParsedYaml['targets'], asWritten = false): unknown {
  if (isAlias(node)) return plainValue(targets.get(node), targets, asWritten);
  if (isScalar(node)) {
    if (!asWritten || node.value === null || typeof node.value === 'string') return node.value;
    const source = (node as { source?: unknown }).source;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar: a number, boolean or bigint
    return typeof source === 'string' ? source : String(node.value);
  }
  if (isMap(node))
    return Object.fromEntries(
      node.items.map((p) => [String(plainValue(p.key, targets)), plainValue(p.value, targets, asWritten)]),
    );
  if (isSeq(node)) return node.items.map((item) => plainValue(item, targets, asWritten));
  return null;
}

/** A message of the yaml library as kipp shows it: its first line, bounded (a tag it names may be any length). */
export function yamlMessage(error: { message: string }): string {
  const line = error.message.split('\n')[0] ?? '';
  return line.length <= 200 ? line : `${line.slice(0, 199)}… (${line.length.toLocaleString('en-US')} characters)`;
}

/** Stops the walk: the document is refused. */
class Refused {
  constructor(
    readonly message: string,
    readonly at: number | undefined,
  ) {}
}

/**
 * Fills `targets` and checks the document's expanded size (characters of scalars as written, one
 * per item besides) against `limit`. Each anchored node's size is computed once, so a thousand
 * aliases to one anchor cost a thousand additions, never a thousand copies.
 */
function measureAliases(doc: Document.Parsed, targets: Map<Alias, Node>, limit: number): Refused | undefined {
  const anchored = new Map<string, Node>();
  /** Expanded size per anchored node; -1 while its own subtree is being walked. */
  const sizes = new Map<Node, number>();
  let total = 0;
  const add = (n: number, at: number | undefined, alias?: string) => {
    total += n;
    if (total > limit) {
      const why = alias === undefined ? '' : ` (crossed at the alias *${alias})`;
      throw new Refused(
        `aliases (*name) expand the document to more than ${limit.toLocaleString('en-US')} characters, ${EXPANSION_FACTOR} times the file's size (at least ${EXPANSION_FLOOR.toLocaleString('en-US')})${why}: the file is not read; write the values out instead of repeating a large anchor`,
        at,
      );
    }
  };
  const walk = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    if (isPair(node)) return walk(node.key) + walk(node.value) + 1;
    if (isAlias(node)) {
      const target = anchored.get(node.source);
      if (target === undefined)
        throw new Refused(
          `the alias *${node.source} names no anchor before it (&${node.source}): define the anchor first`,
          node.range?.[0],
        );
      const size = sizes.get(target)!;
      if (size < 0)
        throw new Refused(
          `the alias *${node.source} is inside the value it names: a value cannot contain itself`,
          node.range?.[0],
        );
      targets.set(node, target);
      add(size, node.range?.[0], node.source);
      return size;
    }
    const n = node as Node;
    if (n.anchor) {
      anchored.set(n.anchor, n);
      sizes.set(n, -1);
    }
    let size: number;
    if (isCollection(n)) {
      size = 0;
      for (const item of n.items) {
        size += walk(item) + 1;
        add(1, n.range?.[0]);
      }
    } else {
      size = isScalar(n) && n.range ? Math.max(1, n.range[1] - n.range[0]) : 1;
      add(size, n.range?.[0]);
    }
    if (n.anchor) sizes.set(n, size);
    return size;
  };
  try {
    walk(doc.contents);
  } catch (err) {
    if (err instanceof Refused) return err;
    throw err;
  }
  return undefined;
}
