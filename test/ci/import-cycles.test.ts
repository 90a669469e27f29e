/**
 * #21: no module of src/ imports itself again through others. A cycle makes the order in which
 * modules are evaluated matter, and hides which module owns a piece; the scoring entry point
 * (score.ts) and the staged scorer (stages.ts) were one. The graph is read with a regex from the
 * relative `import … from` and `export … from` statements that import values: a type-only import
 * (`import type`, or braces holding only `type X`) is erased by the compiler and evaluates nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** Whether an import or export clause (what stands between the keyword and `from`) names only types. */
function typeOnly(clause: string): boolean {
  if (/^\s*type\b/.test(clause)) return true;
  const braces = /^\s*\{([^}]*)\}\s*$/.exec(clause);
  if (braces === null) return false;
  const names = braces[1]!
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  return names.length > 0 && names.every((n) => /^type\s/.test(n));
}

/** The relative modules whose values `file` imports or re-exports, as paths under src/ ending in .ts. */
export function importsOf(file: string, text: string): string[] {
  const found = new Set<string>();
  const pattern =
    /^[ \t]*(?:import|export)\b([^;'"]*?)\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|^[ \t]*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
  for (const m of text.matchAll(pattern)) {
    if (m[1] !== undefined && typeOnly(m[1])) continue;
    const spec = (m[2] ?? m[3])!.replace(/\.js$/, '.ts');
    found.add(relative(SRC, resolve(dirname(file), spec)));
  }
  return [...found];
}

/** Every elementary cycle's smallest representative is enough: each cycle once, as a path a → … → a. */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const nodes = [...graph.keys()].sort();
  // From each start, walk only to nodes after it in order: each cycle is found from its least node.
  for (const start of nodes) {
    const path: string[] = [start];
    const onPath = new Set(path);
    const walk = (node: string): void => {
      for (const next of graph.get(node) ?? []) {
        if (next === start) {
          const cycle = [...path, start];
          cycles.set(cycle.join(' → '), cycle);
        } else if (next > start && !onPath.has(next) && graph.has(next)) {
          path.push(next);
          onPath.add(next);
          walk(next);
          onPath.delete(next);
          path.pop();
        }
      }
    };
    walk(start);
  }
  return [...cycles.values()];
}

describe('#21: the import graph of src/ has no cycle', () => {
  it('#21: the cycle finder sees a cycle through three modules and a module importing itself, and nothing in a chain', () => {
    expect(
      cyclesOf(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', ['a.ts']],
          ['d.ts', ['d.ts', 'a.ts']],
          ['e.ts', ['a.ts']],
        ]),
      ),
    ).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['d.ts', 'd.ts'],
    ]);
  });

  it('#21: the reader sees value imports and re-exports, and not type-only ones, a package or a string in code', () => {
    const file = join(SRC, 'scoring/x.ts');
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../model/b.js';",
      'import {',
      '  c,',
      '  type C,',
      "} from './c.js';",
      "export { d } from './d.js';",
      "import { type E, type F } from './e.js';",
      "export type { G } from './g.js';",
      "import * as h from '../model/h.js';",
      "import './i.js';",
      "import { readFileSync } from 'node:fs';",
      "const s = 'from ./j.js';",
    ].join('\n');
    expect(importsOf(file, text).sort()).toEqual(
      ['model/h.ts', 'scoring/a.ts', 'scoring/c.ts', 'scoring/d.ts', 'scoring/i.ts'].map((p) => join(...p.split('/'))),
    );
  });

  it('#21: no cycle among the modules of src/ (each listed as a path)', () => {
    const files = sources(SRC);
    const graph = new Map(files.map((f) => [relative(SRC, f), importsOf(f, readFileSync(f, 'utf8'))]));
    // The reader found the imports that exist: the entry point reaches both scorers.
    expect(graph.get(join('scoring', 'score.ts'))).toEqual(
      expect.arrayContaining([join('scoring', 'single.ts'), join('scoring', 'stages.ts')]),
    );
    expect(cyclesOf(graph).map((c) => c.join(' → '))).toEqual([]);
  });
});
