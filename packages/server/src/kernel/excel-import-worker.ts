import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { AppError, type ErrorCode, type FieldError } from '../errors.js';
import { type FileInMemory, type ImportRow, type ReadPlan, readRows } from './excel-import-parse.js';

/**
 * The import reader's thread: it reads one file, sends its rows in batches and is ended by the
 * event loop's side when done, past its time budget, or on any failure. Inflating and parsing a
 * workbook is seconds of CPU for a large one, and a malformed one may ask for a lot of memory: here
 * neither holds up other requests, and all of it goes when the thread ends.
 */
/** The file whole, or word that its bytes follow in chunks (an upload as it arrives). */
export type ReadJob = { plan: ReadPlan; file: FileInMemory } | { plan: ReadPlan; chunks: true };
export type ReadChunk = { chunk: Uint8Array } | { end: true };

export type ReadMessage =
  | { rows: ImportRow[] }
  | { done: true }
  | { problem: { code: ErrorCode; detail: string; errors: FieldError[] } }
  | { failure: string };

/** Rows go across in batches: one message per row would cost more than the rows themselves. */
const batchSize = 1000;

const send = (message: ReadMessage) => parentPort?.postMessage(message);

/**
 * On Linux a thread's nice value is its own (setpriority of 0 is the calling thread): the reader
 * gives way to the event loop's thread when both want the CPU. Elsewhere it would lower the whole
 * server, so it is left alone; and a system that refuses it only loses the courtesy.
 */
if (process.platform === 'linux')
  try {
    setPriority(0, 5);
  } catch {}

async function read(file: FileInMemory, plan: ReadPlan): Promise<void> {
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
}

parentPort?.once('message', (job: ReadJob) => {
  if ('file' in job) return void read(job.file, job.plan);
  const parts: Uint8Array[] = [];
  parentPort?.on('message', (message: ReadChunk) => {
    if ('chunk' in message) parts.push(message.chunk);
    else void read({ xlsx: Buffer.concat(parts) }, job.plan);
  });
});
