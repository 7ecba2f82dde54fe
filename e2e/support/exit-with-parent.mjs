// Loaded into each browser test's server (node --import) so that no failure of a test leaves it
// running: the server ends when the process that started it is gone (a test worker that ended,
// crashed or was killed before it called stop()), and removes its own data folder as it exits.
import { rmSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

// Worker threads load this file too (they inherit --import): all of it is the main thread's. A
// worker's own 'exit' (a clustering job ends that way) removed the live database's folder.
if (isMainThread) endWithParent();

function endWithParent() {
  const dataDir = process.env.QX_E2E_DATA_DIR;
  if (dataDir) process.once('exit', () => rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 }));

  // Once asked to stop (by stop(), or below), the server's own shutdown runs; whatever holds it up,
  // the process is out within 15 s, through 'exit', so its folder goes too. A second SIGTERM, which
  // would otherwise end it at once without 'exit', only waits for the first.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on('SIGTERM', stop);

  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    if (stopping) return;
    // Orphaned: the server's own shutdown once it listens for it (beside this file's), else straight out.
    if (process.listenerCount('SIGTERM') > 1) process.kill(process.pid, 'SIGTERM');
    else process.exit(1);
  }, 250);
  watch.unref();
}
