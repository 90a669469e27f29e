/**
 * Cells for spreadsheets. OWASP's CSV-injection advice: a text cell that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return (or their full-width forms) is prefixed with a single
 * quote so that Excel and LibreOffice show it as text instead of running it as a formula.
 * Numbers are written as numbers and are never prefixed.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Two decimals with the given decimal separator (',' for Indonesian-locale Excel). */
export function decimalText(fixed: string, separator: '.' | ','): string {
  return separator === ',' ? fixed.replace('.', ',') : fixed;
}
