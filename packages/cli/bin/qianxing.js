#!/usr/bin/env node
// Runs the built CLI when it exists; in a checkout without a build, runs the TypeScript
// sources through tsx so that `npx qianxing` works straight after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const built = join(root, 'dist', 'main.js');
if (existsSync(built) && !process.env.QIANXING_FROM_SOURCE) {
  await import(pathToFileURL(built).href);
} else {
  const result = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(root, 'src', 'main.ts'), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}
