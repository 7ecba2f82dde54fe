import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..', '..');

export interface BenchServer {
  url: string;
  output: string;
  stop(): Promise<void>;
}

/** The real server as its own process (node directly), on a fresh database of the given kind. */
export async function startBenchServer(kind: 'pglite' | 'postgres'): Promise<BenchServer> {
  let databaseUrl = '';
  let dropDatabase = async () => {};
  if (kind === 'postgres') {
    const base = process.env.DATABASE_URL ?? 'postgres://qx:qx@127.0.0.1:5432/qx_test';
    const name = `qx_bench_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      join(root, 'packages/cli/src/main.ts'),
      'serve',
      '--demo',
      '--port',
      '0',
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        QIANXING_DATA_DIR: mkdtempSync(join(tmpdir(), 'qx-bench-')),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr!.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 120_000);
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = output.match(/serving on (http:\/\/localhost:\d+)/);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    });
  });
  return {
    url,
    output,
    async stop() {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      await dropDatabase();
    },
  };
}

export async function signIn(url: string, output: string, login = 'office') {
  const password = output.match(new RegExp(`\\s${login}\\s+(\\S{16})`))![1]!;
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}
