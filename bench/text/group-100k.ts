/** Groups the 100,000-row synthetic file and prints seconds and peak RSS as JSON (run by run.ts). */
import { clusterTexts } from '../../packages/core/src/text/index.js';
import { readCsv } from './data.js';

const rows = readCsv(process.argv[2]!);
const items = rows.map((r) => ({ id: r.id!, text: r.text! }));
const t0 = performance.now();
const clustering = clusterTexts(items);
const groupSeconds = (performance.now() - t0) / 1000;
const t1 = performance.now();
clustering.summaries(2);
const summarySeconds = (performance.now() - t1) / 1000;
console.log(
  JSON.stringify({
    groupSeconds: Math.round(groupSeconds * 100) / 100,
    summarySeconds: Math.round(summarySeconds * 100) / 100,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
