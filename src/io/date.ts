/**
 * Dates as the registration system and spreadsheets write them: ISO `YYYY-MM-DD` and the
 * Indonesian `DD/MM/YYYY` (day first, never the US reading). Returns the ISO form of a real
 * calendar date, or undefined (31/02/2016 is not a date).
 */
import { isRealDate } from '../model/rubric.js';

export function parseDate(text: string): string | undefined {
  const t = text.trim();
  let iso: string | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  else {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (m) iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  return iso !== undefined && isRealDate(iso) ? iso : undefined;
}
