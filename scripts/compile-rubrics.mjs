// Checks every rubric kipp ships (rubrics/*.yaml) once, at build time, and writes what the schema
// read from each into dist/rubrics.json, keyed by the sha256 of the file's bytes. At run time a
// rubric whose bytes hash to one of these keys is taken from there (src/io/rubric-source.ts):
// the embedded default then costs neither the YAML parser nor zod. A rubric that fails its
// checks fails the build.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { decodeBytes } from '../dist/io/decode.js';
import { sha256 } from '../dist/io/files.js';
import { parseRubric } from '../dist/io/rubric.js';
import { COMPILED_RUBRICS_FILE } from '../dist/io/rubric-source.js';

const root = new URL('../', import.meta.url);
const compiled = {};
for (const file of readdirSync(new URL('rubrics/', root))
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const bytes = readFileSync(new URL(`rubrics/${file}`, root));
  const { rubric, diagnostics, content } = parseRubric(decodeBytes(bytes).text, `rubrics/${file}`);
  if (!rubric || !content) {
    for (const d of diagnostics) process.stderr.write(`${d.file}:${d.line ?? ''}: ${d.message}\n`);
    throw new Error(`rubrics/${file} is not a valid rubric`);
  }
  compiled[sha256(bytes)] = { file, content };
}
writeFileSync(new URL(COMPILED_RUBRICS_FILE, root), `${JSON.stringify(compiled)}\n`);
