import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { demoTemplate } from '@qianxing/server/test-support/demo-template';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { scratchDatabase } from '../test-support/scratch-db.js';
import { startServeProcess } from '../test-support/serve-process.js';

/** The pids of a process's children. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

async function until(check: () => boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const dataDirs = tempFolders('qx-workers-');

describe('serve --workers', () => {
  it('refuses several workers on the embedded database, with exit code 2', () => {
    const result = runCli(['serve', '--workers', '2'], {
      env: { DATABASE_URL: '', QIANXING_DATA_DIR: dataDirs() },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL');
  });

  it('refuses a number of workers that is not one', () => {
    const result = runCli(['serve', '--workers', 'many'], { env: { DATABASE_URL: '' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('workers');
  });

  // PostgreSQL only: the embedded database allows one process. The CI script provides it.
  it.runIf(!!process.env.DATABASE_URL)(
    'serves from two processes on PostgreSQL, replaces one that dies and stops them all',
    { timeout: 240_000 },
    async () => {
      // A copy of the run's seeded demo district: `--demo` finds it seeded, as at a restart.
      const demo = await demoTemplate();
      const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'qx_workers', demo?.name);
      try {
        const server = await startServeProcess({ DATABASE_URL: scratch.url }, ['--demo', '--workers', '2']);
        const primary = server.child.pid!;
        expect(server.output).toContain('2 workers');
        const workers = childrenOf(primary);
        expect(workers).toHaveLength(2);
        // New connections go to the workers in turn; every one of them answers.
        const statuses = await Promise.all(
          Array.from({ length: 8 }, async () => {
            const res = await fetch(`${server.url}/api/v1/public/stats`, {
              headers: { connection: 'close' },
            });
            await res.arrayBuffer();
            return res.status;
          }),
        );
        expect(statuses).toEqual(Array(8).fill(200));

        process.kill(workers[0]!, 'SIGKILL');
        await until(() => {
          const now = childrenOf(primary);
          return now.length === 2 && !now.includes(workers[0]!);
        });
        const res = await fetch(`${server.url}/api/v1/public/stats`, { headers: { connection: 'close' } });
        expect(res.status).toBe(200);
        await res.arrayBuffer();

        const left = childrenOf(primary);
        await server.stop();
        expect(server.child.exitCode).toBe(0);
        expect(left.flatMap((pid) => childrenOf(pid)).length + left.filter((pid) => alive(pid)).length).toBe(
          0,
        );
      } finally {
        await scratch.drop();
      }
    },
  );

  it.runIf(!!process.env.DATABASE_URL)(
    'gathers the metrics of every worker on the primary’s metrics listener',
    { timeout: 240_000 },
    async () => {
      const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'qx_metrics');
      try {
        const metricsPort = await freePort();
        const server = await startServeProcess(
          { DATABASE_URL: scratch.url, QIANXING_METRICS_LISTEN: `127.0.0.1:${metricsPort}` },
          ['--workers', '2'],
        );
        try {
          // The primary opens the metrics listener once its workers serve.
          const scrape = () =>
            fetch(`http://127.0.0.1:${metricsPort}/metrics`, { signal: AbortSignal.timeout(30_000) });
          for (
            let tries = 0;
            !(await scrape().then(
              (r) => r.ok,
              () => false,
            ));
            tries++
          ) {
            if (tries > 100) throw new Error('no metrics listener');
            await new Promise((r) => setTimeout(r, 100));
          }
          // New connections go to the workers in turn, so both count some of these.
          for (let i = 0; i < 6; i++) {
            const res = await fetch(`${server.url}/api/health`, {
              headers: { connection: 'close' },
              signal: AbortSignal.timeout(30_000),
            });
            expect(res.status).toBe(200);
            await res.arrayBuffer();
          }
          const res = await scrape();
          expect(res.status).toBe(200);
          const text = await res.text();
          expect(text).toContain(
            'qianxing_http_requests_total{method="GET",route="/api/health",status="200"} 6',
          );
          expect(text).toMatch(/^qianxing_db_pool_connections\{state="total"\} [1-9]/m);
          // The public port does not serve them.
          expect(
            await (await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(30_000) })).text(),
          ).not.toContain('qianxing_http');
        } finally {
          await server.stop();
        }
      } finally {
        await scratch.drop();
      }
    },
  );
});

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
