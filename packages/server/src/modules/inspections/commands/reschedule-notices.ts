import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { deliver, type Notice } from '../../../kernel/notifications.js';
import { maskNumbersInText } from '../../../privacy.js';
import { firmMemberIds, firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import { holdersOver } from '../../users/api.js';
import { inspectionVisitSources } from '../schema.js';
import { accountsOfInspectors, type VisitRow } from './visit-common.js';

/**
 * In a reschedule's transaction, tells everyone the old date was told to: the firm's staff (as
 * the publication told them), each inspector of the team, and the staff of each department whose
 * items the visit checks (granted at it or above, as the policies read a grant), each person once.
 * Answers how many were told.
 */
export async function tellMoved(tx: Tx, visit: VisitRow, to: string, reason: string): Promise<number> {
  const sources = await tx
    .select({ unitId: inspectionVisitSources.unitId })
    .from(inspectionVisitSources)
    .where(eq(inspectionVisitSources.visitId, visit.id));
  const [members, inspectors, units, firms] = await Promise.all([
    firmMemberIds(tx, visit.firmId),
    accountsOfInspectors(tx, visit.inspectorIds),
    unitsByIds(
      tx,
      sources.map((s) => s.unitId),
    ),
    firmsByIds(tx, [visit.firmId]),
  ]);
  const paths = [...units.values()].map((u) => u.path);
  const staff = [...new Set([...(await holdersOver(tx, 'department_staff', paths)).values()].flat())];
  const departments = [...new Set([...units.values()].map((u) => u.name))].join('、');
  const params = {
    visitId: visit.id,
    firm: firms.get(visit.firmId)?.name ?? '',
    from: visit.date,
    to,
    // A line of an inbox, read by every staff member of the departments: numbers masked, as in
    // the audit log; the visit's history keeps the reason whole.
    reason: maskNumbersInText(reason),
    departments,
  };
  const told = new Set<string>();
  const notices: Notice[] = [];
  const tell = (userIds: readonly string[], key: string) => {
    for (const userId of userIds) {
      if (told.has(userId)) continue;
      told.add(userId);
      notices.push({ userId, key, params });
    }
  };
  tell(members, 'inspections.notice.visitMoved');
  tell(inspectors, 'inspections.notice.visitMovedTeam');
  tell(staff, 'inspections.notice.visitMovedDepartment');
  await deliver(tx, notices);
  return notices.length;
}
