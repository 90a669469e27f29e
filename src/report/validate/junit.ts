/**
 * `kipp validate --format junit`: one testsuite, one testcase per input file (clean files pass),
 * one <failure> per error, warnings as the testcase's <system-out>. GitLab, Jenkins and Azure
 * show it as a test report.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { place } from '../shared/diagnostic-text.js';
import { byFile, messageWithEntry, summaryLine, type ValidateFormatOptions, type ValidateReport } from './report.js';
import { pushAll } from '../../model/arrays.js';

/** The testcase that holds problems about no file in particular. */
export const GENERAL_TESTCASE = '(all inputs)';

// Code points XML 1.0 cannot carry at all (C0 controls but tab, newline and carriage return;
// lone surrogates; U+FFFE and U+FFFF), and C1 controls and DEL, which it can but which have
// no business in a report. Each becomes a visible escape such as `\x1b`.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

function visible(raw: string): string {
  return raw.replace(NOT_IN_XML, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function xmlText(raw: string): string {
  return visible(raw).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(raw: string): string {
  return xmlText(raw)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function detail(d: Diagnostic): string {
  const field = d.field !== undefined ? ` (field ${d.field})` : '';
  // place(d) names a workbook's sheet and cell already.
  return `${d.file !== undefined ? `${place(d)}: ` : ''}${d.severity} ${d.code}${field}: ${messageWithEntry(d, false)}`;
}

export function formatJunit(report: ValidateReport, _options: ValidateFormatOptions): string {
  const groups = byFile(report.diagnostics);
  const names = [...report.files];
  for (const f of groups.keys()) if (f !== '' && !names.includes(f)) names.push(f);
  if (groups.has('')) names.push('');
  const cases: string[] = [];
  let failed = 0;
  for (const file of names) {
    const list = groups.get(file) ?? [];
    const errors = list.filter((d) => d.severity === 'error');
    const warnings = list.filter((d) => d.severity === 'warning');
    if (errors.length > 0) failed++;
    const name = file === '' ? GENERAL_TESTCASE : file;
    const open = `    <testcase classname="kipp.validate" name="${xmlAttr(name)}"${file !== '' ? ` file="${xmlAttr(file)}"` : ''}`;
    if (list.length === 0) {
      cases.push(`${open}/>`);
      continue;
    }
    const body = errors.map((d) => {
      const where = d.line !== undefined ? `line ${d.line}: ` : '';
      return `      <failure type="${xmlAttr(d.code)}" message="${xmlAttr(`${where}${messageWithEntry(d)}`)}">${xmlText(detail(d))}</failure>`;
    });
    if (warnings.length > 0) body.push(`      <system-out>${xmlText(warnings.map(detail).join('\n'))}</system-out>`);
    pushAll(cases, [`${open}>`, ...body, '    </testcase>']);
  }
  const counts = `tests="${names.length}" failures="${failed}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kipp validate" ${counts}>`,
    `  <testsuite name="kipp validate" ${counts} skipped="0">`,
    `    <properties><property name="summary" value="${xmlAttr(summaryLine(report.summary))}"/></properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
