// Joint planning as the inspections module runs it: 1,000 firms × 8 departments × 3,000 planned
// inspections read from the database, planned with @qianxing/core/schedule and saved.
// Run: npx tsx --conditions=source bench/inspections/module.ts   (DATABASE_URL=… for PostgreSQL)
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import type { ServiceContext } from '../../packages/server/src/context.js';
import { listIndustries } from '../../packages/server/src/modules/business/queries/industries.js';
import { createPlan } from '../../packages/server/src/modules/inspections/commands/createPlan.js';
import { unitBriefs } from '../../packages/server/src/modules/units/api.js';
import { users } from '../../packages/server/src/modules/users/schema.js';
import { seedDemo } from '../../packages/server/src/seed/demo.js';
import { createTestDatabase } from '../../packages/server/src/test-support/db.js';
import { generateInspections } from './generate.js';
import { seedPlanned } from './module-seed.js';

const ceilingSeconds = 10;
const seed = Number(process.argv[2] ?? 20250301);
const database = await createTestDatabase();
const db = database.db;
const log = pino({ level: 'silent' });
const sms = { name: 'none', send: async () => {} };
await seedDemo({ db, principal: null, log, sms }, { only: ['units', 'users'] });
await listIndustries(db); // fills the industry list the firms name
const all = await unitBriefs(db);
const departments = all.filter((u) => u.kind === 'department').sort((a, b) => a.code.localeCompare(b.code));
const town = all.find((u) => ['subdistrict', 'town', 'township'].includes(u.kind))!;
const root = all.reduce((a, b) => (a.path.length <= b.path.length ? a : b));
const input = generateInspections({ seed });
const seeded = await seedPlanned(db, input, departments.slice(0, 8), town.id);
const [office] = await db.select().from(users).limit(1);
const ctx: ServiceContext = {
  db,
  log,
  sms,
  principal: {
    userId: office!.id,
    login: office!.login,
    displayName: office!.displayName,
    grants: [{ role: 'admin', unitId: root.id, unitPath: root.path }],
    sessionId: 'bench',
    csrfToken: 'bench',
    mustChangePassword: false,
  },
};
const backend = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (in memory)';
console.log(
  `seed ${seed} on ${backend}: ${seeded.firms} firms, ${departments.slice(0, 8).length} departments, ` +
    `${input.tasks.length} planned inspections in ${seeded.tasks} drawn tasks, ${seeded.inspectors} inspectors (seeding not timed)`,
);

const start = performance.now();
const plan = await createPlan(ctx, {
  periodStart: input.period.start,
  periodEnd: input.period.end,
  maxHoursPerVisit: input.maxHoursPerVisit,
  inspectorsPerVisit: input.inspectorsPerVisit ?? 2,
  capacityPerDay: 2,
});
const seconds = (performance.now() - start) / 1000;
await database.close();
const f = plan.figures;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const rows: [string, string][] = [
  [
    'read, plan, save and read back',
    `${seconds.toFixed(2)} s (${(seconds / ceilingSeconds).toFixed(3)} of the ${ceilingSeconds} s ceiling)`,
  ],
  ['planned inspections booked / not', `${f.planned} / ${f.unplanned}`],
  ['visits', String(f.visits)],
  ['lower bound', String(f.lowerBound)],
  ['visits over the lower bound', `${f.overLowerBound} (${pct(f.overLowerBound / f.lowerBound)})`],
  ['separate visits replaced', String(f.separateVisits)],
  ['saving', `${f.saving} (${pct(f.saving / f.separateVisits)})`],
];
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
console.log(
  JSON.stringify({
    bench: 'inspections-module-plan',
    backend,
    seed,
    firms: seeded.firms,
    plannedInspections: input.tasks.length,
    seconds: Number(seconds.toFixed(3)),
    ceilingSeconds,
    ratioToCeiling: Number((seconds / ceilingSeconds).toFixed(4)),
    withinCeiling: seconds <= ceilingSeconds,
    visits: f.visits,
    lowerBound: f.lowerBound,
    overLowerBound: f.overLowerBound,
    separateVisits: f.separateVisits,
    unplanned: f.unplanned,
  }),
);
