/**
 * Groups one CSV file (columns id, text, and dup_group for --truth) in a process of its own, so
 * that neither another task's heap nor its garbage counts, and prints one JSON line: seconds, peak
 * RSS, clusters, and with --truth pair precision / recall / F1 against dup_group (run by run.ts).
 *
 *   npx tsx bench/text/group-file.ts FILE [--warm-up] [--truth]
 */
import { clusterTexts } from '../../packages/core/src/text/index.js';
import { readCsv } from './data.js';
import { pairScores } from './metrics.js';

const rows = readCsv(process.argv[2]!);
const items = rows.map((r) => ({ id: r.id!, text: r.text! }));
// The first 2,000 texts once, untimed, so that the timed run is compiled code (JIT).
if (process.argv.includes('--warm-up')) clusterTexts(items.slice(0, 2000));
const t0 = performance.now();
const clustering = clusterTexts(items);
const groupSeconds = (performance.now() - t0) / 1000;
const t1 = performance.now();
const summaries = clustering.summaries(2);
const summarySeconds = (performance.now() - t1) / 1000;
const byId = new Map(clustering.assignments().map((a) => [a.id, a.cluster]));
const truth = process.argv.includes('--truth')
  ? pairScores(
      items.map((it) => byId.get(it.id)!),
      rows.map((r) => r.dup_group!),
    )
  : {};
console.log(
  JSON.stringify({
    rows: rows.length,
    ...truth,
    groupSeconds: Math.round(groupSeconds * 100) / 100,
    clusters: new Set(byId.values()).size,
    summarySeconds: Math.round(summarySeconds * 100) / 100,
    summaries: summaries.length,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
