/**
 * Reading score sheets in worker threads. A stress year's sheet is 160 MB and takes over two
 * seconds to read; the entries file another second. Workers read the sheets while the main
 * thread reads the entries (and runs the entry checks): one large CSV file in two halves (two
 * workers), other files in one. readCompetition stays synchronous: it waits on a shared flag
 * and takes each worker's message with receiveMessageOnPort, no event loop needed.
 *
 * The halves: each worker reads one half of the file into memory both share (readHalf), and the
 * main thread hashes those bytes once both are in: the manifest's sha256 is that of the bytes
 * scored. The file is cut after a line break near its middle (cutOf). That is a record
 * boundary unless the break is inside a quoted cell or comes before the end of the header (a
 * file with long runs of `,,,` above its header), which only the reader of the first half can
 * tell (it reads from the start): it stops there if a record after the header starts there,
 * and otherwise reads on to the end, and the second half's work is dropped. The second half is read with the
 * file's own header and delimiter, its lines counted from a base and shifted by the line the
 * first reader stopped on, so that the two sheets joined are row for row what one reader makes
 * (a test compares them).
 *
 * Any failure (no worker script next to this module, as when the sources run under a test
 * runner; an error in a worker) returns nothing, and the caller reads the sheets itself: the
 * result is the same either way, only slower.
 */
import { Buffer } from 'node:buffer';
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Diagnostic } from '../model/diagnostic.js';
import type { InputFile } from '../model/records.js';
import type { Rubric } from '../model/rubric.js';
import { ScoreSheet, type ScoreSheetParts } from '../model/scoresheet.js';
import type { Delimiter } from './csv.js';
import { formatOf, sha256 } from './files.js';
import type { SheetTask, SheetWorkerData } from './sheet-worker.js';
import { readScoreSheets, readSheetTail, TAIL_LINE_BASE, type ReadSheets, type SheetFile } from './sheets.js';

/** `control[0]` and `control[1]` of a file read in two: that half is read, or could not be. */
export const READY = 1;
export const CANCELLED = 2;

/** Below this many bytes of score files in all, starting a thread costs more than it saves. */
export const DEFAULT_WORKER_MIN_BYTES = 16 * 1024 * 1024;

/** A worker's sheet and findings (ReadSheets; a second part's row diagnostics apart). */
type Posted = {
  parts: ScoreSheetParts;
  inputs: InputFile[];
  diagnostics: Diagnostic[];
  stoppedAt?: number;
  stoppedLine?: number;
  rowDiagnosticsAt?: number;
  rowDiagnostics?: Diagnostic[];
};

interface Job {
  /** The worker's result; undefined when it failed or took far too long. */
  wait(): Posted | undefined;
  cancel(): void;
}

/**
 * Starts reading `files` in workers when they are large enough; returns a function that waits
 * for the result (undefined: read them in this thread), or undefined when no worker was started.
 */
