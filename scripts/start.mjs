// `npm start`: builds whatever is missing or older than its sources, then serves the platform
// with the demo district on the embedded database (or on DATABASE_URL when set).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const packages = [
  { name: '@qianxing/core', dir: 'packages/core', output: 'packages/core/dist' },
  { name: '@qianxing/server', dir: 'packages/server', output: 'packages/server/dist' },
  { name: '@qianxing/cli', dir: 'packages/cli', output: 'packages/cli/dist' },
  { name: '@qianxing/web', dir: 'packages/web', output: 'packages/web/dist' },
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

let rebuiltUpstream = false;
for (const pkg of packages) {
  const built = existsSync(pkg.output) ? statSync(pkg.output).mtimeMs : 0;
  const stale = !built || rebuiltUpstream || newest(join(pkg.dir, 'src')) > built;
  if (!stale) continue;
  console.log(`building ${pkg.name} …`);
  const result = spawnSync('npm', ['run', 'build', '-w', pkg.name], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // A rebuild rewrites files without always touching the folder: stamp it for the next check.
  const now = new Date();
  utimesSync(pkg.output, now, now);
  rebuiltUpstream = true;
}

const server = spawnSync(
  process.execPath,
  ['packages/cli/dist/main.js', 'serve', '--demo', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(server.status ?? 1);
