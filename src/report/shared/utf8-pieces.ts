/**
 * Text written as UTF-8 straight into byte pieces of about `pieceSize` bytes, for reports too
 * large to hold as one string (a stress year's JSON is ~100 MB, its export CSV ~50 MB). No
 * string is built for a row or an entry, so the garbage collector sees little but the pieces.
 * ASCII is copied a byte at a time; other text goes through Buffer's own UTF-8 encoder, which
 * writes a lone surrogate as U+FFFD exactly as `Buffer.from(text)` and a stream's write do.
 */
export interface PieceOptions {
  /** About how many bytes a piece holds (default 1 MiB); a piece ends with a whole entry or row. */
  pieceSize?: number;
  /**
   * Write each piece into the buffer of the one before: a piece is then valid only until the
   * next one is asked for, so only for a consumer that has written each piece by then
   * (writeOutput, src/cli.ts's writePieces). Otherwise each piece is a fresh buffer, which a
   * stream may keep while the next is made, and dead pieces wait, outside V8's heap, for a
   * collection: 20–25 MB more at the peak of a stress year's JSON.
   */
  reuse?: boolean;
}

export class Utf8Pieces {
  private buffer: Buffer;
  private at = 0;
  private readonly pieceSize: number;
  private readonly reuse: boolean;

  constructor(options: PieceOptions = {}) {
    this.pieceSize = options.pieceSize ?? 1 << 20;
    this.reuse = options.reuse ?? false;
    this.buffer = Buffer.allocUnsafe(this.pieceSize);
  }

  /** The piece so far when it has reached pieceSize (a new one starts), else undefined. */
  full(): Buffer | undefined {
    return this.at >= this.pieceSize ? this.take() : undefined;
  }

  /** The piece so far, however small; a new one starts (in the same buffer with `reuse`). */
  take(): Buffer {
    const piece = this.buffer.subarray(0, this.at);
    if (!this.reuse) this.buffer = Buffer.allocUnsafe(this.pieceSize);
    this.at = 0;
    return piece;
  }

  /** How many bytes the current piece holds: a mark to go back to with `truncate`. */
  get length(): number {
    return this.at;
  }

  /** Drops what was written since `length` was read (within the same piece). */
  truncate(length: number): void {
    this.at = length;
  }

  /** Room for `bytes` more bytes: a piece grows (a long text stays in one piece) rather than splits. */
  private room(bytes: number): Buffer {
    if (this.at + bytes > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
      this.buffer.copy(bigger, 0, 0, this.at);
      this.buffer = bigger;
    }
    return this.buffer;
  }

  write(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    const buffer = this.room(text.length * 3);
    let at = this.at;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        this.at = at + buffer.write(text.slice(i), at, 'utf8');
        return;
      }
      buffer[at++] = c;
    }
    this.at = at;
  }

  /** Bytes made once (a key, a separator): cheaper to copy than to encode again. */
  writeBytes(bytes: Uint8Array): void {
    this.room(bytes.length).set(bytes, this.at);
    this.at += bytes.length;
  }

  /** One byte (an ASCII character's code). */
  writeByte(byte: number): void {
    this.room(1)[this.at++] = byte;
  }

  /** A non-negative safe integer in decimal, zero-padded to `width` digits. */
  writeDigits(value: number, width = 1): void {
    if (value < 10 && width <= 1) {
      // Most figures of a report: a judge count, a criterion's whole part.
      this.room(1)[this.at++] = 0x30 + value;
      return;
    }
    let digits = 1;
    for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
    digits = Math.max(digits, width);
    const buffer = this.room(digits);
    let at = this.at + digits;
    this.at = at;
    for (let v = value; digits > 0; digits--) {
      const q = Math.floor(v / 10);
      buffer[--at] = 0x30 + (v - q * 10);
      v = q;
    }
  }

  /**
   * Writes `text`, with `wrap` (a character code) before and after it when given, if every
   * character of it is ASCII and not marked in `special` (a table of 128); otherwise writes
   * nothing and returns false, so that the caller writes the text its own way (escaped, quoted).
   */
  writeAscii(text: string, special: Uint8Array, wrap?: number): boolean {
    const buffer = this.room(text.length + 2);
    let at = this.at;
    if (wrap !== undefined) buffer[at++] = wrap;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80 || special[c] === 1) return false;
      buffer[at++] = c;
    }
    if (wrap !== undefined) buffer[at++] = wrap;
    this.at = at;
    return true;
  }
}

/** A table for writeAscii: 1 for each character code listed or below `below`. */
export function asciiTable(codes: readonly number[], below = 0): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < below; c++) table[c] = 1;
  for (const c of codes) table[c] = 1;
  return table;
}
