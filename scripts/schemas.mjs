#!/usr/bin/env node
// Writes schemas/{rubric,entry,score,judge}.schema.json from the zod schemas (src/model/schemas.ts,
// src/model/rubric.ts), through the built dist/. Run after `npm run build`:
//   node scripts/schemas.mjs          write the files
//   node scripts/schemas.mjs --check  exit 1 when a committed file is out of date
// test/validate/schemas.test.ts makes the same check from the sources.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const { SCHEMA_NAMES, schemaFileText } = await import(new URL('../dist/model/schemas.js', import.meta.url).href);
const dir = new URL('../schemas/', import.meta.url);
const check = process.argv.includes('--check');
let stale = 0;
mkdirSync(dir, { recursive: true });
for (const name of SCHEMA_NAMES) {
  const file = new URL(`${name}.schema.json`, dir);
  const text = schemaFileText(name);
  let current = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // not written yet: written below
  }
  if (current === text) continue;
  if (check) {
    console.error(`schemas/${name}.schema.json is out of date: run node scripts/schemas.mjs`);
    stale++;
  } else {
    writeFileSync(file, text);
    console.error(`wrote schemas/${name}.schema.json`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
