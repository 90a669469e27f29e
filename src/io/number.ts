/**
 * Scores as spreadsheets write them, read strictly. Never parseFloat: it reads `8,5` as 8 and
 * `1.250` as 1.25 without a word. A cell is a number only when all of it is one:
 *
 * - digits with an optional sign and one decimal separator: `8`, `8.5`, `.5`, `-0.25`;
 * - in a file whose delimiter is not a comma (`decimalComma`), the separator may be a comma
 *   (`8,5`, as an Indonesian-locale spreadsheet writes it) or a point — except where a point
 *   could be grouping thousands the Indonesian way (`1.250`: 1250 or 1.25?), which is refused;
 * - no thousands separators, exponents, percent signs, spaces inside, or words.
 *
 * The value is Number() of the decimal text with a point: the double nearest to what was written.
 */

import { quoted } from '../model/diagnostic.js';

const PLAIN = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const COMMA = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
/** `1.250`, `12.500`: a point that reads as a thousands separator in the Indonesian locale. */
const GROUPED = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;

/** The number a score cell holds, or undefined when it is not exactly a number. */
export function parseScore(text: string, decimalComma: boolean): number | undefined {
  const s = text.trim();
  if (decimalComma) {
    if (!COMMA.test(s) || GROUPED.test(s)) return undefined;
  } else if (!PLAIN.test(s)) return undefined;
  const value = Number(decimalComma ? s.replace(',', '.') : s);
  return Number.isFinite(value) ? value : undefined;
}

/** Why a cell is not a number, and what to write instead (for `score-not-a-number`). */
export function describeNumberProblem(text: string, decimalComma: boolean): string {
  const s = text.trim();
  if (s === '') return 'the score is empty: fill it in or delete the row';
  if (/^#[A-Z/0-9]+[!?]?$/i.test(s))
    return `${quoted(s)} is a spreadsheet error value: fix the formula in the sheet and save again`;
  if (decimalComma && GROUPED.test(s)) {
    return `${quoted(s)} is ambiguous: this file uses decimal commas, where a point groups thousands (${s.replace('.', '')}); write ${s.replace('.', ',').replace(/0+$/, '').replace(/,$/, '')} for the decimal`;
  }
  if (!decimalComma && /^[+-]?\d*,\d+$/.test(s)) {
    return `${quoted(s)} has a decimal comma, but the file is comma-separated: write ${quoted(s.replace(',', '.'))}, or save the file with ; as the delimiter`;
  }
  if (/^[+-]?\d{1,3}([.,]\d{3})+([.,]\d+)?$/.test(s) || /\d[.,]\d*[.,]/.test(s))
    return `${quoted(s)} has more than one separator: thousands separators are not read; write the score as digits with one decimal ${decimalComma ? 'comma' : 'point'}`;
  if (/%$/.test(s)) return `${quoted(s)} is a percentage: write the score on the rubric's scale, as a plain number`;
  if (/^[+-]?\d+([.,]\d+)?e[+-]?\d+$/i.test(s))
    return `${quoted(s)} is in exponent notation: write the score as plain digits`;
  return `${quoted(s)} is not a number: write digits with ${decimalComma ? 'a decimal comma (8,5)' : 'a decimal point (8.5)'}`;
}
