import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type ServeProcess, startServeProcess } from '../../packages/cli/src/test-support/serve-process.js';

/** A scratch PostgreSQL database for one run, dropped afterwards. */
export async function scratchDatabase(
  base = process.env.DATABASE_URL || 'postgres://qx:qx@127.0.0.1:5432/qx_test',
) {
  const name = `qx_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The real server as its own process on a fresh database of the given kind. */
export async function startBenchServer(kind: 'pglite' | 'postgres'): Promise<ServeProcess> {
  const scratch = kind === 'postgres' ? await scratchDatabase() : null;
  const server = await startServeProcess({
    DATABASE_URL: scratch?.url ?? '',
    QIANXING_DATA_DIR: mkdtempSync(join(tmpdir(), 'qx-bench-')),
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      await scratch?.drop();
    },
  };
}
