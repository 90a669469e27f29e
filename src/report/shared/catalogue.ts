/**
 * Every table of words a report says, in one list: the one place to look for a report's text in
 * English and Indonesian, and what the catalogue test walks to prove that every entry has its
 * Indonesian. A new table of words is added here.
 */
import { WORDS as ANALYTICS_WORDS } from '../analytics/words.js';
import { FORM_WORDS } from '../assign/xlsx.js';
import { AGENCY_TYPE_LABELS, HEADERS as EXPORT_HEADERS } from '../export/table.js';
import { WORDS as XLSX_WORDS } from '../export/xlsx.js';
import { HTML_WORDS } from '../html/words.js';
import { STAT_WORDS, WORDS, type Words } from './labels.js';
import { MANIFEST_WORDS } from '../audit/manifest.js';
import { TEXT_WORDS } from './text-words.js';

export const CATALOGUE = {
  'labels.ts': WORDS,
  'labels.ts statistics': STAT_WORDS,
  'html-words.ts': HTML_WORDS,
  'text-words.ts': TEXT_WORDS,
  'analytics/words.ts': ANALYTICS_WORDS,
  'manifest.ts': MANIFEST_WORDS,
  'export-table.ts headers': EXPORT_HEADERS,
  'export-table.ts agency types': AGENCY_TYPE_LABELS,
  'export-xlsx.ts': XLSX_WORDS,
  'assign/xlsx.ts': FORM_WORDS,
} satisfies Record<string, Words>;
