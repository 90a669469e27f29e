/**
 * The validate formatters as pure functions: each format read back by a real parser (JSON,
 * an XML parser, the SARIF 2.1.0 schema, the workflow-command grammar), never by its prose.
 */
import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { DIAGNOSTIC_CODES, diagnostic, type Diagnostic } from '../../src/model/diagnostic.js';
import { escapeData, escapeProperty, githubCommand, githubStepSummary } from '../../src/report/validate/github.js';
import { validateFormatters, VALIDATE_FORMATS } from '../../src/report/validate/index.js';
import { xmlAttr, xmlText } from '../../src/report/validate/junit.js';
import type { ValidateReport } from '../../src/report/validate/report.js';
import { artifactUri } from '../../src/report/validate/sarif.js';

const NASTY = 'judul "A&B" <x> 100% ok\r\nnext: a, b \u001b[31mred\u0007 \uD800 end';

function sample(): ValidateReport {
  const diagnostics: Diagnostic[] = [
    diagnostic('missing-field', 'required field "title" is empty or absent: fill it in', {
      file: 'submissions/a.yaml',
      line: 3,
      field: 'title',
      entry_id: 'KIPP-1',
    }),
    diagnostic('unknown-category', NASTY, {
      file: 'submissions/a.yaml',
      line: 3,
      field: 'category',
      entry_id: 'KIPP-1',
    }),
    diagnostic('unknown-field', 'kept as is', { file: 'submissions/a.yaml', line: 5, field: 'catatan' }),
    diagnostic('score-out-of-range', 'novelty: 11 is outside the scale 1–10', {
      file: 'nilai, 2026: final.csv',
      line: 7,
      column: 4,
      field: 'novelty',
      entry_id: 'KIPP-2',
    }),
    diagnostic('disconnected-panel', 'the judges fall into 2 groups'),
  ];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    diagnostics,
    summary: { errors, warnings: diagnostics.length - errors, files: 3 },
    files: ['submissions/a.yaml', 'submissions/b.yaml', 'nilai, 2026: final.csv'],
    hiddenWarnings: 0,
    tool: { name: 'kipp', version: '0.1.0', informationUri: 'https://www.npmjs.com/package/kipp' },
  };
}

function clean(): ValidateReport {
  return { ...sample(), diagnostics: [], summary: { errors: 0, warnings: 0, files: 3 } };
}

const opts = { color: false };
const ESC = '\u001b';

describe('every format', () => {
  test.each(VALIDATE_FORMATS)('%s: is deterministic and ends with one newline', (format) => {
    const a = validateFormatters[format](sample(), opts);
    expect(validateFormatters[format](sample(), opts)).toBe(a);
    expect(a.endsWith('\n')).toBe(true);
    expect(a.endsWith('\n\n')).toBe(false);
  });
  test.each(VALIDATE_FORMATS)('%s: no raw escape character reaches the output', (format) => {
    expect(validateFormatters[format](sample(), opts)).not.toContain(ESC);
  });
});

