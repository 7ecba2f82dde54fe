// Fails when a source file passes 400 lines: one idea per file, split before it grows past that.
// Generated files (their first line says so: the API client, data tables) are not counted.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const limit = 400;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter(
    (f) =>
      /\.(ts|tsx|mjs|js)$/.test(f) &&
      !f.endsWith('.d.ts') &&
      !f.includes('/drizzle/') &&
      f !== 'packages/web/src/api/schema.ts',
  );
const tooLong = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  if (text.startsWith('// Generated')) continue;
  const lines = text.split('\n').length;
  if (lines > limit) tooLong.push(`${file}: ${lines} lines (limit ${limit})`);
}
if (tooLong.length > 0) {
  console.error(`Files over ${limit} lines:\n${tooLong.join('\n')}`);
  process.exit(1);
}
