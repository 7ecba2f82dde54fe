import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ServeProcess, startServeProcess } from '../../packages/cli/src/test-support/serve-process.js';

const exitWithParent = pathToFileURL(join(import.meta.dirname, 'exit-with-parent.mjs')).href;

/** The servers this process started and has not yet seen exit. */
const running = new Set<ChildProcess>();
let ending = false;

/** How long `stop()` waits for the server's own shutdown before it kills the process. */
const stopWaitMs = 20_000;

const exited = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
  });

/**
 * `qianxing serve` on `dataDir` that no failure of a test can leave running: the server ends by
 * itself once this process is gone (however it ended: `exit-with-parent.mjs`) and removes the
 * data folder as it exits; this process ends any server still running as it exits; and `stop()`
 * kills a server whose shutdown does not finish in 20 s. A failing test may therefore skip
 * `stop()` (a throw before it, a browser that fails to close first in `afterAll`, a start still
 * under way when its hook timed out) without leaving a process behind.
 */
export async function startOwnedServer(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = ['--demo'],
): Promise<ServeProcess> {
  if (!ending) {
    ending = true;
    process.once('exit', () => {
      for (const child of running) child.kill('SIGTERM');
    });
  }
  const server = await startServeProcess(
    { QIANXING_DATA_DIR: dataDir, DATABASE_URL: '', QX_E2E_DATA_DIR: dataDir, ...env },
    args,
    { nodeArgs: ['--import', exitWithParent] },
  );
  const { child } = server;
  running.add(child);
  void exited(child).then(() => running.delete(child));
  return {
    ...server,
    async stop() {
      const late = setTimeout(() => child.kill('SIGKILL'), stopWaitMs);
      try {
        await Promise.all([server.stop(), exited(child)]);
      } finally {
        clearTimeout(late);
      }
    },
  };
}
