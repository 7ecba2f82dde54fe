import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CampaignTextEngines } from './text-engines.js';
import type { TextRequest, TextResponse } from './text-worker.js';

type Engines = CampaignTextEngines;
type Op = TextRequest['op'];

/** Run from the TypeScript sources (tests, tsx), the worker needs the same loader as this thread. */
const fromSources = import.meta.url.endsWith('.ts');

/** Where tsx's register() lives, for a worker started from the sources. */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  // The package's ESM entry sits beside the CommonJS one that require() finds.
  return pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}
const workerUrl = new URL(`./text-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);

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
      worker.ref();
      worker.postMessage({ id, op, args } satisfies TextRequest);
    });
  }

  private start(): Worker {
    const worker = fromSources
      ? // A worker does not inherit the loader of tsx or vitest: it registers tsx itself first.
        new Worker(
          `import(${JSON.stringify(tsxApi())})
            .then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); })`,
          { eval: true, execArgv: ['--conditions=source'] },
        )
      : new Worker(workerUrl);
    this.generation++;
    worker.unref();
    worker.on('message', (message: TextResponse) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
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
