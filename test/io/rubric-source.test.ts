/**
 * The shipped rubrics as checked at build time (dist/rubrics.json, scripts/compile-rubrics.mjs):
 * each must give exactly the rubric that parsing its YAML gives, an edited copy must be parsed
 * again, and `kipp score` with the embedded default must not load zod (the point of it).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/io/decode.js';
import { sha256 } from '../../src/io/files.js';
import { loadRubric, parseRubric } from '../../src/io/rubric.js';
import { COMPILED_RUBRICS_FILE, knownRubric, openRubric, type CompiledRubrics } from '../../src/io/rubric-source.js';
import { BIN, ROOT } from '../cli/run.js';
import { tempFolder } from '../tmp.js';

const shipped = readdirSync(join(ROOT, 'rubrics')).filter((f) => f.endsWith('.yaml'));
const dir = tempFolder('kipp-rubric-source-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rubrics checked at build time', () => {
  it('dist/rubrics.json holds every shipped rubric under the sha256 of its bytes (rebuild when stale)', () => {
    const compiled = JSON.parse(readFileSync(join(ROOT, COMPILED_RUBRICS_FILE), 'utf8')) as CompiledRubrics;
    const byFile = Object.fromEntries(Object.entries(compiled).map(([sha, { file }]) => [file, sha]));
    expect(Object.keys(byFile).sort()).toEqual([...shipped].sort());
    for (const file of shipped) expect(byFile[file], file).toBe(sha256(readFileSync(join(ROOT, 'rubrics', file))));
  });

  it.each(shipped)('%s: the compiled rubric is the parsed one, field for field', (file) => {
    const bytes = readFileSync(join(ROOT, 'rubrics', file));
    const parsed = parseRubric(decodeBytes(bytes).text, `rubrics/${file}`);
    expect(parsed.diagnostics).toEqual([]);
    const known = knownRubric(sha256(bytes));
    expect(known).toBeDefined();
    expect(known).toStrictEqual(parsed.rubric);
  });

  it('an edited copy of a shipped rubric is parsed, not taken from the build', async () => {
    const text = readFileSync(join(ROOT, 'rubrics/kipp-2018.yaml'), 'utf8');
    // The same rubric with novelty worth 30 and effectiveness 10: still valid, another sha256.
    const edited = text.replace(/(novelty: +\{ weight: )20/, '$130').replace(/(effectiveness: +\{ weight: )20/, '$110');
    expect(edited).not.toBe(text);
    const path = join(dir, 'edited.yaml');
    writeFileSync(path, edited);
    expect(knownRubric(sha256(Buffer.from(edited)))).toBeUndefined();
    for (const loaded of [loadRubric(path), await openRubric(path)]) {
      expect(loaded.sha256).toBe(sha256(Buffer.from(edited)));
      expect(loaded.rubric.criteria.find((c) => c.id === 'novelty')?.weight).toBe(30);
      expect(loaded.rubric.criteria.find((c) => c.id === 'effectiveness')?.weight).toBe(10);
    }
  });

  it('an invalid rubric is still refused by openRubric, with its line', async () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'name: Bad\nscale:\n  min: 1\n  max: 10\nnormalization: sometimes\n');
    await expect(openRubric(path)).rejects.toMatchObject({
      kind: 'config',
      diagnostics: [expect.objectContaining({ code: 'invalid-rubric', line: 5 })],
    });
  });

  it('kipp score with the embedded rubric loads no zod: the bundle chunks it reads hold none', () => {
    // A loader hook logs every module the CLI loads to a file (the hooks' own stderr can be lost
    // when the process ends, as on Node 24); the chunks are then searched for zod.
    const log = join(dir, 'loaded.txt');
    const hook = join(dir, 'hook.mjs');
    writeFileSync(
      hook,
      `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`,
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module'; register(${JSON.stringify(new URL(`file://${hook}`).href)});\n`,
    );
    const ex = join(ROOT, 'fixtures/example');
    const chunksOf = (args: string[]) => {
      writeFileSync(log, '');
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          register,
          BIN,
          'score',
          join(ex, 'entries.csv'),
          '--scores',
          join(ex, 'scores-wide.csv'),
          ...args,
          '--format',
          'json',
        ],
        { encoding: 'utf8', cwd: ROOT },
      );
      expect([0, 1]).toContain(r.status);
      return readFileSync(log, 'utf8')
        .split('\n')
        .filter((url) => /\/dist\/bundle\/[^/]+\.js$/.test(url))
        .map((url) => readFileSync(new URL(url), 'utf8'));
    };
    const chunks = chunksOf(['--judges', join(ex, 'judges.csv')]);
    expect(chunks.length).toBeGreaterThan(2);
    for (const text of chunks) expect(text).not.toMatch(/node_modules\/zod\//);
    // And a rubric of one's own does load it (the check above would otherwise prove nothing).
    const own = chunksOf(['--rubric', join(dir, 'edited.yaml')]);
    expect(own.some((text) => /node_modules\/zod\//.test(text))).toBe(true);
  });
});
