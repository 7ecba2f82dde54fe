import { createHash } from 'node:crypto';
import type { PlanInput } from '@qianxing/core/schedule';
import type { Db } from '../../packages/server/src/db/client.js';
import { businessFirms } from '../../packages/server/src/modules/business/schema.js';
import {
  inspectionConflicts,
  inspectionDrawnFirms,
  inspectionFirmProfiles,
  inspectionInspectors,
  inspectionItems,
  inspectionTaskItems,
  inspectionTasks,
  inspectionTaskUnits,
} from '../../packages/server/src/modules/inspections/schema.js';
import type { UnitBrief } from '../../packages/server/src/modules/units/api.js';
import { users } from '../../packages/server/src/modules/users/schema.js';

const chunked = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
};

/**
 * Writes a generated month of planned inspections into the inspections module's tables as the
 * draws leave them: firms with blocked dates, inspectors (accounts of the departments) with
 * their qualifications and conflicts, items, and drawn tasks whose drawn firms are the planned
 * inspections. A planned inspection of h hours needing qualifications Q becomes a drawn firm
 * of a task of its department whose items take h hours and need Q; a firm drawn twice for the
 * same kind of task goes to a second task of that kind. Inspectors' days off are not kept (the
 * module knows their weekdays only): every inspector works Monday to Friday.
 */
export async function seedPlanned(db: Db, input: PlanInput, departments: UnitBrief[], townId: string) {
  const unitOf = new Map(departments.map((u, i) => [`D${i + 1}`, u.id]));
  const firmId = new Map((input.firms ?? []).map((f) => [f.id, crypto.randomUUID()]));
  for (const t of input.tasks) if (!firmId.has(t.firm)) firmId.set(t.firm, crypto.randomUUID());
  await chunked([...firmId], (part) =>
    db.insert(businessFirms).values(
      part.map(([code, id]) => ({
        id,
        name: `基准企业 ${code}`,
        creditCode: `BENCH${code}`,
        industryCode: 'C',
        townId,
        size: 'small' as const,
      })),
    ),
  );
  await chunked(
    [...firmId].map(([code, id]) => ({
      firmId: id,
      risk: 'low' as const,
      blockedDates: input.firms?.find((f) => f.id === code)?.blocked ?? [],
    })),
    (part) => db.insert(inspectionFirmProfiles).values(part),
  );

  const inspectorId = new Map(input.inspectors.map((p) => [p.id, crypto.randomUUID()]));
  const accounts = input.inspectors.map((p) => ({
    id: crypto.randomUUID(),
    login: `bench.${p.id.toLowerCase()}`,
    displayName: `检查员 ${p.id}`,
    passwordHash: 'not-a-login',
  }));
  await db.insert(users).values(accounts);
  await db.insert(inspectionInspectors).values(
    input.inspectors.map((p, i) => ({
      id: inspectorId.get(p.id)!,
      userId: accounts[i]!.id,
      unitId: unitOf.get(p.department)!,
      qualifications: p.qualifications ?? [],
    })),
  );
  const conflicts = new Map(
    (input.exclusions ?? []).map((e) => [
      `${e.inspector}/${e.firm}`,
      { inspectorId: inspectorId.get(e.inspector)!, firmId: firmId.get(e.firm)! },
    ]),
  );
  await db.insert(inspectionConflicts).values([...conflicts.values()]);

  // Items per department by (minutes, qualification); tasks per department by (hours, qualifications).
  const items = new Map<string, typeof inspectionItems.$inferInsert & { id: string }>();
  const itemFor = (unit: string, minutes: number, q: string | null) => {
    const key = `${unit}/${minutes}/${q ?? ''}`;
    if (!items.has(key))
      items.set(key, {
        id: crypto.randomUUID(),
        unitId: unitOf.get(unit)!,
        code: `BENCH-${unit}-${minutes}-${q ?? 'none'}`,
        name: `${unit} 检查事项 ${minutes} 分钟${q ? ` ${q}` : ''}`,
        legalBasis: '基准测试',
        qualification: q,
        expectedMinutes: minutes,
      });
    return items.get(key)!.id;
  };
  const tasks = new Map<string, { id: string; unit: string; itemIds: string[]; firms: Set<string> }[]>();
  for (const t of input.tasks) {
    const minutes = Math.round(t.hours * 60);
    const q = t.qualifications ?? [];
    const itemIds =
      q.length <= 1
        ? [itemFor(t.department, minutes, q[0] ?? null)]
        : q.map((x, i) => itemFor(t.department, minutes / q.length + (i === 0 ? minutes % q.length : 0), x));
    const kind = `${t.department}/${minutes}/${q.join('+')}`;
    const list = tasks.get(kind) ?? [];
    let task = list.find((x) => !x.firms.has(t.firm));
    if (!task) {
      task = { id: crypto.randomUUID(), unit: t.department, itemIds, firms: new Set() };
      list.push(task);
      tasks.set(kind, list);
    }
    task.firms.add(t.firm);
  }
  await chunked([...items.values()], (part) => db.insert(inspectionItems).values(part));
  const all = [...tasks.values()].flat();
  const seed = 'bench';
  await chunked(all, (part) =>
    db.insert(inspectionTasks).values(
      part.map((x) => ({
        id: x.id,
        title: `基准抽查 ${x.unit}`,
        status: 'drawn' as const,
        sample: { low: x.firms.size },
        inspectorsPerVisit: 2,
        periodStart: input.period.start,
        periodEnd: input.period.end,
        seed,
        seedHash: createHash('sha256').update(seed).digest('hex'),
        input: {},
        result: {},
        announcedAt: new Date(),
        drawnAt: new Date(),
      })),
    ),
  );
  await chunked(
    all.map((x) => ({ taskId: x.id, unitId: unitOf.get(x.unit)! })),
    (part) => db.insert(inspectionTaskUnits).values(part),
  );
  await chunked(
    all.flatMap((x) => x.itemIds.map((itemId) => ({ taskId: x.id, itemId }))),
    (part) => db.insert(inspectionTaskItems).values(part),
  );
  await chunked(
    all.flatMap((x) =>
      [...x.firms].map((f) => ({
        taskId: x.id,
        firmId: firmId.get(f)!,
        risk: 'low' as const,
        inspectorIds: [],
      })),
    ),
    (part) => db.insert(inspectionDrawnFirms).values(part),
  );
  return { firms: firmId.size, inspectors: inspectorId.size, tasks: all.length, items: items.size };
}
