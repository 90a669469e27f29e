/**
 * A header's canonical field name, shared by every reader (CSV/YAML/JSON tables, workbooks) and by
 * the score sheets kipp assign writes, which must read back as what they say.
 */
import { fieldAliases, normalizeName } from '../model/names.js';
import type { TableOptions } from './table.js';

/** The canonical name of a header, or `criterion id`, or the normalized header for pass-through. */
export function canonicalField(header: string, options: TableOptions): { name: string; known: boolean } {
  const key = normalizeName(header);
  const field = fieldAliases(options.kind).get(key);
  if (field !== undefined) return { name: field, known: true };
  const criterion = options.criterion(key);
  if (criterion !== undefined) return { name: criterion, known: true };
  return { name: key, known: false };
}
