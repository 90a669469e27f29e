/**
 * No call in src/ spreads a list into its arguments (`out.push(...list)`, `Math.max(...totals)`):
 * every element becomes an argument on the call stack, and past about 100,000 of them V8 throws
 * "Maximum call stack size exceeded". `kipp score --format html` crashed so on a 200,000-entry year
 * (the histogram's Math.min(...totals)). src/model/arrays.ts has loops for the job (pushAll,
 * maxOf, minOf); an array literal (`[a, ...list]`) is not a call and stays allowed. A spread whose
 * length is bounded by construction says so in a `spread-ok:` comment on the line above it. Read
 * with the TypeScript compiler's parser, so strings and comments never count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { maxOf, minOf, prependAll, pushAll } from '../../src/model/arrays.js';
import { ROOT } from '../cli/run.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** `file:line  text` of every spread argument of a call or `new` in `file`. */
export function spreadCalls(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      const lines = text.split('\n');
      const above = (k: number) => /\/\/ spread-ok: \S/.test(lines[k] ?? '');
      // The comment goes on the line above the statement (or the spread's own line, when it is split).
      const statementLine = source.getLineAndCharacterOfPosition(node.parent.getStart()).line;
      if (above(statementLine - 1) || above(line - 1)) return ts.forEachChild(node, visit);
      found.push(`${relative(ROOT, file)}:${line + 1}  ${node.parent.getText().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no spread arguments in src/ (#22)', () => {
  it('finds the pattern it forbids (the checker itself)', () => {
    const text =
      'out.push(...rows);\nconst m = Math.max(0, ...totals);\nconst a = [x, ...rows];\nf(`...${s}`);\n' +
      '// spread-ok: two segments\njoin(...pair);\n// spread-ok:\njoin(...noReason);\n';
    expect(spreadCalls(join(SRC, 'x.ts'), text)).toEqual([
      'src/x.ts:1  out.push(...rows)',
      'src/x.ts:2  Math.max(0, ...totals)',
      'src/x.ts:8  join(...noReason)',
    ]);
  });

  it('src/ has none', () => {
    const found = sources(SRC).flatMap((file) => spreadCalls(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('src/model/arrays.ts', () => {
  // 300,000 elements: Math.max(...list) and push(...list) throw RangeError at this size.
  const big = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_007);

  it('the spread form really fails at this size (else this test proves nothing)', () => {
    expect(() => Math.max(...big)).toThrow(RangeError);
    expect(() => [].push(...(big as never[]))).toThrow(RangeError);
  });

  it('maxOf and minOf agree with a plain loop, and with Math.max/min on small lists', () => {
    let max = -Infinity;
    let min = Infinity;
    for (const v of big) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    expect(maxOf(big)).toBe(max);
    expect(minOf(big)).toBe(min);
    for (const list of [[], [3], [1, 5, 2], [-0, 0], [0, -0], [1, NaN, 3], [-Infinity], [2.5, -7.25]]) {
      expect(maxOf(list)).toBe(Math.max(...list));
      expect(minOf(list)).toBe(Math.min(...list));
    }
    expect(maxOf([], 0)).toBe(0);
    expect(minOf([], 5)).toBe(5);
  });

  it('pushAll and prependAll keep every element in order', () => {
    const out = ['a'];
    pushAll(out, big.map(String));
    expect(out.length).toBe(big.length + 1);
    expect(out[0]).toBe('a');
    expect(out[1]).toBe(String(big[0]));
    expect(out.at(-1)).toBe(String(big.at(-1)));
    const diagnostics = ['late'];
    prependAll(diagnostics, big.map(String));
    expect(diagnostics.length).toBe(big.length + 1);
    expect(diagnostics[0]).toBe(String(big[0]));
    expect(diagnostics.at(-2)).toBe(String(big.at(-1)));
    expect(diagnostics.at(-1)).toBe('late');
  });
});
