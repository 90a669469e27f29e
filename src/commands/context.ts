/**
 * What a command may know of the process, handed to it by src/cli.ts — commands never touch
 * process.* themselves, so they can be tested as functions.
 */
import type { Lang } from '../report/shared/labels.js';

export interface CommandContext {
  env: Record<string, string | undefined>;
  /** Colour on stdout / stderr, decided once (NO_COLOR, FORCE_COLOR, TERM=dumb, TTY). */
  color: boolean;
  stderrColor: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns: number;
  /** Writes one line to stderr. */
  log: (line: string) => void;
  /** Writes raw text to stderr (a progress bar redrawn with \r); absent in tests. */
  writeErr?: (text: string) => void;
  /** The language of a command given neither --lang nor KIPP_LANG (src/cli.ts: en). */
  lang: Lang;
}

/** What a command hands back: the bytes for stdout or --output, and its exit status. */
export interface CommandResult {
  /** Pieces (an iterable of strings or bytes) are written one by one: a large report is never held whole. */
  output?: string | Uint8Array | Iterable<string | Uint8Array>;
  /** 0 ok (warnings allowed), 1 data errors, 2 usage or configuration. */
  exit: 0 | 1 | 2;
}
