import { hasRole } from '../../../auth/principal.js';
import type { WaitingCounter } from '../../../kernel/waiting.js';
import { canTarget } from '../policy.js';
import { unitMap } from './lookup.js';
import { listReports } from './reports.js';

const reports = '/admin/targets/reports';

/**
 * The office reviews the quarterly reports submitted in its scope; a unit corrects the reports
 * sent back to it. Each is counted where the policy lets the caller take that step.
 */
export const targetsWaiting: WaitingCounter = async (ctx) => {
  const p = ctx.principal;
  if (!hasRole(p, 'admin') && !hasRole(p, 'department_staff')) return [];
  const [units, submitted, returned] = await Promise.all([
    unitMap(ctx.db),
    listReports(ctx, { status: 'submitted' }),
    listReports(ctx, { status: 'returned' }),
  ]);
  const path = (unitId: string) => units.get(unitId)?.path ?? '';
  const found = [];
  if (hasRole(p, 'admin'))
    found.push({
      key: 'toReview',
      count: submitted.items.filter((r) =>
        canTarget(p, 'report.review', { unitPath: path(r.unitId), status: 'submitted' }),
      ).length,
      path: reports,
    });
  found.push({
    key: 'returned',
    count: returned.items.filter((r) =>
      canTarget(p, 'report.edit', { unitPath: path(r.unitId), status: 'returned', planStatus: 'approved' }),
    ).length,
    path: reports,
  });
  return found;
};
