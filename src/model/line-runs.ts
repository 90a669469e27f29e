/**
 * The line of every row of a score sheet, kept as runs instead of one number per row. A long
 * sheet has one score per line (the line goes up by one from row to row); a wide sheet has a
 * few scores per line (the line stays, then goes up by one). A run is a first row, its line and
 * a step (0 or 1): row i of the run is on line `line + (i - row) × step`. A stress year's
 * 5,000,000 rows are one run (two, read in two halves), where a column of lines was 20 MB,
 * and shifting the second half's 2.5 million lines by the line it starts on took ~30 ms; a
 * blank line, a cell with a line break or a refused record starts a new run. Look-ups in row order (every loop over the rows) cost a comparison:
 * the last run found is tried first, then the next, and only then a binary search.
 */
import { grow, lastAtOrBefore } from './arrays.js';

/** The step of a run of one row: not known until its second row. */
const OPEN = 2;

/** LineRuns as plain data: typed arrays a worker thread can transfer. */
export interface LineRunsParts {
  length: number;
  count: number;
  rows: Int32Array;
  lines: Int32Array;
  steps: Uint8Array;
}

export class LineRuns {
  /** Rows. */
  length = 0;
  /** Runs. */
  private count = 0;
  /** Per run: its first row, that row's line, and its step (0, 1 or OPEN). */
  private rows: Int32Array = new Int32Array(16);
  private lines: Int32Array = new Int32Array(16);
  private steps: Uint8Array = new Uint8Array(16);
  /** The run of the last look-up. */
  private cursor = 0;

  /** The next row is on `line`. */
  push(line: number): void {
    const i = this.length++;
    const r = this.count - 1;
    if (r >= 0) {
      const step = this.steps[r]!;
      if (step === OPEN) {
        const d = line - this.lines[r]!;
        if (d === 0 || d === 1) {
          this.steps[r] = d;
          return;
        }
      } else if (line === this.lines[r]! + (i - this.rows[r]!) * step) return;
    }
    this.open(i, line, OPEN);
  }

  /** The line of row i (0 <= i < length). */
  line(i: number): number {
    let r = this.cursor;
    if (!this.holds(r, i)) {
      r = this.holds(r + 1, i) ? r + 1 : Math.max(0, lastAtOrBefore(this.rows, this.count, i));
      this.cursor = r;
    }
    const step = this.steps[r]!;
    return this.lines[r]! + (step === OPEN ? 0 : (i - this.rows[r]!) * step);
  }

  /** Every line moved by `delta` (the second part of a file read in two, once its first line is known). */
  shift(delta: number): void {
    for (let r = 0; r < this.count; r++) this.lines[r]! += delta;
  }

  /** Another sheet's rows' lines after these. */
  append(other: LineRuns): void {
    const base = this.length;
    for (let r = 0; r < other.count; r++) this.open(base + other.rows[r]!, other.lines[r]!, other.steps[r]!);
    this.length = base + other.length;
  }

  toParts(): LineRunsParts {
    const { length, count } = this;
    return {
      length,
      count,
      rows: this.rows.slice(0, count),
      lines: this.lines.slice(0, count),
      steps: this.steps.slice(0, count),
    };
  }

  /** The parts' fields are the runs' own (toParts). */
  static fromParts(parts: LineRunsParts): LineRuns {
    return Object.assign(new LineRuns(), parts);
  }

  private holds(r: number, i: number): boolean {
    return r < this.count && this.rows[r]! <= i && (r + 1 === this.count || this.rows[r + 1]! > i);
  }

  private open(row: number, line: number, step: number): void {
    const r = this.count++;
    this.rows = grow(this.rows, r + 1);
    this.lines = grow(this.lines, r + 1);
    this.steps = grow(this.steps, r + 1);
    this.rows[r] = row;
    this.lines[r] = line;
    this.steps[r] = step;
  }
}
