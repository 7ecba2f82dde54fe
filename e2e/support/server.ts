import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** Builds the web app when it has not been built, since the server serves it. */
export function ensureWebBuilt() {
  if (existsSync(join(root, 'packages/web/dist/index.html'))) return;
  const r = spawnSync('npm', ['run', 'build', '-w', '@qianxing/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web app failed');
}

export interface E2eServer {
  url: string;
  accounts: Record<string, string>;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the real server with node directly (so that stopping it by pid stops it), on a fresh
 * embedded database with the demo district, and reads the demo passwords it prints once.
 */
export async function startE2eServer(extraEnv: Record<string, string> = {}): Promise<E2eServer> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'qx-e2e-'));
  const child = spawn(
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
      env: { ...process.env, QIANXING_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/serving on (http:\/\/localhost:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  const accounts: Record<string, string> = {};
  for (const m of out.matchAll(/^\s+\S+\s+(\S+)\s+(\S{16})$/gm)) accounts[m[1]!] = m[2]!;
  return {
    url,
    accounts,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
