/**
 * The judges' comments of a score sheet's rows, kept as runs of rows sharing one comment. A wide
 * row's comment belongs to each of its scores (five rows of the sheet), and a sheet where a third
 * of the rows carry a comment held a map entry per score: 1.6 million entries for a 40 MB wide
 * sheet, posted by a worker thread as as many pairs (~300 MB at the peak, ~0.6 s). A run is a
 * first row, the row after its last, and the comment; rows are only appended, so runs are in row
 * order and a look-up is a binary search (in row order, the last run found is tried first).
 * Comments are kept, not scored: only the library's rows (ScoreSheet.at) read them.
 */
import { grow, lastAtOrBefore } from './arrays.js';

/** CommentRuns as plain data a worker thread can post (typed arrays transfer). */
export interface CommentRunsParts {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  texts: string[];
}

export class CommentRuns {
  private count = 0;
  private starts: Int32Array = new Int32Array(16);
  private ends: Int32Array = new Int32Array(16);
  private texts: string[] = [];
  /** The run of the last look-up. */
  private cursor = 0;

  /** Row `row` (after every row given so far) has comment `text`. */
  add(row: number, text: string): void {
    const r = this.count - 1;
    if (r >= 0 && this.ends[r] === row && this.texts[r] === text) {
      this.ends[r] = row + 1;
      return;
    }
    this.open(row, row + 1, text);
  }

  /** The comment of row i, if it has one. */
  get(i: number): string | undefined {
    let r = this.cursor;
    if (!(r < this.count && this.starts[r]! <= i && i < this.ends[r]!)) {
      r = lastAtOrBefore(this.starts, this.count, i);
      if (r < 0 || i >= this.ends[r]!) return undefined;
      this.cursor = r;
    }
    return this.texts[r];
  }

  /** Another sheet's rows' comments, its rows numbered from `base`. */
  append(other: CommentRuns, base: number): void {
    for (let r = 0; r < other.count; r++) this.open(base + other.starts[r]!, base + other.ends[r]!, other.texts[r]!);
  }

  toParts(): CommentRunsParts {
    const { count } = this;
    return { count, starts: this.starts.slice(0, count), ends: this.ends.slice(0, count), texts: this.texts };
  }

  /** The parts' fields are the runs' own (toParts). */
  static fromParts(parts: CommentRunsParts): CommentRuns {
    return Object.assign(new CommentRuns(), parts);
  }

  private open(start: number, end: number, text: string): void {
    const r = this.count++;
    this.starts = grow(this.starts, r + 1);
    this.ends = grow(this.ends, r + 1);
    this.starts[r] = start;
    this.ends[r] = end;
    this.texts[r] = text;
  }
}
