// Fails when the public entry would load the admin console or ECharts up front.
// Run after `vite build`: walks the entry's static imports in dist/.vite/manifest.json and
// looks both at the chunks' sources and at their contents (a shared chunk can carry a module
// whose name the manifest does not show).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const forbiddenSources = [/echarts/i, /EChartsView/, /src\/pages\/(admin|users|units|audit)\//];
// Strings only the chart library or the console contain.
const forbiddenContents = ['_echarts_instance_', 'admin-menu'];

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) {
  console.error('check-bundle: the manifest has no entry chunk');
  process.exit(1);
}

const problems = [];
for (const [entryKey] of entries) {
  const seen = new Set();
  const queue = [entryKey];
  while (queue.length > 0) {
    const key = queue.shift();
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) continue;
    const names = [key, chunk.src ?? '', chunk.name ?? ''];
    for (const pattern of forbiddenSources) {
      if (names.some((name) => pattern.test(name)))
        problems.push(`${chunk.file} (${key}) matches ${pattern}`);
    }
    const code = readFileSync(join(dist, chunk.file), 'utf8');
    for (const marker of forbiddenContents) {
      if (code.includes(marker)) problems.push(`${chunk.file} (${key}) contains "${marker}"`);
    }
    queue.push(...(chunk.imports ?? []));
  }
  console.log(`check-bundle: ${entryKey} loads ${seen.size} chunks up front`);
}

if (problems.length > 0) {
  console.error(`check-bundle: the entry statically loads code it must load lazily:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('check-bundle: ok, no ECharts and no admin pages in the entry');
