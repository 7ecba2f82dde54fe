import cluster, { type Worker } from 'node:cluster';

/**
 * The primary of `serve --workers N`: forks N server processes that share the port (Node's
 * cluster hands each new connection to the next worker) and one PostgreSQL. A worker that dies
 * is replaced; SIGINT or SIGTERM stops every worker (each drains its requests) and then exits.
 * Resolves with the port once every worker listens.
 */
export function runWorkers(count: number, onLog: (line: string) => void): Promise<number> {
  let stopping = false;
  const ports = new Map<number, number>();
  const started = new Set<number>();
  // Our own count of live workers: Node drops a worker from `cluster.workers` only once both its
  // 'exit' and its 'disconnect' have come, in either order, so at the last worker's 'exit' the
  // list may still hold it and the primary would wait forever.
  const live = new Set<number>();
  return new Promise<number>((resolve, reject) => {
    const fork = () => {
      const worker = cluster.fork();
      live.add(worker.id);
      worker.on('message', (message: { listening?: number }) => {
        if (typeof message?.listening !== 'number') return;
        ports.set(worker.id, message.listening);
        started.add(worker.id);
        if (ports.size === count) resolve(message.listening);
      });
    };
    cluster.on('exit', (worker: Worker, code, signal) => {
      ports.delete(worker.id);
      live.delete(worker.id);
      if (stopping) {
        if (live.size === 0) process.exit(0);
        return;
      }
      if (!started.has(worker.id)) {
        // A worker that never listened will not do better a second time.
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
        reject(new Error(`a server worker could not start (${signal ?? code})`));
        return;
      }
      onLog(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      fork();
    });
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      onLog(`received ${signal}, shutting down`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    for (let i = 0; i < count; i++) fork();
  });
}

/** In a worker: tells the primary the port it serves on. */
export function reportListening(port: number) {
  if (cluster.isWorker) process.send?.({ listening: port });
}
