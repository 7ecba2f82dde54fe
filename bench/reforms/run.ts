// The reform ledger's roll-up (145 projects × 20 milestones) recomputed; prints the times.
// Run: npx tsx --conditions=source bench/reforms/run.ts
import { performance } from 'node:perf_hooks';
import { rollUp } from '@qianxing/core/reforms';
import { generateLedger } from './generate.js';

const shape = { lists: [68, 57, 20], milestonesPerProject: 20, seed: 20260715 };
const ceilingMs = 50;
const runs = 7;

/** Wall-clock time, and the CPU time of this process (less sensitive to a busy machine). */
function time<T>(f: () => T): { ms: number; cpuMs: number; result: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = f();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const generated = time(() => generateLedger(shape));
const input = generated.result;
console.log(
  `${input.projects.length} projects on ${input.listIds.length} lists, ${input.milestones.length} milestones ` +
    `(generated in ${generated.ms.toFixed(1)} ms, not timed)`,
);

const wall: number[] = [];
const cpu: number[] = [];
let lists = '';
for (let run = 0; run < runs; run++) {
  const t = time(() => rollUp(input));
  wall.push(t.ms);
  cpu.push(t.cpuMs);
  lists = [...t.result.lists.values()]
    .map((l) => `${l.projects}:${(100 * l.progress).toFixed(2)}%`)
    .join(' ');
}
const figure = median(wall);
console.log(`lists (projects:percent done): ${lists}`);
console.log(`roll-up: ${wall.map((t) => t.toFixed(2)).join(', ')} ms`);
console.log(
  `  median ${figure.toFixed(2)} ms, ${(figure / ceilingMs).toFixed(4)} of the ${ceilingMs} ms ceiling`,
);
console.log(`  CPU time of the same runs: median ${median(cpu).toFixed(2)} ms`);
console.log(
  JSON.stringify({
    bench: 'reforms-rollup',
    projects: input.projects.length,
    milestones: input.milestones.length,
    runs,
    rollUpMsMedian: Number(figure.toFixed(3)),
    rollUpMsFirst: Number(wall[0]!.toFixed(3)),
    rollUpCpuMsMedian: Number(median(cpu).toFixed(3)),
    ceilingMs,
    ratioToCeiling: Number((figure / ceilingMs).toFixed(4)),
    withinCeiling: figure <= ceilingMs,
  }),
);
