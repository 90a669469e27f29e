/**
 * Text that reaches a terminal or a document: control characters and ANSI escapes from titles
 * are neutralised, numbers are shown with two decimals.
 */
import { roundTo } from '../../scoring/round.js';
import type { Utf8Pieces } from './utf8-pieces.js';

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

/**
 * fixed2(x) written digit by digit (a stress year's CSV report has 1.2 million figures: no
 * string each). roundTo gives the double nearest K/100, so |r|·100 rounds to K, and toFixed(2)
 * of r reads K's digits; figures of 10¹¹ and more, and NaN or infinities, go through toFixed.
 */
export function writeFixed2(out: Utf8Pieces, x: number | null | undefined): void {
  if (x === null || x === undefined) return;
  const r = roundTo(x, 2);
  const k = Math.round(Math.abs(r) * 100);
  if (!(k < 1e13)) {
    out.write(r.toFixed(2));
    return;
  }
  if (r < 0) out.writeByte(0x2d); // roundTo gives 0, not -0, for what rounds to zero
  const whole = Math.floor(k / 100);
  out.writeDigits(whole);
  out.writeByte(0x2e);
  out.writeDigits(k - whole * 100, 2);
}

/**
 * How many terminal columns a string takes: East Asian wide characters and emoji take two,
 * combining marks and zero-width characters none (a grapheme takes the width of its widest code
 * point).
 */
export function displayWidth(s: string): number {
  if (NARROW.test(s)) return s.length;
  let width = 0;
  for (const { segment } of graphemes().segment(s)) width += graphemeWidth(segment);
  return width;
}

/**
 * Characters one column wide each: printable ASCII and Latin (no soft hyphen), punctuation such
 * as – and … (no zero-width spaces or bidi marks), arrows, box drawing and blocks (the table's
 * borders and bars). A string of only these is measured by its length, without segmenting it.
 */
const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u2319\u2500-\u25fc]*$/;
/** Made on first use: a segmenter loads ICU's break rules (~7 ms), which a CSV report never needs. */
let segmenter: Intl.Segmenter | undefined;
function graphemes(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));
}
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
const WIDE =
  /^[\p{Emoji_Presentation}\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{1f000}-\u{1faff}\u{20000}-\u{3fffd}]$/u;

function graphemeWidth(g: string): number {
  let w = 0;
  for (const ch of g) {
    if (WIDE.test(ch)) return 2;
    if (!ZERO_WIDTH.test(ch)) w = 1;
  }
  return w;
}

/**
 * At most `width` terminal columns of `s`, with an ellipsis when anything is cut. Only a bounded
 * prefix is read (a code unit takes at most one column past its zero-width marks), so a 100 MB
 * title costs what a short one does; beyond that prefix the text counts as cut.
 */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  const bound = 4 * width + 16;
  const long = s.length > bound;
  const head = long ? s.slice(0, bound) : s;
  if (!long && displayWidth(head) <= width) return head;
  const room = width - 1; // for the ellipsis
  if (NARROW.test(head)) return `${head.slice(0, room)}…`;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes().segment(head)) {
    const w = graphemeWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** A cell from the inputs (a title, an id): control characters neutralised, at most `width` columns. */
export function cellText(raw: string, width: number): string {
  const bound = 4 * width + 16;
  return raw.length > bound ? truncate(`${safeText(raw.slice(0, bound))}…`, width) : truncate(safeText(raw), width);
}

/**
 * Wraps a line at spaces to at most `width` columns (colour escapes take none); a word longer
 * than the line is cut with an ellipsis, since a footer word (a label) is never that long.
 */
export function wrap(line: string, width: number): string[] {
  if (displayWidth(line.replace(ANSI, '')) <= width) return [line];
  const out: string[] = [];
  let current = '';
  let used = 0;
  for (const word of line.split(' ')) {
    const w = displayWidth(word.replace(ANSI, ''));
    if (current !== '' && used + 1 + w > width) {
      out.push(current);
      current = '';
      used = 0;
    }
    const fitted = w > width ? truncate(word.replace(ANSI, ''), width) : word;
    current = current === '' ? fitted : `${current} ${fitted}`;
    used += (used === 0 ? 0 : 1) + Math.min(w, width);
  }
  if (current !== '') out.push(current);
  return out;
}

export const ANSI = /\u001b\[[0-9;]*m/g;

/** Text as one cell of a Markdown table: safe, with `\\`, `|`, `<` and `>` escaped. */
export function mdCell(text: string): string {
  return safeText(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>]/g, (ch) => (ch === '<' ? '&lt;' : '&gt;'));
}
