import type { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import type { ImportColumn } from './excel-import-header.js';
import type { FileInMemory, ImportFile, ImportRow, WorkbookBytes } from './excel-import-parse.js';
import type { ReadChunk, ReadJob, ReadMessage } from './excel-import-worker.js';
import { startWorker } from './worker-thread.js';

export interface ReadLimits {
  /** Rows holding data, past which the file is refused. */
  maxRows: number;
  /** Time to read the file, from the start of its thread to its last row. */
  timeBudgetMs: number;
}

/**
 * The heap one reading thread may use. A workbook within the row limit reads in a few tens of
 * megabytes; one past it stops early. Only a file built to blow up (a huge shared-strings part,
 * say) reaches this, and then it is refused instead of growing the server.
 */
export const readerHeapMb = 256;

export const tooSlowToRead = (ms: number) => {
  const seconds = Math.round(ms / 100) / 10;
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `the file was not read within ${seconds} s; split it and import each part`,
    [
      {
        path: 'file',
        message: `not read within ${seconds} s`,
        code: 'read_time_exceeded',
        params: { seconds },
      },
    ],
  );
};

const tooLargeToRead = () =>
  new AppError('PAYLOAD_TOO_LARGE', 'the file needs more memory to read than an import may use; split it', [
    { path: 'file', message: 'too large to read', code: 'too_large_to_read' },
  ]);

function startReader(): Worker {
  return startWorker(import.meta.url, 'excel-import-worker', {
    resourceLimits: { maxOldGenerationSizeMb: readerHeapMb },
  });
}

/**
 * Every data row of the file, read in a thread of its own (see excel-import-worker.ts) so the
 * event loop keeps serving other requests. An upload still arriving is passed on chunk by chunk,
 * and its time budget starts once it is all in. The thread is ended as soon as the rows are in,
 * the file is refused, or the budget runs out, which gives its memory back at once. A workbook
 * given as an ArrayBuffer is handed over to the thread: the caller cannot use it afterwards.
 */
export function readImportRows(
  file: ImportFile,
  columns: readonly ImportColumn[],
  limits: ReadLimits,
): Promise<ImportRow[]> {
  const worker = startReader();
  const plan = { columns, maxRows: limits.maxRows };
  const rows: ImportRow[] = [];
  return new Promise<ImportRow[]>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(rows);
    };
    const startBudget = () => {
      timer = setTimeout(() => finish(tooSlowToRead(limits.timeBudgetMs)), limits.timeBudgetMs);
    };
    worker.on('message', (message: ReadMessage) => {
      if ('rows' in message) for (const row of message.rows) rows.push(row);
      else if ('done' in message) finish(null);
      else if ('problem' in message)
        finish(new AppError(message.problem.code, message.problem.detail, message.problem.errors));
      else finish(new Error(`the import reader failed: ${message.failure}`));
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLargeToRead() : error),
    );
    worker.on('exit', (code) => finish(new Error(`the import reader stopped early (exit code ${code})`)));
    if ('xlsx' in file && isChunked(file.xlsx)) {
      worker.postMessage({ plan, chunks: true } satisfies ReadJob);
      sendChunks(worker, file.xlsx, () => settled).then(startBudget, finish);
      return;
    }
    // Moved, not copied: a copy of a 20 MB upload would hold the event loop for tens of milliseconds.
    const transfer = 'xlsx' in file && file.xlsx instanceof ArrayBuffer ? [file.xlsx] : [];
    worker.postMessage({ plan, file: file as FileInMemory } satisfies ReadJob, transfer);
    startBudget();
  });
}

const isChunked = (bytes: WorkbookBytes): bytes is AsyncIterable<Uint8Array> => Symbol.asyncIterator in bytes;

async function sendChunks(worker: Worker, chunks: AsyncIterable<Uint8Array>, stopped: () => boolean) {
  for await (const chunk of chunks) {
    if (stopped()) return;
    worker.postMessage({ chunk } satisfies ReadChunk);
  }
  worker.postMessage({ end: true } satisfies ReadChunk);
}