describe('pretty', () => {
  test('groups by file, a file heading once, problems under it, location-less last, closing summary', () => {
    const lines = validateFormatters.pretty(sample(), opts).trimEnd().split('\n');
    expect(lines.filter((l) => l === 'submissions/a.yaml')).toHaveLength(1);
    const a = lines.indexOf('submissions/a.yaml');
    const csv = lines.indexOf('nilai, 2026: final.csv');
    const general = lines.indexOf('(all inputs)');
    expect(a).toBeGreaterThanOrEqual(0);
    expect(csv).toBeGreaterThan(a);
    expect(general).toBeGreaterThan(csv);
    expect(
      lines.slice(a + 1, a + 4).map((l) => l.match(/(missing-field|unknown-category|unknown-field)/)?.[1]),
    ).toEqual(['missing-field', 'unknown-category', 'unknown-field']);
    expect(lines[csv + 1]).toMatch(/^\s+7:4\s+error\s+score-out-of-range\s+\[KIPP-2\]/);
    // 3 errors (missing-field, unknown-category, score-out-of-range), 2 warnings, 3 files.
    expect(lines.at(-1)).toMatch(/3 errors, 2 warnings in 3 files$/);
  });
  test('clean data: one line', () => {
    const text = validateFormatters.pretty(clean(), opts);
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toMatch(/0 errors, 0 warnings in 3 files\n$/);
  });
  test('colour only when asked', () => {
    expect(validateFormatters.pretty(sample(), { color: false })).not.toMatch(/\u001b\[/);
    expect(validateFormatters.pretty(sample(), { color: true })).toMatch(/\u001b\[31m/);
  });
  test('singular words', () => {
    const r = { ...clean(), summary: { errors: 1, warnings: 1, files: 1 } };
    expect(validateFormatters.pretty(r, opts)).toMatch(/1 error, 1 warning in 1 file\n$/);
  });
});

describe('json', () => {
  test('diagnostics with their places and a summary', () => {
    const parsed = JSON.parse(validateFormatters.json(sample(), opts));
    expect(Object.keys(parsed)).toEqual(['diagnostics', 'summary']);
    expect(parsed.summary).toEqual({ errors: 3, warnings: 2, files: 3 });
    expect(parsed.diagnostics).toHaveLength(5);
    expect(parsed.diagnostics[3]).toMatchObject({
      code: 'score-out-of-range',
      severity: 'error',
      file: 'nilai, 2026: final.csv',
      line: 7,
      column: 4,
      field: 'novelty',
      entry_id: 'KIPP-2',
    });
    expect(Object.keys(parsed.diagnostics[3])).toEqual([
      'code',
      'severity',
      'file',
      'line',
      'column',
      'field',
      'entry_id',
      'message',
    ]);
    // Absent fields are omitted, not null.
    expect(Object.keys(parsed.diagnostics[4])).toEqual(['code', 'severity', 'message']);
    expect(parsed.diagnostics[1].message).toBe(NASTY);
  });
});

describe('junit', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['testcase', 'failure'].includes(name),
  });

  test('well-formed XML: one testcase per file, one failure per error, warnings as system-out', () => {
    const xml = validateFormatters.junit(sample(), opts);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(Array.isArray(suites)).toBe(false);
    const cases = suites.testcase as { '@name': string; failure?: { '@type': string }[]; 'system-out'?: string }[];
    // Three input files plus one testcase for the location-less warning.
    expect(cases.map((c) => c['@name'])).toEqual([
      'submissions/a.yaml',
      'submissions/b.yaml',
      'nilai, 2026: final.csv',
      '(all inputs)',
    ]);
    expect(cases.flatMap((c) => c.failure ?? [])).toHaveLength(3);
    expect(cases[0]!.failure!.map((f) => f['@type'])).toEqual(['missing-field', 'unknown-category']);
    expect(cases[0]!['system-out']).toContain('unknown-field');
    expect(cases[1]!.failure).toBeUndefined();
    expect(cases[2]!.failure!.map((f) => f['@type'])).toEqual(['score-out-of-range']);
    expect(cases[3]!.failure).toBeUndefined();
    expect(suites['@tests']).toBe('4');
    expect(suites['@failures']).toBe('2');
  });

  test('control characters never reach the XML; markup and quotes are escaped and read back', () => {
    const xml = validateFormatters.junit(sample(), opts);
    // XML 1.0 forbids these code points even as character references.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).not.toMatch(/&#(x0*[0-8bcef]|x0*1[0-9a-f]|0*[0-8]|0*1[1-2]|0*1[4-9]|0*2[0-9]|0*3[01]);/i);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      processEntities: true,
      htmlEntities: false,
    }).parse(xml);
    const failure = doc.testsuites.testsuite.testcase[0].failure[1];
    expect(failure['@message']).toContain('judul "A&B" <x> 100% ok');
    expect(failure['@message']).toContain('\\x1b[31mred\\x07');
    expect(failure['@message']).toContain('\\ud800');
  });

  test('escaping helpers', () => {
    expect(xmlText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(xmlAttr(`"x"\n'y'\t`)).toBe('&quot;x&quot;&#10;&apos;y&apos;&#9;');
    expect(xmlText('\u0000\u000b')).toBe('\\x00\\x0b');
    expect(xmlText('😀')).toBe('😀');
  });

  test('clean data: every file a passing testcase', () => {
    const xml = validateFormatters.junit(clean(), opts);
    expect(XMLValidator.validate(xml)).toBe(true);
    const cases = parser.parse(xml).testsuites.testsuite.testcase;
    expect(cases).toHaveLength(3);
    expect(cases.every((c: { failure?: unknown }) => c.failure === undefined)).toBe(true);
  });
});

