import { type Random, seededRandom } from '@qianxing/core/random';
import { sql } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { type Tx, transaction } from '../../../db/transaction.js';
import { unitBriefs } from '../../units/api.js';
import { reportDeadline } from '../queries/deadline.js';
import {
  reformLists,
  reformMilestones,
  reformProjects,
  reformProjectUnits,
  reformReportItems,
  reformReports,
} from '../schema.js';
import { seedAdoptionDemo } from './demo-adoption.js';
import { seedBattlesDemo } from './demo-battle-seed.js';
import { demoLists, demoProjects, milestoneSteps } from './demo-data.js';
import { seedStudyDemo } from './demo-study-seed.js';

/** The day the demo's progress stands at: milestones due before it are mostly done. */
const asOf = '2026-11-30';
const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, n: number) => day(new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000));
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const sources = { N: 'national', M: 'municipal', L: 'local' } as const;
const pilotLevels = { N: 'national', M: 'municipal' } as const;
const pilotStatuses = { U: 'underway', A: 'applying' } as const;

type Project = typeof reformProjects.$inferInsert & { id: string };
type Milestone = typeof reformMilestones.$inferInsert & { id: string; done: number };

/** How much of a milestone the demo shows done: most of the past, a little of the future. */
function doneShare(rand: Random, dueDate: string): number {
  const r = rand();
  // About one project in five ends up behind, as in a district's real ledger.
  if (dueDate <= asOf) return r < 0.94 ? 1 : r < 0.985 ? Math.round((0.3 + rand() * 0.5) * 10) / 10 : 0;
  return r < 0.06 ? 1 : r < 0.2 ? Math.round((0.2 + rand() * 0.4) * 10) / 10 : 0;
}

function projectsOf(rand: Random, listIds: Record<string, string>, unitIds: Map<string, string>) {
  const departments = [...unitIds.entries()].filter(([code]) => code.startsWith('QJ-D')).map(([, id]) => id);
  const projects: Project[] = [];
  const coUnits: Array<{ projectId: string; unitId: string }> = [];
  for (const list of demoLists)
    demoProjects[list.code].forEach((line, k) => {
      const [lead, name, source, pilot] = line.split('|') as [string, string, 'N' | 'M' | 'L', string];
      const start = addDays('2024-01-01', Math.floor(rand() * 900));
      const end = addDays(start, 365 + Math.floor(rand() * 500));
      const p: Project = {
        id: crypto.randomUUID(),
        code: `QJGG-${list.code}${String(k + 1).padStart(3, '0')}`,
        name,
        listId: listIds[list.code]!,
        source: sources[source],
        leadUnitId: unitIds.get(lead)!,
        startDate: start,
        endDate: end,
        goal: `${name}取得实质性进展，形成可复制推广的制度成果。`,
        pilotLevel: pilot ? pilotLevels[pilot[0] as 'N' | 'M'] : null,
        pilotStatus: pilot ? pilotStatuses[pilot[1] as 'U' | 'A'] : null,
        isDemo: true,
      };
      projects.push(p);
      const helpers = new Set<string>();
      for (let i = Math.floor(rand() * 3); i > 0; i--)
        helpers.add(departments[Math.floor(rand() * departments.length)]!);
      helpers.delete(p.leadUnitId);
      for (const unitId of helpers) coUnits.push({ projectId: p.id, unitId });
    });
  return { projects, coUnits };
}

function milestonesOf(rand: Random, p: Project): Milestone[] {
  const n = 4 + Math.floor(rand() * 5);
  const span = daysBetween(p.startDate, p.endDate);
  return milestoneSteps.slice(0, n).map((name, i) => {
    const dueDate = addDays(p.startDate, Math.round((span * (i + 1)) / n));
    return {
      id: crypto.randomUUID(),
      projectId: p.id,
      sort: i,
      name,
      weight: [1, 1, 2, 2, 3][Math.floor(rand() * 5)]!,
      dueDate,
      done: doneShare(rand, dueDate),
    };
  });
}

