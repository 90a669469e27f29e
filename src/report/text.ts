/**
 * Text that reaches a terminal or a document: control characters and ANSI escapes from titles
 * are neutralised, numbers are shown with two decimals.
 */
import { roundTo } from '../scoring/round.js';

// C0 controls except tab/newline handling below, DEL, C1 controls, and bidi overrides.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Replaces control characters (ESC included) with U+FFFD-free visible escapes like `\x1b`. */
export function safeText(raw: string): string {
  return raw.replace(/[\t\n]/g, ' ').replace(CONTROLS, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Two decimals, rounded half away from zero like the 6-decimal values (not toFixed's binary rounding). */
export function fixed2(x: number | null | undefined): string {
  return x === null || x === undefined ? '' : roundTo(x, 2).toFixed(2);
}

/** Truncates to `width` characters with an ellipsis. */
export function truncate(s: string, width: number): string {
  const chars = [...s];
  if (chars.length <= width) return s;
  return width <= 1 ? chars.slice(0, width).join('') : `${chars.slice(0, width - 1).join('')}…`;
}
