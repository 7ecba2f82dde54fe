// Fails when the public entry would load the admin console, its texts, antd's configuration and
// style engine or ECharts up front.
// Run after `vite build`: walks the entry's static imports in dist/.vite/manifest.json and
// looks both at the chunks' sources and at their contents (a shared chunk can carry a module
// whose name the manifest does not show).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(web, 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const leaves = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(leaves));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

// The texts the public entry may carry (src/i18n/zh-CN/index.ts): the shell's and those of the
// pages phones open first. Restated here on purpose, so that adding a file to the entry is a
// choice made twice rather than an import slipped in.
const entryFiles = new Set([
  'auth.json',
  'common.json',
  'errors.json',
  'home.json',
  'ideas.json',
  'shell.json',
]);

/**
 * The texts that load with their pages: every other JSON file of src/i18n/<locale>/, with those
 * of its texts found in no entry file. They stand in the built code as written.
 */
function partTexts() {
  const parts = [];
  for (const locale of ['zh-CN', 'en']) {
    const dir = join(web, 'src', 'i18n', locale);
    const entryTexts = new Set([...entryFiles].flatMap((file) => leaves(readJson(join(dir, file)))));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !entryFiles.has(f))) {
      const own = new Set(leaves(readJson(join(dir, file))).filter((text) => !entryTexts.has(text)));
      // Short words ("Save", "删除") and texts the build escapes would match or miss by chance.
      const texts = [...own].filter((text) => text.length >= 4 && !/[`\\$\n]/.test(text));
      parts.push({ name: `${locale}/${file}`, texts });
    }
  }
  return parts;
}
const parts = partTexts();
// Ten parts (src/i18n/resources.ts, textParts) in each of the two languages.
if (parts.length < 20) {
  console.error(`check-bundle: found only ${parts.length} files of texts that load with their pages`);
  process.exit(1);
}

const forbiddenSources = [
  /echarts/i,
  /EChartsView/,
  /src\/pages\/(admin|users|units|audit|ideas\/admin)\//,
  /src\/components\/AntdScope/,
];
// Strings only the chart library, the console or antd's style engine (its `data-css-hash` attribute)
// contain: the public pages a citizen lands on are plain elements (components/AntdScope.tsx).
const forbiddenContents = ['_echarts_instance_', 'admin-menu', 'data-css-hash'];

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) {
  console.error('check-bundle: the manifest has no entry chunk');
  process.exit(1);
}

const problems = [];
for (const [entryKey] of entries) {
  const seen = new Set();
  let entryCode = '';
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
    entryCode += code;
    for (const marker of forbiddenContents) {
      if (code.includes(marker)) problems.push(`${chunk.file} (${key}) contains "${marker}"`);
    }
    queue.push(...(chunk.imports ?? []));
  }
  // A few texts of a page's file can match an entry text or antd's words by chance; a file that
  // came into the entry brings all of them.
  let most = 0;
  for (const { name, texts } of parts) {
    const found = texts.filter((text) => entryCode.includes(text)).length;
    most = Math.max(most, found / texts.length);
    if (found > texts.length / 2)
      problems.push(`${entryKey} carries the texts of src/i18n/${name} (${found} of ${texts.length})`);
  }
  console.log(
    `check-bundle: ${entryKey} loads ${seen.size} chunks up front, with at most ` +
      `${Math.round(most * 100)}% of the texts of a file that loads with its pages`,
  );
}

if (problems.length > 0) {
  console.error(`check-bundle: the entry statically loads code it must load lazily:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(
  'check-bundle: ok, no ECharts, no antd configuration, no admin pages and no console texts in the entry',
);