/**
 * Monthly reports of the demo: October's approved for a quarter of the projects running then, and
 * November's submitted and awaiting the reform office for some of them, proposing the next
 * milestone done.
 */
async function seedReports(tx: Tx, rand: Random, projects: Project[], milestones: Map<string, Milestone[]>) {
  const running = projects.filter((p) => p.startDate <= '2026-10-01' && p.endDate >= '2026-11-30');
  for (const p of running) {
    if (rand() > 0.25) continue;
    const ms = milestones.get(p.id)!;
    const [oct] = await tx
      .insert(reformReports)
      .values({
        projectId: p.id,
        period: '2026-10',
        status: 'approved',
        deadline: reportDeadline('2026-10'),
        summary: '按计划推进，本月完成既定节点任务。',
        submittedAt: new Date('2026-11-05T02:00:00Z'),
        reviewedAt: new Date('2026-11-07T02:00:00Z'),
        isDemo: true,
      })
      .returning();
    const reported = ms.filter((m) => m.done > 0 && m.dueDate <= '2026-10-31');
    if (reported.length)
      await tx
        .insert(reformReportItems)
        .values(reported.map((m) => ({ reportId: oct!.id, milestoneId: m.id, done: m.done })));
    const next = ms.find((m) => m.done < 1);
    if (!next || rand() > 0.5) continue;
    const [nov] = await tx
      .insert(reformReports)
      .values({
        projectId: p.id,
        period: '2026-11',
        status: 'submitted',
        deadline: reportDeadline('2026-11'),
        summary: `${next.name}已完成，相关材料已上传。`,
        submittedAt: new Date('2026-12-01T02:00:00Z'),
        isDemo: true,
      })
      .returning();
    await tx
      .insert(reformReportItems)
      .values({ reportId: nov!.id, milestoneId: next.id, done: 1, note: '已完成' });
  }
}

/**
 * Demo data of the reforms module, all marked demo: three lists, 145 projects, their milestones and
 * reports; then the ten key battles and the cases.
 */
export async function seedReformsDemo(ctx: ServiceContext, now = new Date()): Promise<void> {
  await seedLedgerDemo(ctx);
  await seedBattlesDemo(ctx);
  await seedStudyDemo(ctx, now);
  await seedAdoptionDemo(ctx);
}

async function seedLedgerDemo(ctx: ServiceContext): Promise<void> {
  const [has] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(reformLists);
  if ((has?.n ?? 0) > 0) return;
  const rand = seededRandom(20260715);
  const unitIds = new Map((await unitBriefs(ctx.db)).map((u) => [u.code, u.id]));
  await transaction(ctx.db, async (tx) => {
    const lists = await tx
      .insert(reformLists)
      .values(demoLists.map(({ name, description }, i) => ({ name, description, sort: i + 1, isDemo: true })))
      .returning();
    const listIds = Object.fromEntries(demoLists.map((l, i) => [l.code, lists[i]!.id]));
    const { projects, coUnits } = projectsOf(rand, listIds, unitIds);
    await tx.insert(reformProjects).values(projects);
    if (coUnits.length) await tx.insert(reformProjectUnits).values(coUnits);
    const milestones = new Map(projects.map((p) => [p.id, milestonesOf(rand, p)]));
    const all = [...milestones.values()]
      .flat()
      .map((m) => ({ ...m, doneAt: m.done === 1 ? new Date(`${m.dueDate}T08:00:00Z`) : null }));
    for (let i = 0; i < all.length; i += 500) await tx.insert(reformMilestones).values(all.slice(i, i + 500));
    await seedReports(tx, rand, projects, milestones);
    await audit(tx, systemActor('seed'), {
      action: 'reforms.seedDemo',
      entityType: 'reforms',
      entityId: 'demo',
      after: { lists: lists.length, projects: projects.length, milestones: all.length },
    });
  });
}
