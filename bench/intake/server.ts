import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliMode, repositoryRoot } from '../../packages/cli/src/test-support/cli-command.js';
import { scratchDatabase } from '../../packages/cli/src/test-support/scratch-db.js';
import {
  type ServeProcess,
  startServeProcess,
  whenServing,
} from '../../packages/cli/src/test-support/serve-process.js';

const postgresBase = process.env.DATABASE_URL || 'postgres://qx:qx@127.0.0.1:5432/qx_test';

/** Which server runs: the build when it is current, else the sources; BENCH_SERVER=tsx or =build forces one. */
export const serverMode = () => cliMode('BENCH_SERVER');

/** The real server as its own process on a fresh database of the given kind; `stop()` removes both. */
export async function startBenchServer(
  kind: 'pglite' | 'postgres',
  env: NodeJS.ProcessEnv = {},
  mode: 'build' | 'tsx' = 'tsx',
): Promise<ServeProcess & { databaseUrl: string | null }> {
  const scratch = kind === 'postgres' ? await scratchDatabase(postgresBase, 'qx_bench') : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'qx-bench-'));
  // After the server has exited: an embedded database with the full demo is large.
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  const fullEnv = { DATABASE_URL: scratch?.url ?? '', QIANXING_DATA_DIR: dataDir, ...env };
  // BENCH_NODE_ARGS passes flags to the server's node, e.g. `--cpu-prof --cpu-prof-dir=prof`.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  let server: ServeProcess;
  try {
    server = await startServeProcess(fullEnv, ['--demo'], { mode, nodeArgs, timeoutMs: 180_000 });
  } catch (error) {
    await scratch?.drop();
    await removeDataDir();
    throw error;
  }
  return {
    ...server,
    databaseUrl: scratch?.url ?? null,
    async stop() {
      await server.stop();
      await scratch?.drop();
      await removeDataDir();
    },
  };
}

/** The bare Hono + zod + one insert server (ceiling-server.ts) on the given PostgreSQL database. */
export function startCeilingServer(databaseUrl: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ceiling-server.ts')], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return whenServing(child, 60_000);
}
