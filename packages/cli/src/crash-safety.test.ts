import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

/**
 * Kill -9 while concurrent clients write: after a restart, every write that was acknowledged
 * with a 2xx must be there. Runs on the embedded database, and on PostgreSQL when DATABASE_URL
 * is set. The server runs as a real process, started with node directly and killed by its pid.
 */
const cliMain = join(dirname(fileURLToPath(import.meta.url)), 'main.ts');
const TOTAL = 2000;
const CLIENTS = 20;
const KILL_AFTER = 700;

interface Running {
  child: ChildProcess;
  url: string;
  output: string;
}

function start(env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', cliMain, 'serve', '--demo', '--port', '0'],
    {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 90_000);
    child.stderr!.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = output.match(/serving on (http:\/\/localhost:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
}

async function signIn(url: string, login: string, password: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

async function scenario(env: NodeJS.ProcessEnv) {
  const first = await start(env);
  const password = first.output.match(/office\s+(\S{16})/)![1]!;
  const auth = await signIn(first.url, 'office', password);
  const root = (
    (await (await fetch(`${first.url}/api/v1/units`)).json()) as Array<{ id: string; code: string }>
  ).find((u) => u.code === 'QJ')!.id;
  const acknowledged: string[] = [];
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (next < TOTAL && !killed) {
      const code = `CRASH-${next++}`;
      try {
        const res = await fetch(`${first.url}/api/v1/units`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf },
          body: JSON.stringify({ code, name: `压测单位${code}`, kind: 'other', parentId: root }),
        });
        if (res.status >= 200 && res.status < 300) acknowledged.push(code);
        await res.arrayBuffer();
      } catch {
        // Connection refused or reset once the server is gone: that write was never acknowledged.
      }
      if (acknowledged.length >= KILL_AFTER && !killed) {
        killed = true;
        process.kill(first.child.pid!, 'SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  if (!killed) process.kill(first.child.pid!, 'SIGKILL');
  await new Promise((resolve) =>
    first.child.exitCode !== null ? resolve(null) : first.child.once('exit', resolve),
  );

  const second = await start(env);
  try {
    const again = await signIn(second.url, 'office', password);
    const units = (await (await fetch(`${second.url}/api/v1/units`)).json()) as Array<{ code: string }>;
    const present = new Set(units.map((u) => u.code));
    const lost = acknowledged.filter((code) => !present.has(code));
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(lost).toEqual([]);
    // The audit events of those writes were committed with them, and are sealed after restart.
    await new Promise((r) => setTimeout(r, 2500));
    const chain = (await (
      await fetch(`${second.url}/api/v1/audit/chain`, { headers: { cookie: again.cookie } })
    ).json()) as { ok: boolean; unsealed: number; sealed: number };
    expect(chain.ok).toBe(true);
    expect(chain.sealed).toBeGreaterThanOrEqual(acknowledged.length);
    return { acknowledged: acknowledged.length, present: present.size };
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  }
}

describe('crash safety', () => {
  it('loses no acknowledged write on the embedded database after kill -9', { timeout: 300_000 }, async () => {
    const result = await scenario({
      QIANXING_DATA_DIR: mkdtempSync(join(tmpdir(), 'qx-crash-')),
      DATABASE_URL: '',
    });
    console.info(
      `PGlite: ${result.acknowledged} writes acknowledged before kill -9, all present after restart`,
    );
  });

  it.runIf(!!process.env.DATABASE_URL)(
    'loses no acknowledged write on PostgreSQL after kill -9',
    { timeout: 300_000 },
    async () => {
      const base = process.env.DATABASE_URL!;
      const name = `qx_crash_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      try {
        const result = await scenario({ DATABASE_URL: url.toString() });
        console.info(
          `PostgreSQL: ${result.acknowledged} writes acknowledged before kill -9, all present after restart`,
        );
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  );
});
