/**
 * The sheet worker: reads score files in a worker thread (see sheet-thread.ts) and posts the
 * columnar sheet back, its typed arrays transferred, not copied. Then it raises the flag the main
 * thread is waiting on.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { Rubric } from '../model/rubric.js';
import type { ScoreSheet } from '../model/scoresheet.js';
import type { Delimiter } from './csv.js';
import { bothHalvesRead, cutOf, readHalf } from './sheet-thread.js';
import { readScoreSheets, readSheetTail, type SheetFile } from './sheets.js';

/**
 * What a worker reads: all the files; or, of one file read into shared memory by the two
 * workers (half each; `control` records each half, see readHalf), the records before the cut
 * (head) or those from it (tail).
 */
export type SheetTask =
  | { kind: 'all'; files: SheetFile[] }
  | { kind: 'head' | 'tail'; file: SheetFile; bytes: Uint8Array; control: Int32Array };

export interface SheetWorkerData {
  task: SheetTask;
  rubric: Rubric;
  delimiter: Delimiter | undefined;
  port: MessagePort;
  /** Set to 1 (and notified) once the message is posted. */
  done: Int32Array;
}

const { task, rubric, delimiter, port, done } = workerData as SheetWorkerData;
const raise = () => {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
};
// process.exit() from anywhere in the thread ends it without the finally below.
process.on('exit', raise);

/**
 * Posts the sheet, its columns transferred. Cut to its rows first, unless `keepRoom`: the parts
 * of a file read in two keep the room their readers reserved from an estimate of the rows (a
 * few percent more than they hold; pages never written cost no memory, and cutting 2.5 million
 * rows in five columns costs the thread a few hundredths of a second), and the first part's room is
 * for the whole file, so the main thread appends the second part in place instead of copying
 * both into new columns.
 */
function post(sheet: ScoreSheet, rest: object, keepRoom = false): void {
  if (!keepRoom) sheet.compact();
  const parts = sheet.toParts();
  port.postMessage(
    { parts, ...rest },
    Object.values(parts.columns).map((column) => column.buffer),
  );
}

try {
  if (task.kind === 'all') {
    const { sheet, ...rest } = readScoreSheets(task.files, rubric, { delimiter });
    post(sheet, rest);
  } else {
    readHalf(task.file.path, task.bytes, task.kind === 'head' ? 0 : 1, task.control);
    const read = bothHalvesRead(task.control, task.bytes.length);
    // No line break near the middle: the head reads the whole file.
    const cut = read ? cutOf(task.bytes) : undefined;
    if (!read || (task.kind === 'tail' && cut === undefined))
      port.postMessage({ error: 'the file could not be read in two' });
    else if (task.kind === 'head') {
      const { sheet, ...rest } = readScoreSheets([task.file], rubric, {
        delimiter,
        stopAt: cut,
        bytes: task.bytes,
        hash: false,
      });
      post(sheet, rest, rest.stoppedAt !== undefined);
    } else {
      const tail = readSheetTail(task.file, task.bytes, cut!, rubric, delimiter);
      post(tail.sheet, { inputs: [], diagnostics: tail.csvDiagnostics, rowDiagnostics: tail.rowDiagnostics }, true);
    }
  }
} catch (err) {
  // The main thread reads the files itself and reports the problem the usual way.
  port.postMessage({ error: String((err as Error)?.message ?? err) });
} finally {
  raise();
  port.close();
}
