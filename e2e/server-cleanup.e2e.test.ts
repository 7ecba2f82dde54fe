import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../packages/cli/src/test-support/cli-command.js';

/** Whether the process runs: a zombie nobody has reaped yet has ended. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Runs the fixture worker and answers its server's pid and data folder once it serves. */
function startWorker(mode: 'throw' | 'wait') {
  const worker = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'support', 'orphan-fixture.ts'), mode],
    {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return new Promise<{ worker: typeof worker; pid: number; dir: string }>((resolve, reject) => {
    let out = '';
    worker.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ worker, ...(JSON.parse(line) as { pid: number; dir: string }) });
    });
    worker.once('exit', (code) => {
      if (!out.includes('{')) reject(new Error(`the worker exited with ${code} before its server served`));
    });
  });
}

describe('a browser test’s server', () => {
  it.each([
    ['a worker that throws before stop()', 'throw' as const],
    ['a worker killed outright before stop()', 'wait' as const],
  ])('ends, and removes its data folder, after %s', async (_, mode) => {
    const { worker, pid, dir } = await startWorker(mode);
    try {
      if (mode === 'wait') worker.kill('SIGKILL');
      await expect.poll(() => running(pid), { timeout: 30_000, interval: 200 }).toBe(false);
      await expect.poll(() => existsSync(dir), { timeout: 10_000, interval: 200 }).toBe(false);
    } finally {
      worker.kill('SIGKILL');
      if (running(pid)) process.kill(pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
