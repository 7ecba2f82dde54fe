import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { maskPersonName } from '../../../privacy.js';
import { firmsByIds } from '../../business/api.js';
import { accountsByIds } from '../../users/api.js';
import { inspectionInspectors, inspectionVisits } from '../schema.js';
import { invalid } from './common.js';
import { onDuty } from './visit-rules.js';

/**
 * In a publication's transaction: refuses a plan one of whose visits has an inspector no longer
 * on duty (taken out of the pools, or their account disabled, since the plan was drafted),
 * naming the first such visit by date and firm and the inspector (masked). The firm would be told
 * a team that cannot come, and the draw picked the team: nobody stands in. The inspectors' rows
 * and their accounts are held until the publication commits, so none is taken off duty or
 * disabled meanwhile unseen.
 */
export async function refuseOffDuty(tx: Tx, planId: string): Promise<void> {
  const visits = await tx
    .select()
    .from(inspectionVisits)
    .where(eq(inspectionVisits.planId, planId))
    .orderBy(asc(inspectionVisits.date), asc(inspectionVisits.id));
  const ids = [...new Set(visits.flatMap((v) => v.inspectorIds))];
  if (ids.length === 0) return;
  const inspectors = await tx
    .select()
    .from(inspectionInspectors)
    .where(inArray(inspectionInspectors.id, ids))
    .for('share');
  const accounts = await accountsByIds(
    tx,
    inspectors.map((p) => p.userId),
    true,
  );
  const byId = new Map(inspectors.map((p) => [p.id, p]));
  for (const v of visits) {
    const off = v.inspectorIds.find((id) => !onDuty(byId.get(id), accounts));
    if (!off) continue;
    const firm = (await firmsByIds(tx, [v.firmId])).get(v.firmId)?.name ?? '';
    const p = byId.get(off);
    throw invalid('visits', 'inspector_off_duty', `an inspector of the visit of ${v.date} is not on duty`, {
      visitId: v.id,
      date: v.date,
      firm,
      inspector: maskPersonName(p ? accounts.get(p.userId)?.displayName : '') ?? '',
    });
  }
}
