// The department scorecard (黔诚无忧) for twelve months of requests; prints the times.
// Run: npx tsx --conditions=source bench/business/run.ts
import { performance } from 'node:perf_hooks';
import { departmentScorecard, departmentScorecards } from '@qianxing/core/business';
import { generateRequests, twelveMonths } from './generate.js';

const shape = {
  requests: 20_000,
  departments: 40,
  firstMonth: '2025-01',
  deadlineWorkdays: 5,
  seed: 20251001,
};
const ceilingMs = 200;
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

const generated = time(() => generateRequests(shape));
const input = generated.result;
const months = twelveMonths(shape.firstMonth);
console.log(
  `${input.requests.length} requests, ${shape.departments} departments, months ${months[0]} to ${months[11]}, ` +
    `${shape.deadlineWorkdays} working days to answer (generated in ${generated.ms.toFixed(1)} ms, not timed)`,
);

// The server's way: validate once, one due date per receipt date, then each month's own requests.
const together: number[] = [];
const togetherCpu: number[] = [];
// The command's way: each month a whole scorecard, validation and due dates included.
const oneByOne: number[] = [];
let counted = 0;
for (let run = 0; run < runs; run++) {
  const many = time(() => departmentScorecards(input, months));
  together.push(many.ms);
  togetherCpu.push(many.cpuMs);
  counted = many.result.reduce((s, c) => s + c.departments.reduce((t, d) => t + d.requests, 0), 0);
  oneByOne.push(time(() => months.map((month) => departmentScorecard({ ...input, month }))).ms);
}
const figure = median(together);
const perMonth = median(oneByOne);
console.log(`requests due within the twelve months: ${counted}`);
console.log(`12 months with departmentScorecards: ${together.map((t) => t.toFixed(1)).join(', ')} ms`);
console.log(
  `  median ${figure.toFixed(1)} ms, ${(figure / ceilingMs).toFixed(3)} of the ${ceilingMs} ms ceiling`,
);
console.log(
  `  CPU time of the same runs: ${togetherCpu.map((t) => t.toFixed(1)).join(', ')} ms, ` +
    `median ${median(togetherCpu).toFixed(1)} ms`,
);
console.log(`12 calls of departmentScorecard: ${oneByOne.map((t) => t.toFixed(1)).join(', ')} ms`);
console.log(`  median ${perMonth.toFixed(1)} ms, ${(perMonth / ceilingMs).toFixed(3)} of the ceiling`);
console.log(
  JSON.stringify({
    bench: 'business-scorecard',
    requests: input.requests.length,
    departments: shape.departments,
    months: months.length,
    runs,
    twelveMonthsMsMedian: Number(figure.toFixed(1)),
    twelveMonthsMsFirst: Number(together[0]!.toFixed(1)),
    twelveMonthsCpuMsMedian: Number(median(togetherCpu).toFixed(1)),
    twelveSeparateCallsMsMedian: Number(perMonth.toFixed(1)),
    ceilingMs,
    ratioToCeiling: Number((figure / ceilingMs).toFixed(3)),
    withinCeiling: figure <= ceilingMs,
  }),
);