describe('github', () => {
  // GitHub's workflow-command grammar: ::name key=value,key=value::data, values escaped.
  const COMMAND =
    /^::(error|warning)( (?:file=[^,:\r\n]+,line=\d+(?:,col=\d+)?,|file=[^,:\r\n]+,)?title=[^,:\r\n]+)?::[^\r\n]*$/;

  test('one workflow command per problem, then the summary line', () => {
    const lines = validateFormatters.github(sample(), opts).trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines.slice(0, 5)) expect(line).toMatch(COMMAND);
    expect(lines[0]).toBe(
      '::error file=submissions/a.yaml,line=3,title=missing-field::[KIPP-1] required field "title" is empty or absent: fill it in',
    );
    expect(lines[3]).toBe(
      '::error file=nilai%2C 2026%3A final.csv,line=7,col=4,title=score-out-of-range::[KIPP-2] novelty: 11 is outside the scale 1–10',
    );
    expect(lines[4]).toBe('::warning title=disconnected-panel::the judges fall into 2 groups');
    expect(lines[5]).toMatch(/3 errors, 2 warnings in 3 files$/);
  });

  test('data escaping: %, CR and LF; property escaping adds : and ,', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const line = githubCommand(sample().diagnostics[1]!);
    expect(line).not.toMatch(/[\r\n]/);
    const data = line.slice(line.indexOf('::', 2) + 2);
    const unescaped = data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    expect(unescaped).toContain('100% ok\r\nnext: a, b');
  });

  test('step summary: a Markdown table of the problems', () => {
    const md = githubStepSummary(sample());
    expect(md).toMatch(/^### kipp validate\n/);
    expect(md).toContain('3 errors, 2 warnings in 3 files');
    const rows = md.split('\n').filter((l) => l.startsWith('| error') || l.startsWith('| warning'));
    expect(rows).toHaveLength(5);
    // A | in a message cannot break the table.
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    expect(githubStepSummary(clean())).toContain('✅');
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  // Both packages are CommonJS with a `default` export: take it whichever way the loader hands it over.
  const Ajv4 = ((ajvDraft04 as unknown as { default?: typeof ajvDraft04.default }).default ??
    ajvDraft04) as typeof ajvDraft04.default;
  const addFormats = ((ajvFormats as unknown as { default?: typeof ajvFormats.default }).default ??
    ajvFormats) as typeof ajvFormats.default;
  const ajv = new Ajv4({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  test('the official SARIF 2.1.0 schema (draft-04) accepts it', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    const log = JSON.parse(validateFormatters.sarif(sample(), opts));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate(JSON.parse(validateFormatters.sarif(clean(), opts)))).toBe(true);
  });

  test('the schema is not a rubber stamp', () => {
    const log = JSON.parse(validateFormatters.sarif(sample(), opts));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  test('what GitHub code scanning needs', () => {
    const log = JSON.parse(validateFormatters.sarif(sample(), opts));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({
      name: 'kipp',
      version: '0.1.0',
      informationUri: 'https://www.npmjs.com/package/kipp',
    });
    const rules = run.tool.driver.rules as {
      id: string;
      shortDescription: { text: string };
      help: { text: string; markdown: string };
    }[];
    expect(rules.map((r) => r.id)).toEqual(Object.keys(DIAGNOSTIC_CODES));
    for (const r of rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      expect(r.help.text.length).toBeGreaterThan(0);
      expect(r.help.markdown.length).toBeGreaterThan(0);
    }
    const results = run.results;
    expect(results).toHaveLength(5);
    for (const r of results) {
      expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(['error', 'warning']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
    }
    expect(results[0]!.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'submissions/a.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3 },
    });
    expect(results[3]!.locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 4 });
    expect(results[3]!.locations[0].physicalLocation.artifactLocation.uri).toBe('nilai%2C%202026%3A%20final.csv');
    expect(results[4]!.locations).toBeUndefined();
    expect(results[4]!.level).toBe('warning');
  });

  test('artifact URIs: relative with forward slashes, absolute as file URIs', () => {
    expect(artifactUri('data\\entries.csv')).toBe('data/entries.csv');
    expect(artifactUri('./data/entries.csv')).toBe('data/entries.csv');
    expect(artifactUri('../data/nilai #1.csv')).toBe('../data/nilai%20%231.csv');
    expect(artifactUri('/srv/kipp/entries.csv')).toBe('file:///srv/kipp/entries.csv');
  });
});
