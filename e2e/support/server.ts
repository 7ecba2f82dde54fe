import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  demoPasswords,
  type ServeProcess,
  startServeProcess,
} from '../../packages/cli/src/test-support/serve-process.js';

const root = resolve(import.meta.dirname, '..', '..');

/** Builds the web app when it has not been built, since the server serves it. */
export function ensureWebBuilt() {
  if (existsSync(join(root, 'packages/web/dist/index.html'))) return;
  const r = spawnSync('npm', ['run', 'build', '-w', '@qianxing/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web app failed');
}

export interface E2eServer extends ServeProcess {
  accounts: Record<string, string>;
}

/** The real server on a fresh embedded database with the demo district and its passwords. */
export async function startE2eServer(extraEnv: Record<string, string> = {}): Promise<E2eServer> {
  ensureWebBuilt();
  const server = await startServeProcess({
    QIANXING_DATA_DIR: mkdtempSync(join(tmpdir(), 'qx-e2e-')),
    DATABASE_URL: '',
    ...extraEnv,
  });
  return { ...server, accounts: demoPasswords(server.output) };
}
