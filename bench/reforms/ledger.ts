// The roll-up as the server recomputes it on every read of the public summary: the ledger's
// lists, projects and 145 × 20 milestones read from the database, rolled up, shaped.
// Run: npx tsx --conditions=source bench/reforms/ledger.ts   (DATABASE_URL=… for PostgreSQL)
import { performance } from 'node:perf_hooks';
import { seededRandom } from '@qianxing/core/random';
import pino from 'pino';
import { reformsSummary } from '../../packages/server/src/modules/reforms/api.js';
import { reformMilestones, reformProjects } from '../../packages/server/src/modules/reforms/schema.js';
import { seedDemo } from '../../packages/server/src/seed/demo.js';
import { createTestDatabase } from '../../packages/server/src/test-support/db.js';

const ceilingMs = 50;
const runs = 15;
const perProject = 20;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const database = await createTestDatabase();
const db = database.db;
const log = pino({ level: 'silent' });
const sms = { name: 'none', send: async () => {} };
await seedDemo({ db, principal: null, log, sms }, { only: ['units', 'reforms'] });
// The demo's 4 to 8 milestones per project become 20, seeded, so the shape is the issue's.
const projects = await db.select().from(reformProjects);
await db.delete(reformMilestones);
const rand = seededRandom(20260715);
const rows = projects.flatMap((p) =>
  Array.from({ length: perProject }, (_, i) => ({
    projectId: p.id,
    sort: i,
    name: `节点 ${i + 1}`,
    weight: 1 + Math.floor(rand() * 5) / 2,
    dueDate: p.endDate,
    done: rand() < 0.5 ? 1 : rand() < 0.3 ? Math.round(rand() * 100) / 100 : 0,
  })),
);
for (let i = 0; i < rows.length; i += 500) await db.insert(reformMilestones).values(rows.slice(i, i + 500));
const backend = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (in memory)';
console.log(`${projects.length} projects, ${rows.length} milestones on ${backend}`);

const times: number[] = [];
let summary = await reformsSummary(db);
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  summary = await reformsSummary(db);
  times.push(performance.now() - start);
}
await database.close();
const figure = median(times);
console.log(`lists: ${summary.lists.map((l) => `${l.projects}:${l.percentDone.toFixed(2)}%`).join(' ')}`);
console.log(`read + roll-up + summary: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
console.log(
  `  median ${figure.toFixed(1)} ms, ${(figure / ceilingMs).toFixed(3)} of the ${ceilingMs} ms ceiling`,
);
console.log(
  JSON.stringify({
    bench: 'reforms-ledger',
    backend,
    projects: projects.length,
    milestones: rows.length,
    runs,
    summaryMsMedian: Number(figure.toFixed(2)),
    ceilingMs,
    ratioToCeiling: Number((figure / ceilingMs).toFixed(3)),
    withinCeiling: figure <= ceilingMs,
  }),
);
