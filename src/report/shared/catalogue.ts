/**
 * Every table of words a report says, in one list: the catalogue (src/report/shared/words.ts, by
 * section) and the tables that live beside the logic that uses them. It is the one place to look
 * for a report's text in English and Indonesian, and what the catalogue test walks to prove that
 * every entry has its Indonesian. A new table of words is a section of words.ts, or is added here.
 */
import { FORM_WORDS } from '../assign/xlsx.js';
import { MANIFEST_WORDS } from '../audit/manifest.js';
import { AGENCY_TYPE_LABELS, HEADERS as EXPORT_HEADERS } from '../export/table.js';
import { WORDS as XLSX_WORDS } from '../export/xlsx.js';
import { SECTIONS, type Words } from './words.js';

export const CATALOGUE = {
  'words.ts report': SECTIONS.report,
  'words.ts statistics': SECTIONS.statistics,
  'words.ts plenary': SECTIONS.plenary,
  'words.ts text': SECTIONS.text,
  'words.ts html': SECTIONS.html,
  'words.ts judges': SECTIONS.judges,
  'manifest.ts': MANIFEST_WORDS,
  'export-table.ts headers': EXPORT_HEADERS,
  'export-table.ts agency types': AGENCY_TYPE_LABELS,
  'export-xlsx.ts': XLSX_WORDS,
  'assign/xlsx.ts': FORM_WORDS,
} satisfies Record<string, Words>;
