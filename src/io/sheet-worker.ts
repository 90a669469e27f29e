/**
 * The sheet worker: reads score files in a worker thread (see sheet-thread.ts) and posts the
 * columnar sheet back, its typed arrays transferred, not copied. Then it raises the flag the main
 * thread is waiting on.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { Rubric } from '../model/rubric.js';
import type { ScoreSheet } from '../model/scoresheet.js';
import type { Delimiter } from './csv.js';
import { READY } from './sheet-thread.js';
import { readScoreSheets, readSheetTail, type SheetFile } from './sheets.js';

/**
 * What a worker reads: all the files; or, of one file whose bytes the main thread reads into
 * shared memory, the records before the cut or those from it. `control` (shared): [state, cut];
 * the worker waits until the state is READY (or CANCELLED).
 */
export type SheetTask = { kind: 'all'; files: SheetFile[] } | { kind: 'head' | 'tail'; file: SheetFile; bytes: Uint8Array; control: Int32Array };

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

function post(sheet: ScoreSheet, rest: object): void {
  const parts = sheet.toParts();
  port.postMessage(
    { parts, ...rest },
    Object.values(parts.columns).map((column) => column.buffer as ArrayBuffer),
  );
}

try {
  if (task.kind === 'all') {
    const { sheet, ...rest } = readScoreSheets(task.files, rubric, { delimiter });
    post(sheet, rest);
  } else {
    Atomics.wait(task.control, 0, 0);
    const cut = task.control[1]!;
    if (Atomics.load(task.control, 0) !== READY) port.postMessage({ error: 'cancelled' });
    else if (task.kind === 'head') {
      const { sheet, ...rest } = readScoreSheets([task.file], rubric, { delimiter, stopAt: cut, bytes: task.bytes, hash: false });
      post(sheet, rest);
    } else {
      const read = readSheetTail(task.file, task.bytes, cut, rubric, delimiter);
      if (read === undefined) port.postMessage({ error: 'no header in the first MiB' });
      else post(read.sheet, { inputs: [], diagnostics: read.csvDiagnostics, rowDiagnostics: read.rowDiagnostics });
    }
  }
} catch (err) {
  // The main thread reads the files itself and reports the problem the usual way.
  port.postMessage({ error: String((err as Error)?.message ?? err) });
} finally {
  raise();
  port.close();
}
