// Fails when a source file passes 600 lines: one idea per file, split before it grows past that.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const limit = 600;
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
  let lines;
  try {
    lines = readFileSync(file, 'utf8').split('\n').length;
  } catch {
    continue;
  }
  if (lines > limit) tooLong.push(`${file}: ${lines} lines (limit ${limit})`);
}
if (tooLong.length > 0) {
  console.error(`Files over ${limit} lines:\n${tooLong.join('\n')}`);
  process.exit(1);
}
