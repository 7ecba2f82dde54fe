import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const builtMain = join(root, 'packages', 'cli', 'dist', 'main.js');
const sourceMain = join(root, 'packages', 'cli', 'src', 'main.ts');
const builtPackages = ['core', 'server', 'cli'];

/** The newest modification time of the files under `dir` that go into the build. */
export function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test-support') latest = Math.max(latest, newest(path));
    } else if (!/\.test\.tsx?$/.test(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

export type CliMode = 'build' | 'tsx';

/**
 * Which `qianxing` a test or benchmark runs: the build (`packages/{core,server,cli}/dist`) when
 * it exists and is not older than their sources (tests left out), else the TypeScript sources
 * through tsx. Both are the same program; the build starts about two seconds sooner, which the
 * suite's hundred-odd processes add up to minutes. A stale build is never run: what is tested is
 * what is in the sources. QIANXING_CLI=tsx or =build forces one (or the variable `setting` names).
 */
export function cliMode(setting = 'QIANXING_CLI'): { mode: CliMode; why: string } {
  const forced = process.env[setting];
  if (forced === 'tsx') return { mode: 'tsx', why: `${setting}=tsx` };
  const dists = builtPackages.map((p) => join(root, 'packages', p, 'dist'));
  if (!existsSync(builtMain) || dists.some((d) => !existsSync(d))) {
    if (forced === 'build') throw new Error(`${setting}=build but there is no build: run npm run build`);
    return { mode: 'tsx', why: 'no build found' };
  }
  if (forced === 'build') return { mode: 'build', why: `${setting}=build` };
  const sources = Math.max(...builtPackages.map((p) => newest(join(root, 'packages', p, 'src'))));
  const built = Math.min(...dists.map(newest));
  return built >= sources
    ? { mode: 'build', why: 'build is current' }
    : { mode: 'tsx', why: 'build is stale' };
}

let decided: CliMode | undefined;

/** Node's arguments that start `qianxing` (before its own), decided once per process. */
export function cliArgs(mode?: CliMode): string[] {
  if (!mode) {
    decided ??= cliMode().mode;
    mode = decided;
  }
  return mode === 'build' ? [builtMain] : ['--conditions=source', '--import', 'tsx', sourceMain];
}

export const repositoryRoot = root;
