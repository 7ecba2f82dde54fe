import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchDatabase } from '../../packages/cli/src/test-support/scratch-db.js';
import {
  type ServeProcess,
  startServeProcess,
  whenServing,
} from '../../packages/cli/src/test-support/serve-process.js';

const root = join(import.meta.dirname, '..', '..');
const builtMain = join(root, 'packages', 'cli', 'dist', 'main.js');

const postgresBase = process.env.DATABASE_URL || 'postgres://qx:qx@127.0.0.1:5432/qx_test';

/** The newest modification time of the files under `dir` that go into the build. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test-support') latest = Math.max(latest, newest(path));
    } else if (!entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Which server runs: the build (`packages/*\/dist`) when it exists and is not older than the
 * sources of core, server and cli (tests left out), else the TypeScript sources through tsx.
 * BENCH_SERVER=tsx or =build forces one.
 */
export function serverMode(): { mode: 'build' | 'tsx'; why: string } {
  const forced = process.env.BENCH_SERVER;
  if (forced === 'tsx') return { mode: 'tsx', why: 'BENCH_SERVER=tsx' };
  const dists = ['core', 'server', 'cli'].map((p) => join(root, 'packages', p, 'dist'));
  if (!existsSync(builtMain) || dists.some((d) => !existsSync(d))) {
    if (forced === 'build') throw new Error('BENCH_SERVER=build but there is no build: run npm run build');
    return { mode: 'tsx', why: 'no build found' };
  }
  const sources = Math.max(...['core', 'server', 'cli'].map((p) => newest(join(root, 'packages', p, 'src'))));
  const built = Math.min(...dists.map(newest));
  if (forced === 'build') return { mode: 'build', why: 'BENCH_SERVER=build' };
  return built >= sources
    ? { mode: 'build', why: 'build is current' }
    : { mode: 'tsx', why: 'build is stale' };
}

/** `node packages/cli/dist/main.js serve --demo`, resolved once it serves. */
function startBuiltServer(env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  // BENCH_NODE_ARGS passes flags to the server's node, e.g. `--cpu-prof --cpu-prof-dir=prof`.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, builtMain, 'serve', '--port', '0', '--demo'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return whenServing(child, 180_000);
}

/** The real server as its own process on a fresh database of the given kind. */
export async function startBenchServer(
  kind: 'pglite' | 'postgres',
  env: NodeJS.ProcessEnv = {},
  mode: 'build' | 'tsx' = 'tsx',
): Promise<ServeProcess & { databaseUrl: string | null }> {
  const scratch = kind === 'postgres' ? await scratchDatabase(postgresBase, 'qx_bench') : null;
  const fullEnv = {
    DATABASE_URL: scratch?.url ?? '',
    QIANXING_DATA_DIR: mkdtempSync(join(tmpdir(), 'qx-bench-')),
    ...env,
  };
  let server: ServeProcess;
  try {
    server = await (mode === 'build' ? startBuiltServer(fullEnv) : startServeProcess(fullEnv));
  } catch (error) {
    await scratch?.drop();
    throw error;
  }
  return {
    ...server,
    databaseUrl: scratch?.url ?? null,
    async stop() {
      await server.stop();
      await scratch?.drop();
    },
  };
}

/** The bare Hono + zod + one insert server (ceiling-server.ts) on the given PostgreSQL database. */
export function startCeilingServer(databaseUrl: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ceiling-server.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return whenServing(child, 60_000);
}
