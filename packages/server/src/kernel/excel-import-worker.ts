import { parentPort } from 'node:worker_threads';
import { AppError, type ErrorCode, type FieldError } from '../errors.js';
import { type ImportFile, type ImportRow, type ReadPlan, readRows } from './excel-import-parse.js';

/**
 * The import reader's thread: it reads one file, sends its rows in batches and is ended by the
 * event loop's side when done, past its time budget, or on any failure. Inflating and parsing a
 * workbook is seconds of CPU for a large one, and a malformed one may ask for a lot of memory: here
 * neither holds up other requests, and all of it goes when the thread ends.
 */
export interface ReadJob {
  file: ImportFile;
  plan: ReadPlan;
}

export type ReadMessage =
  | { rows: ImportRow[] }
  | { done: true }
  | { problem: { code: ErrorCode; detail: string; errors: FieldError[] } }
  | { failure: string };

/** Rows go across in batches: one message per row would cost more than the rows themselves. */
const batchSize = 1000;

const send = (message: ReadMessage) => parentPort?.postMessage(message);

parentPort?.once('message', async ({ file, plan }: ReadJob) => {
  try {
    let rows: ImportRow[] = [];
    for await (const row of readRows(file, plan)) {
      rows.push(row);
      if (rows.length === batchSize) {
        send({ rows });
        rows = [];
      }
    }
    if (rows.length) send({ rows });
    send({ done: true });
  } catch (error) {
    if (error instanceof AppError)
      send({ problem: { code: error.code, detail: error.message, errors: error.errors } });
    else send({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