export function startSheetWorker(
  files: readonly SheetFile[],
  rubric: Rubric,
  delimiter: Delimiter | undefined,
  minBytes = DEFAULT_WORKER_MIN_BYTES,
  progress?: (message: string) => void,
): (() => ReadSheets | undefined) | undefined {
  if (files.length === 0 || !Number.isFinite(minBytes) || availableParallelism() < 2) return undefined;
  let bytes = 0;
  for (const { path } of files) {
    try {
      bytes += statSync(path).size;
    } catch {
      return undefined; // a directory, standard input, or a problem the in-thread read reports
    }
  }
  if (bytes < minBytes) return undefined;
  const script = new URL('./sheet-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return undefined;
  const start = (task: SheetTask) => startJob(script, { task, rubric, delimiter }, bytes);

  const all = () => {
    const job = start({ kind: 'all', files: [...files] });
    if (job === undefined) return undefined;
    for (const { path } of files) progress?.(`reading scores ${path} (in a worker thread)`);
    return () => toReadSheets(job.wait());
  };
  const single =
    files.length === 1 && bytes >= 2 * minBytes && bytes < 2 ** 31 - 1 && formatOf(files[0]!.path) === 'csv'
      ? files[0]!
      : undefined;
  if (single === undefined) return all();

  // Each worker reads one half of the file into the memory they share, waits for the other's
  // half, then parses its part (see readHalf); this thread reads the entries meanwhile.
  // Let go once hashed and cut (below): 160 MB the checks and the scoring need not hold.
  let shared: Uint8Array | undefined = new Uint8Array(new SharedArrayBuffer(bytes));
  const control = new Int32Array(new SharedArrayBuffer(8));
  const head = start({ kind: 'head', file: single, bytes: shared, control });
  const tail = start({ kind: 'tail', file: single, bytes: shared, control });
  if (head === undefined || tail === undefined) {
    head?.cancel();
    tail?.cancel();
    return all();
  }
  progress?.(`reading scores ${single.path} (in two worker threads)`);
  return () => {
    if (!bothHalvesRead(control, bytes)) {
      head.cancel();
      tail.cancel();
      return undefined;
    }
    const hash = sha256(shared!);
    const cut = cutOf(shared!);
    shared = undefined;
    const first = head.wait();
    if (first !== undefined) for (const input of first.inputs) input.sha256 = hash;
    if (first === undefined || cut === undefined || first.stoppedAt !== cut) {
      // Failed, or no record starts at the cut (it is inside a quoted cell, or before the end
      // of the header) and the first reader read the whole file.
      tail.cancel();
      return toReadSheets(first);
    }
    const second = tail.wait();
    return second === undefined ? undefined : joinParts(first, second);
  };
}

/**
 * The two parts of one file joined (the first read up to a record start, `stoppedAt`; the
 * second from there): row for row and finding for finding what one reader makes.
 */
function joinParts(first: Posted, second: Posted): ReadSheets | undefined {
  if (first.stoppedLine === undefined) return undefined;
  const read = toReadSheets(first)!;
  // The second part's lines were counted from TAIL_LINE_BASE; the first part's reader knows the cut's line.
  const shift = first.stoppedLine - TAIL_LINE_BASE;
  const rest = ScoreSheet.fromParts(second.parts);
  rest.shiftLines(shift);
  for (const d of [...second.diagnostics, ...(second.rowDiagnostics ?? [])]) if (d.line !== undefined) d.line += shift;
  read.sheet.appendSheet(rest);
  // In one reader's order: the CSV reader's findings (the first part's, then the second's),
  // then the rows' (likewise). Every finding about a row is at that row (a value under an
  // empty header included), so none is reported by both parts.
  const at = first.rowDiagnosticsAt ?? read.diagnostics.length;
  read.diagnostics = [
    ...read.diagnostics.slice(0, at),
    ...second.diagnostics,
    ...read.diagnostics.slice(at),
    ...(second.rowDiagnostics ?? []),
  ];
  return read;
}

/**
 * One CSV score file read in two parts cut at byte `cut`, as the two workers read it, but in
 * this thread: the tests cut files anywhere and compare the result with one reader's.
 */
export function readInTwoParts(
  file: SheetFile,
  bytes: Uint8Array,
  cut: number,
  rubric: Rubric,
  delimiter: Delimiter | undefined,
): ReadSheets {
  const { sheet, ...head } = readScoreSheets([file], rubric, { delimiter, stopAt: cut, bytes });
  const first: Posted = { parts: sheet.toParts(), ...head };
  if (first.stoppedAt !== cut) return toReadSheets(first)!;
  const tail = readSheetTail(file, bytes, cut, rubric, delimiter);
  return joinParts(first, {
    parts: tail.sheet.toParts(),
    inputs: [],
    diagnostics: tail.csvDiagnostics,
    rowDiagnostics: tail.rowDiagnostics,
  })!;
}

function toReadSheets(posted: Posted | undefined): ReadSheets | undefined {
  if (posted === undefined) return undefined;
  return { sheet: ScoreSheet.fromParts(posted.parts), inputs: posted.inputs, diagnostics: posted.diagnostics };
}

/**
 * A worker's share of reading a file in two: half `which` of the file into `bytes` (shared),
 * recorded in `control[which]` (READY, or CANCELLED when it could not be read or its size
 * changed). Both halves in, every thread finds the same cut (cutOf).
 */
export function readHalf(path: string, bytes: Uint8Array, which: 0 | 1, control: Int32Array): void {
  const middle = Math.floor(bytes.length / 2);
  const [from, to] = which === 0 ? [0, middle] : [middle, bytes.length];
  let ok: boolean;
  try {
    const fd = openSync(path, 'r');
    try {
      ok = fstatSync(fd).size === bytes.length;
      for (let done = from; ok && done < to;) {
        const got = readSync(fd, bytes, done, to - done, done);
        ok = got > 0;
        done += got;
      }
    } finally {
      closeSync(fd);
    }
  } catch {
    ok = false;
  }
  Atomics.store(control, which, ok ? READY : CANCELLED);
  Atomics.notify(control, which);
}

/** Waits for both halves (bounded); true when both were read. */
export function bothHalvesRead(control: Int32Array, bytes: number): boolean {
  for (const which of [0, 1])
    if (Atomics.wait(control, which, 0, 30_000 + bytes / 10_000) === 'timed-out') return false;
  return control[0] === READY && control[1] === READY;
}

/** Where a file read in two is cut: after the first line break from its middle (within 1 MiB). */
export function cutOf(bytes: Uint8Array): number | undefined {
  return lineBreakNear(bytes, Math.floor(bytes.length / 2));
}

/** The offset just after the first line break at or after `offset` (within 1 MiB), if any. */
function lineBreakNear(bytes: Uint8Array, offset: number): number | undefined {
  const window = Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(1 << 20, bytes.length - offset));
  const at = window.indexOf(0x0a);
  return at < 0 ? undefined : offset + at + 1;
}

function startJob(script: URL, data: Omit<SheetWorkerData, 'port' | 'done'>, bytes: number): Job | undefined {
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = new Worker(script, {
      workerData: { ...data, port: port2, done } satisfies SheetWorkerData,
      transferList: [port2],
    });
  } catch {
    port1.close();
    return undefined;
  }
  worker.unref();
  worker.on('error', () => {});
  return {
    wait() {
      // The worker raises the flag however its script ends. A thread killed outright (out of
      // memory) cannot: the wait is bounded (far above the ~2 s a stress year takes), and then
      // the sheets are read in this thread.
      if (Atomics.wait(done, 0, 0, 30_000 + bytes / 10_000) === 'timed-out') {
        this.cancel();
        return undefined;
      }
      const received = receiveMessageOnPort(port1)?.message as Posted | { error: string } | undefined;
      port1.close();
      return received === undefined || 'error' in received ? undefined : received;
    },
    cancel() {
      port1.close();
      void worker.terminate();
    },
  };
}
