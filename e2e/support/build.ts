import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** Builds the web app when it has not been built, since the server serves it. */
export function ensureWebBuilt() {
  if (existsSync(join(root, 'packages/web/dist/index.html'))) return;
  const r = spawnSync('npm', ['run', 'build', '-w', '@qianxing/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web app failed');
}
