/**
 * Indexes one CSV file (columns id, text) for near-duplicate lookup in a process of its own, so
 * that another task's heap and garbage do not count, then times 2,000 queries (the first 200 as
 * warm-up) and prints one JSON line: build seconds and p50 / p99 of one query (run by run.ts).
 *
 *   npx tsx bench/text/lookup-file.ts FILE
 */
import { NearDuplicateIndex } from '../../packages/core/src/text/index.js';
import { readCsv } from './data.js';
import { percentile } from './metrics.js';

const rows = readCsv(process.argv[2]!);
const t0 = performance.now();
const index = NearDuplicateIndex.build(rows.map((r) => ({ id: r.id!, text: r.text! })));
const buildSeconds = Math.round(performance.now() - t0) / 1000;
// Queries: indexed texts with a small edit (a character dropped, one appended).
const times: number[] = [];
for (let i = 0; i < 2000; i++) {
  const text = `${rows[(i * 7919) % rows.length]!.text!.slice(1)}吧`;
  const s = performance.now();
  index.query(text);
  times.push(performance.now() - s);
}
const measured = times.slice(200).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    indexed: index.size,
    buildSeconds,
    queries: measured.length,
    p50ms: percentile(measured, 50),
    p99ms: percentile(measured, 99),
  }),
);
