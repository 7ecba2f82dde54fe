import { and, count, eq, isNotNull, min, sql } from 'drizzle-orm';
import { hasRole } from '../../../auth/principal.js';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { todayInChina, workdaysLeft } from '../../../kernel/deadlines.js';
import { unitsByIds } from '../../units/api.js';
import { requestFlags, type Supervision } from '../contracts-requests.js';
import { mayEverRequest } from '../policy.js';
import { businessRequests } from '../schema.js';
import { flagFilter } from './request-flags.js';
import { readableFilter } from './requests.js';

const counted = (where: ReturnType<typeof flagFilter>) =>
  sql<number>`count(*) filter (where ${where})`.mapWith(Number);

/**
 * 纪委监督: per department, the requests of the caller's scope that are open, overdue, due within
 * two working days, badly rated, under rectification or appealed, in one pass; and the requests
 * waiting for the office to route them, with how long the oldest has waited. Each figure is
 * the list's `flag` filter, so a click on it shows exactly the requests behind it.
 */
export async function supervision(ctx: ServiceContext): Promise<Supervision> {
  if (!hasRole(ctx.principal, 'supervisor') && !mayEverRequest(ctx.principal, 'request.route'))
    throw forbidden();
  const today = todayInChina();
  const readable = await readableFilter(ctx);
  const flags = Object.fromEntries(requestFlags.map((f) => [f, counted(flagFilter(f, today))])) as Record<
    (typeof requestFlags)[number],
    ReturnType<typeof counted>
  >;
  const rows = readable
    ? await ctx.db
        .select({
          departmentId: businessRequests.departmentId,
          open: counted(sql`${businessRequests.status} in ('routed', 'rectifying')`),
          total: count(),
          ...flags,
        })
        .from(businessRequests)
        .where(and(readable, isNotNull(businessRequests.departmentId)))
        .groupBy(businessRequests.departmentId)
    : [];
  const [waiting] = readable
    ? await ctx.db
        .select({ n: count(), oldest: min(businessRequests.createdAt) })
        .from(businessRequests)
        .where(and(readable, eq(businessRequests.status, 'submitted')))
    : [];
  const oldestOn = waiting?.oldest ? todayInChina(new Date(waiting.oldest)) : null;
  const names = await unitsByIds(
    ctx.db,
    rows.map((r) => r.departmentId!),
  );
  const departments = rows
    .map(({ total: _total, ...r }) => ({
      ...r,
      departmentId: r.departmentId!,
      departmentName: names.get(r.departmentId!)?.name ?? '',
    }))
    // What needs attention first: overdue, then bad ratings.
    .sort(
      (a, b) =>
        b.overdue - a.overdue ||
        b.badRating - a.badRating ||
        a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
    );
  const sum = (key: 'open' | (typeof requestFlags)[number]) => departments.reduce((n, d) => n + d[key], 0);
  return {
    asOf: today,
    awaitingRouting: {
      count: waiting?.n ?? 0,
      oldestOn,
      oldestWorkdays: oldestOn ? Math.max(0, workdaysLeft(oldestOn, today)) : 0,
    },
    departments,
    total: {
      open: sum('open'),
      overdue: sum('overdue'),
      dueSoon: sum('dueSoon'),
      badRating: sum('badRating'),
      rectifying: sum('rectifying'),
      appeal: sum('appeal'),
      reminded: sum('reminded'),
      repeated: sum('repeated'),
    },
  };
}
