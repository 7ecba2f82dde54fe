import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newest, repositoryRoot as root } from '../../packages/cli/src/test-support/cli-command.js';

const builtIndex = join(root, 'packages/web/dist/index.html');

/** Whether the web app's build is missing or older than its sources (or the core's it imports). */
function webBuildStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  const sources = ['packages/web/src', 'packages/core/src'].map((dir) => newest(join(root, dir)));
  return Math.max(...sources, statSync(join(root, 'packages/web/index.html')).mtimeMs) > built;
}

/**
 * Builds the web app when it is missing or stale, since the server serves the build: a stale one
 * would test yesterday's pages. The global setup calls it before any file starts, so the files'
 * own calls find it current and never build side by side.
 */
export function ensureWebBuilt() {
  if (!webBuildStale()) return;
  const r = spawnSync('npm', ['run', 'build', '-w', '@qianxing/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web app failed');
}
