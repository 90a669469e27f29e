/**
 * The JSON Schemas in schemas/ are generated from the zod schemas (scripts/schemas.mjs) and must
 * be current; they accept what kipp accepts (the shipped rubrics, the fixtures' YAML records)
 * and flag what it rejects.
 */
import { readFileSync, readdirSync } from 'node:fs';
import ajvModule from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { SCHEMA_NAMES, schemaFileText } from '../../src/model/schemas.js';

const Ajv = ((ajvModule as unknown as { default?: typeof ajvModule.default }).default ??
  ajvModule) as typeof ajvModule.default;
const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const yaml = (text: string): unknown => parse(text, { schema: 'core', version: '1.2' });

function validator(name: string) {
  const schema = JSON.parse(read(`schemas/${name}.schema.json`));
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return (data: unknown) => {
    const ok = validate(data);
    return { ok, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
  };
}

describe('schemas/ is generated from the zod schemas', () => {
  test.each(SCHEMA_NAMES)('schemas/%s.schema.json is up to date (node scripts/schemas.mjs)', (name) => {
    expect(read(`schemas/${name}.schema.json`)).toBe(schemaFileText(name));
  });
  test('package.json ships schemas/', () => {
    expect(JSON.parse(read('package.json')).files).toContain('schemas/');
  });
});

describe('rubric schema', () => {
  const check = validator('rubric');
  const rubrics = readdirSync(new URL('rubrics/', root)).filter((f) => f.endsWith('.yaml'));
  test.each(rubrics)('accepts the shipped rubrics/%s', (file) => {
    expect(check(yaml(read(`rubrics/${file}`)))).toEqual({ ok: true, errors: [] });
  });
  test('an unknown key (a typo) is an error, as in kipp', () => {
    expect(check({ name: 'x', scale: { min: 1, max: 10 }, normalisation: 'zscore' }).ok).toBe(false);
    expect(check({ name: 'x', scale: { min: 1, max: 10 }, criteria: { novelty: { weight: 100, wieght: 1 } } }).ok).toBe(
      false,
    );
  });
  test('scale is required; aggregation is one of three', () => {
    expect(check({ name: 'x' }).ok).toBe(false);
    expect(check({ name: 'x', scale: { min: 1, max: 10 }, aggregation: 'max' }).ok).toBe(false);
    expect(check({ name: 'x', scale: { min: 1, max: 10 }, aggregation: 'trimmed', trim: 2 }).ok).toBe(true);
  });
  test('every top-level key has a description for editors', () => {
    const schema = JSON.parse(read('schemas/rubric.schema.json'));
    for (const [key, prop] of Object.entries(schema.properties as Record<string, { description?: string }>)) {
      expect(prop.description, key).toBeTruthy();
    }
  });
});

describe('entry schema', () => {
  const check = validator('entry');
  test('one record, or a list; numbers or text; extra fields allowed', () => {
    const record = {
      id: 'KIPP-2026-001',
      title: 'SIPANDU',
      agency: 'Kota Surabaya',
      category: 4,
      implemented_since: '2024-01-15',
      catatan: 'extra',
    };
    expect(check(record)).toEqual({ ok: true, errors: [] });
    expect(check([record, { ...record, id: 17 }]).ok).toBe(true);
  });
  test('Indonesian field names count for the required fields', () => {
    expect(check({ no: '08123', judul: 'SIPANDU', instansi: 'Kota Surabaya', kategori: 'inklusif' }).ok).toBe(true);
  });
  test('a missing required field is flagged', () => {
    expect(check({ id: 'KIPP-1', agency: 'Kota Surabaya', category: 'inklusif' }).ok).toBe(false);
    expect(check({ id: 'KIPP-1', title: 'x', agency: 'y', category: { nested: true } }).ok).toBe(false);
  });
  test('accepts every clean submission file of the fixtures (YAML, and JSON with its "$schema" key)', () => {
    const dir = 'fixtures/validate/clean/submissions/';
    const files = readdirSync(new URL(dir, root));
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.yaml')).length).toBeGreaterThan(2);
    for (const f of files)
      expect(check(f.endsWith('.json') ? JSON.parse(read(dir + f)) : yaml(read(dir + f))), f).toEqual({
        ok: true,
        errors: [],
      });
  });
});

describe('score and judge schemas', () => {
  test('long and wide score rows', () => {
    const check = validator('score');
    expect(check([{ entry_id: 'KIPP-1', judge_id: 'J01', criterion: 'novelty', score: 8.5 }]).ok).toBe(true);
    expect(check({ id_inovasi: 'KIPP-1', juri: 'J01', kebaruan: 8, efektif: '7,5' }).ok).toBe(true);
    expect(check({ entry_id: 'KIPP-1', score: 8 }).ok).toBe(false);
  });
  test('judges', () => {
    const check = validator('judge');
    expect(check([{ id: 'J01', name: 'Dr. Ratna', agency: 'Universitas Indonesia', region: 'DKI Jakarta' }]).ok).toBe(
      true,
    );
    expect(check({ name: 'no id' }).ok).toBe(false);
  });
});
