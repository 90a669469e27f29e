/**
 * `kipp validate --format sarif`: SARIF 2.1.0, as GitHub code scanning (upload-sarif) and other
 * code-quality dashboards read it. The rules are the whole catalogue of codes, each with its help
 * text; every problem is a result with its rule, level, message and place.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { cellOf, DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from '../../model/diagnostic.js';
import { messageWithEntry, type ValidateFormatOptions, type ValidateReport } from './report.js';
import { RULES } from './rules.js';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

/** `missing-field` → `MissingField` (SARIF's rule `name` is an identifier-like word). */
function ruleName(code: string): string {
  return code.replace(/(^|-)([a-z])/g, (_, _dash: string, ch: string) => ch.toUpperCase());
}

/** A file path as a URI reference: relative paths stay relative with forward slashes. */
export function artifactUri(path: string): string {
  if (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')) return pathToFileURL(path.replace(/\\/g, '/')).href;
  if (path.startsWith('/')) return pathToFileURL(path).href;
  const segments = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s, i) => !(i === 0 && s === '.'));
  return segments.map((s) => encodeURIComponent(s)).join('/');
}

function rule(code: DiagnosticCode) {
  const { summary, fix } = RULES[code];
  return {
    id: code,
    name: ruleName(code),
    shortDescription: { text: summary },
    fullDescription: { text: `${summary} ${fix.replace(/`/g, '')}` },
    help: { text: fix.replace(/`/g, ''), markdown: `**${summary}**\n\n${fix}` },
    defaultConfiguration: { level: DIAGNOSTIC_CODES[code] },
    properties: { tags: ['kipp', 'data'] },
  };
}

function fingerprint(d: Diagnostic): string {
  const key = [d.code, d.file ?? '', d.entry_id ?? '', d.field ?? '', d.message].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

function result(d: Diagnostic) {
  const out: Record<string, unknown> = {
    ruleId: d.code,
    ruleIndex: CODES.indexOf(d.code),
    level: d.severity,
    message: { text: messageWithEntry(d) },
  };
  if (d.file !== undefined && d.file !== '-') {
    const physicalLocation: Record<string, unknown> = {
      artifactLocation: { uri: artifactUri(d.file), ...(isRelative(d.file) ? { uriBaseId: '%SRCROOT%' } : {}) },
    };
    if (d.line !== undefined)
      physicalLocation.region = { startLine: d.line, ...(d.column !== undefined ? { startColumn: d.column } : {}) };
    out.locations = [{ physicalLocation }];
  }
  out.partialFingerprints = { 'kippDiagnostic/v1': fingerprint(d) };
  const properties: Record<string, string | number> = {};
  if (d.field !== undefined) properties.field = d.field;
  if (d.entry_id !== undefined) properties.entry_id = d.entry_id;
  if (d.omitted !== undefined && d.omitted > 0) properties.omitted = d.omitted;
  if (d.file === '-') properties.file = '(standard input)';
  if (d.sheet !== undefined) properties.sheet = d.sheet;
  const cell = cellOf(d);
  if (cell !== undefined && !cell.startsWith('row')) properties.cell = cell;
  if (Object.keys(properties).length > 0) out.properties = properties;
  return out;
}

function isRelative(path: string): boolean {
  return !(path.startsWith('/') || path.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(path));
}

export function formatSarif(report: ValidateReport, _options: ValidateFormatOptions): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: report.tool.informationUri,
            rules: CODES.map(rule),
          },
        },
        results: [] as unknown[],
      },
    ],
  };
  // The frame indented, each result on one line of its own: 200,000 duplicate titles make a
  // 90 MB log instead of 190 MB, built one result at a time instead of as one tree of objects.
  const frame = JSON.stringify(log, null, 2);
  const marker = '"results": []';
  const at = frame.lastIndexOf(marker);
  if (report.diagnostics.length === 0) return `${frame}\n`;
  const lines = report.diagnostics.map((d) => `        ${JSON.stringify(result(d))}`);
  return `${frame.slice(0, at)}"results": [\n${lines.join(',\n')}\n      ]${frame.slice(at + marker.length)}\n`;
}
