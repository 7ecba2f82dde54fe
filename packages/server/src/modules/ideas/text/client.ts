import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../../kernel/worker-thread.js';
import { textWorkerQueue } from '../../../metrics/process.js';
import type { CampaignTextEngines } from './engines.js';
import type { TextRequest, TextResponse } from './worker.js';

type Engines = CampaignTextEngines;
type Op = TextRequest['op'];

/**
 * The event loop's side of the text worker: each call is a message, answered in order. The
 * worker starts on first use; if it dies, the calls waiting on it fail and the next call starts
 * a new one, whose `liveGeneration` tells callers that every campaign must be built again.
 */
export class TextWorkerClient {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private generation = 0;

  /** Which worker is running (each new one counts up), or -1 when none is. */
  get liveGeneration(): number {
    return this.worker ? this.generation : -1;
  }

  call<K extends Op>(op: K, ...args: Parameters<Engines[K]>): Promise<ReturnType<Engines[K]>> {
    const worker = this.worker ?? this.start();
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      textWorkerQueue.inc();
      worker.ref();
      worker.postMessage({ id, op, args } satisfies TextRequest);
    });
  }

  private start(): Worker {
    const worker = startWorker(import.meta.url, 'worker');
    this.generation++;
    worker.unref();
    worker.on('message', (message: TextResponse) => {
      const waiting = this.pending.get(message.id);
      if (this.pending.delete(message.id)) textWorkerQueue.dec();
      // Idle, the worker must not keep the process alive.
      if (this.pending.size === 0) worker.unref();
      if (!waiting) return;
      if ('error' in message) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the text worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** The worker is gone: the calls waiting on it fail, and the next call starts another. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const p of this.pending.values()) p.reject(error);
    textWorkerQueue.dec(this.pending.size);
    this.pending.clear();
  }

  /** Ends the worker; calls still waiting on it fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.lost(worker, new Error('the text worker was closed'));
    await worker.terminate();
  }
}
