// The routing suggestion (企业点题 → 部门答题): how often the text engine's suggested department
// is the one the office chose, on the demo's year of requests, trained on the earlier routings
// and tested on the later ones. Prints the figures.
// Run: npx tsx --conditions=source bench/business/routing.ts
import { performance } from 'node:perf_hooks';
import { seededRandom } from '@qianxing/core/random';
import { requestText, trainRouting } from '../../packages/server/src/modules/business/routing-train.js';
import { demoDepartmentCodes } from '../../packages/server/src/modules/business/seed/demo-request-texts.js';
import { demoRequests } from '../../packages/server/src/modules/business/seed/demo-requests.js';

const categories = new Map(
  ['policy', 'approval', 'factors', 'finance', 'market', 'infrastructure', 'other'].map((c) => [
    c,
    { answerWorkdays: 5, rectifyWorkdays: 15 },
  ]),
);
const firms = Array.from({ length: 360 }, (_, i) => ({
  id: `F${i}`,
  town: ['城西街道', '濯水镇', '正阳街道'][i % 3]!,
}));
const departments = new Map(demoDepartmentCodes.map((c) => [c, c]));
const rows = demoRequests(
  seededRandom(20251009),
  { firms, departments, categories, today: '2026-11-30' },
  3000,
);
const routed = rows.requests.filter((r) => r.departmentId);

for (const share of [0.25, 0.5, 0.8]) {
  const cut = Math.floor(routed.length * share);
  const started = performance.now();
  const model = trainRouting(
    routed.slice(0, cut).map((r) => ({ text: requestText(r.title, r.body), label: r.departmentId! })),
  )!;
  const trainedMs = performance.now() - started;
  const test = routed.slice(cut);
  const kept = test.filter(
    (r) => model.predict(requestText(r.title, r.body)).label === r.departmentId,
  ).length;
  console.log(
    `trained on the first ${cut} routings (${Math.round(share * 100)} %) in ${trainedMs.toFixed(0)} ms; ` +
      `suggestion kept for ${kept} of the next ${test.length}: accuracy ${(kept / test.length).toFixed(3)}`,
  );
}
