/**
 * Dates as the registration system and spreadsheets write them: ISO `YYYY-MM-DD` and the
 * Indonesian `DD/MM/YYYY` (day first, never the US reading). Returns the ISO form of a real
 * calendar date, or undefined (31/02/2016 is not a date).
 */
import { quoted } from '../model/diagnostic.js';
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

/**
 * Why a cell is not a date. A bare number of five digits is most likely an Excel serial date
 * (a date cell saved as its number): it is not converted, because Excel's 1900 and 1904 date
 * systems put the same number 1,462 days apart and nothing in a CSV says which one was used.
 */
export function describeDateProblem(text: string): string {
  const t = text.trim();
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    return `${quoted(t)} looks like a spreadsheet date saved as a number: format the column as a date (DD/MM/YYYY) in the sheet and save again`;
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(t)) {
    // LibreOffice in Indonesian saves 24/12/2023 as 24/12/23 when it writes dates as shown.
    return `${quoted(t)} has a two-digit year, whose century would be a guess: write the year in full (DD/MM/YYYY or YYYY-MM-DD). A spreadsheet saved the date as it shows it: format the column as DD/MM/YYYY before saving, or save as .xlsx`;
  }
  return `${quoted(t)} is not a date: write it as YYYY-MM-DD or DD/MM/YYYY`;
}
