// Recomputes the quarterly scorecards (季度晾晒) of the heavy case and prints the time.
// Run: npx tsx --conditions=source bench/targets/scorecards.ts
import { computeScorecards, scorecardInputSchema } from '@qianxing/core/scoring';
import { generateScorecardInput } from './generate-scorecards.js';

const shape = { units: 125, indicators: 308, quarters: 8, planShare: 1, missingShare: 0.03, seed: 20240101 };
const targetMs = 200;
const runs = 7;

function time<T>(f: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = f();
  return { ms: performance.now() - start, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const generated = time(() => generateScorecardInput(shape));
const input = generated.result;
const planItems = input.plans.length;
const actualRows = input.quarters.reduce((s, q) => s + q.actuals.length, 0);
console.log(
  `shape: ${shape.units} units × ${shape.indicators} indicators × ${shape.quarters} quarters; ` +
    `every unit plans every indicator: ${planItems} plan items, ${actualRows} reported values`,
);
console.log(`generated in ${generated.ms.toFixed(1)} ms (not part of the figure)`);

const parse = time(() => scorecardInputSchema.parse(input));
console.log(`zod validation of the whole input: ${parse.ms.toFixed(1)} ms (first run)`);

const computeTimes: number[] = [];
const endToEndTimes: number[] = [];
let itemResults = 0;
for (let run = 0; run < runs; run++) {
  const compute = time(() => computeScorecards(parse.result));
  computeTimes.push(compute.ms);
  itemResults = compute.result.quarters.reduce(
    (s, q) => s + q.units.reduce((t, u) => t + u.items.indicatorIds.length, 0),
    0,
  );
  endToEndTimes.push(time(() => computeScorecards(scorecardInputSchema.parse(input))).ms);
}
const computeMedian = median(computeTimes);
const endToEndMedian = median(endToEndTimes);
console.log(
  `recompute all ${shape.quarters} quarters incl. movement: ${computeTimes.map((t) => t.toFixed(1)).join(', ')} ms`,
);
console.log(
  `  median ${computeMedian.toFixed(1)} ms, first ${computeTimes[0]!.toFixed(1)} ms, target ≤ ${targetMs} ms`,
);
console.log(`validate + recompute: median ${endToEndMedian.toFixed(1)} ms`);
console.log(`item results per recomputation: ${itemResults}`);
console.log(
  JSON.stringify({
    bench: 'scorecards',
    units: shape.units,
    indicators: shape.indicators,
    quarters: shape.quarters,
    planItems,
    actualRows,
    runs,
    computeMsMedian: Number(computeMedian.toFixed(1)),
    computeMsFirst: Number(computeTimes[0]!.toFixed(1)),
    validateAndComputeMsMedian: Number(endToEndMedian.toFixed(1)),
    targetMs,
    withinTarget: computeMedian <= targetMs,
  }),
);
