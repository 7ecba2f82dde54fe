import { hasRole } from '../../../auth/principal.js';
import type { WaitingCounter } from '../../../kernel/waiting.js';
import { canTarget } from '../policy.js';
import { unitMap } from './lookup.js';
import { listPlans } from './plans.js';
import { listReports } from './reports.js';

const reports = '/admin/targets/reports';
const plans = '/admin/targets/plans';

/**
 * The office reviews the plans and quarterly reports submitted in its scope; a unit corrects the reports
 * sent back to it, and the plans returned or reopened for revision. Each is counted where the
 * policy lets the caller take that step.
 */
export const targetsWaiting: WaitingCounter = async (ctx) => {
  const p = ctx.principal;
  const admin = hasRole(p, 'admin');
  if (!admin && !hasRole(p, 'department_staff')) return [];
  const [units, submitted, returned, returnedPlans, submittedPlans] = await Promise.all([
    unitMap(ctx.db),
    listReports(ctx, { status: 'submitted' }),
    listReports(ctx, { status: 'returned' }),
    listPlans(ctx, { status: 'returned' }),
    admin ? listPlans(ctx, { status: 'submitted' }) : [],
  ]);
  const path = (unitId: string) => units.get(unitId)?.path ?? '';
  const found = [];
  if (admin)
    found.push(
      {
        key: 'toReview',
        count: submitted.items.filter((r) =>
          canTarget(p, 'report.review', { unitPath: path(r.unitId), status: 'submitted' }),
        ).length,
        path: reports,
      },
      // A plan sent in waits for the office's approval as a report does: no report starts before it.
      {
        key: 'plansToReview',
        count: submittedPlans.filter((r) =>
          canTarget(p, 'plan.review', { unitPath: path(r.unitId), status: 'submitted' }),
        ).length,
        path: plans,
      },
    );
  found.push({
    key: 'returned',
    count: returned.items.filter((r) =>
      canTarget(p, 'report.edit', { unitPath: path(r.unitId), status: 'returned', planStatus: 'approved' }),
    ).length,
    path: reports,
  });
  found.push({
    key: 'plansReturned',
    count: returnedPlans.filter((r) =>
      canTarget(p, 'plan.edit', { unitPath: path(r.unitId), status: 'returned' }),
    ).length,
    path: plans,
  });
  return found;
};
