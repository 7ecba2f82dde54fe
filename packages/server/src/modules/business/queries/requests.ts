import { and, count, desc, eq, ilike, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { dueState, provisionalYear, todayInChina, workdaysLeft } from '../../../kernel/deadlines.js';
import { maskNumbersInText } from '../../../privacy.js';
import { unitIdsUnder, unitsByIds } from '../../units/api.js';
import type {
  RequestExportQuery,
  RequestPage,
  RequestQuery,
  RequestSummary,
  RoutingAccuracy,
} from '../contracts-requests.js';
import { firmOfMember } from '../lookup.js';
import { pairedFirmIds } from '../pairs.js';
import { mayEverRequest } from '../policy.js';
import type { RequestRow } from '../requests/lookup.js';
import { businessAppeals, businessExtensions, businessFirms, businessRequests } from '../schema.js';
import { catalogueName } from '../views.js';
import { listCategories } from './categories.js';
import { flagFilter, supervisionFlags } from './request-flags.js';

/** Working days within which a due date counts as near (the inbox's amber flag). */
export const DUE_SOON_WORKDAYS = 2;

/** The requests the actor may read, as one filter: by the firm's town, the department, or their own firm. */
export async function readableFilter(ctx: ServiceContext): Promise<SQL | undefined> {
  const { staff, firmSide } = await readableParts(ctx);
  return or(...staff, ...firmSide);
}

/**
 * The filters of the requests the actor reads as the district's staff (the office and the
 * commission by the firm's town, the department by the one that holds it) and of those read from
 * the firm's side (their own firm's, a liaison cadre's paired firms').
 */
async function readableParts(ctx: ServiceContext): Promise<{ staff: SQL[]; firmSide: SQL[] }> {
  const p = ctx.principal!;
  const paths = (role: string) => p.grants.filter((g) => g.role === role).map((g) => g.unitPath);
  const overseen = [...paths('admin'), ...paths('supervisor')];
  const [towns, departments, own, paired] = await Promise.all([
    unitIdsUnder(ctx.db, overseen),
    unitIdsUnder(ctx.db, paths('department_staff')),
    p.grants.some((g) => g.role === 'enterprise') ? firmOfMember(ctx.db, p.userId) : undefined,
    p.grants.some((g) => g.role === 'liaison') ? pairedFirmIds(ctx.db, p.userId) : [],
  ]);
  const staff: SQL[] = [];
  const firmSide: SQL[] = [];
  if (towns.length)
    staff.push(
      inArray(
        businessRequests.firmId,
        ctx.db
          .select({ id: businessFirms.id })
          .from(businessFirms)
          .where(inArray(businessFirms.townId, towns)),
      ),
    );
  if (departments.length) staff.push(inArray(businessRequests.departmentId, departments));
  if (own) firmSide.push(eq(businessRequests.firmId, own));
  // A liaison cadre follows the requests of the firms paired with them now.
  if (paired.length) firmSide.push(inArray(businessRequests.firmId, paired));
  return { staff, firmSide };
}

/**
 * The flag is the discipline commission's (督办), which only those who read the supervision
 * (`supervision.read`) see: a firm or a liaison cadre would learn from the list which of their
 * requests the commission reminded (FORBIDDEN, `supervision_only`).
 */
const supervisionOnly = () =>
  new AppError('FORBIDDEN', 'the flag is the discipline commission’s', [
    { path: 'flag', message: 'only the district’s staff filter by it', code: 'supervision_only' },
  ]);

/** Request rows as lists show them: names, due state in working days, what waits for the office. */
export async function summaries(ctx: ServiceContext, rows: readonly RequestRow[]): Promise<RequestSummary[]> {
  const ids = rows.map((r) => r.id);
  const [firms, unitMap, categories, extensions, appeals] = await Promise.all([
    ids.length
      ? ctx.db
          .select({ id: businessFirms.id, name: businessFirms.name })
          .from(businessFirms)
          .where(inArray(businessFirms.id, [...new Set(rows.map((r) => r.firmId))]))
      : [],
    unitsByIds(
      ctx.db,
      rows.flatMap((r) => [r.departmentId, r.suggestedDepartmentId]).filter((x): x is string => !!x),
    ),
    listCategories(ctx.db),
    ids.length
      ? ctx.db
          .select({ id: businessExtensions.requestId })
          .from(businessExtensions)
          .where(and(inArray(businessExtensions.requestId, ids), eq(businessExtensions.status, 'pending')))
      : [],
    ids.length
      ? ctx.db
          .select({ id: businessAppeals.requestId })
          .from(businessAppeals)
          .where(and(inArray(businessAppeals.requestId, ids), eq(businessAppeals.status, 'pending')))
      : [],
  ]);
  const firmName = new Map(firms.map((f) => [f.id, f.name]));
  const category = new Map(categories.map((c) => [c.code, catalogueName(c, ctx.locale)]));
  const pendingExt = new Set(extensions.map((e) => e.id));
  const pendingAppeal = new Set(appeals.map((a) => a.id));
  const today = todayInChina();
  return rows.map((r) => {
    const open = r.status === 'routed' || r.status === 'rectifying';
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      firmId: r.firmId,
      firmName: firmName.get(r.firmId) ?? '',
      categoryCode: r.categoryCode,
      categoryName: category.get(r.categoryCode) ?? r.categoryCode,
      departmentId: r.departmentId,
      departmentName: r.departmentId ? (unitMap.get(r.departmentId)?.name ?? null) : null,
      suggestedDepartmentId: r.suggestedDepartmentId,
      suggestedDepartmentName: r.suggestedDepartmentId
        ? (unitMap.get(r.suggestedDepartmentId)?.name ?? null)
        : null,
      suggestionConfidence: r.suggestionConfidence,
      dueOn: r.dueOn,
      workdaysLeft: open && r.dueOn ? workdaysLeft(today, r.dueOn) : null,
      dueState: open && r.dueOn ? dueState(r.dueOn, today, DUE_SOON_WORKDAYS) : null,
      // Counted from the routing or the rating, neither after today: the years from today's to the date's.
      dueProvisional: open && r.dueOn !== null ? provisionalYear(today, r.dueOn) : null,
      pendingExtension: pendingExt.has(r.id),
      pendingAppeal: pendingAppeal.has(r.id),
      createdAt: r.createdAt.toISOString(),
    };
  });
}

/**
 * The order of a list of requests: those still waiting to be routed first, then those with a
 * department or under rectification by due date, then those awaiting the firm's rating, then the
 * closed ones; within each, newest first. A closed request's due date says nothing about when it was
 * raised, so it does not order them.
 */
export const requestOrder = [
  sql`case ${businessRequests.status} when 'submitted' then 0 when 'routed' then 1 when 'rectifying' then 1 when 'answered' then 2 else 3 end`,
  sql`case when ${businessRequests.status} in ('routed', 'rectifying') then ${businessRequests.dueOn} end asc nulls last`,
  desc(businessRequests.createdAt),
  desc(businessRequests.id),
];

/**
 * The requests the actor may read that match the list's filters, as one condition; undefined when
 * the actor may read none. The list and its export share it, so the workbook holds what the list shows.
 */
export async function requestConditions(
  ctx: ServiceContext,
  query: RequestExportQuery,
): Promise<SQL | undefined> {
  const supervised = query.flag !== undefined && supervisionFlags.has(query.flag);
  if (supervised && !mayEverRequest(ctx.principal, 'supervision.read')) throw supervisionOnly();
  const { staff, firmSide } = await readableParts(ctx);
  // Staff who are also a firm's staff or a cadre filter by it among the requests they read as staff alone.
  const readable = or(...staff, ...(supervised ? [] : firmSide));
  if (!readable) return undefined;
  return and(
    readable,
    query.status ? eq(businessRequests.status, query.status) : undefined,
    query.pending === 'extension'
      ? inArray(
          businessRequests.id,
          ctx.db
            .select({ id: businessExtensions.requestId })
            .from(businessExtensions)
            .where(eq(businessExtensions.status, 'pending')),
        )
      : undefined,
    query.pending === 'appeal'
      ? inArray(
          businessRequests.id,
          ctx.db
            .select({ id: businessAppeals.requestId })
            .from(businessAppeals)
            .where(eq(businessAppeals.status, 'pending')),
        )
      : undefined,
    query.departmentId ? eq(businessRequests.departmentId, query.departmentId) : undefined,
    query.flag ? flagFilter(query.flag) : undefined,
    query.q ? ilike(businessRequests.title, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
  );
}

/**
 * 诉求列表: a firm's own requests, a department's inbox of those routed to it, the office's and
 * supervisors' whole scope, in {@link requestOrder}.
 */
export async function listRequests(ctx: ServiceContext, query: RequestQuery): Promise<RequestPage> {
  if (!mayEverRequest(ctx.principal, 'request.list')) throw forbidden();
  // The list's form raises a request for the caller's own firm; a liaison cadre, with none,
  // raises one for a paired firm from the issue of a visit.
  const canRaise =
    mayEverRequest(ctx.principal, 'request.raise') &&
    (await firmOfMember(ctx.db, ctx.principal!.userId)) !== undefined;
  const where = await requestConditions(ctx, query);
  if (!where) return { total: 0, items: [], canRaise };
  const [total] = await ctx.db.select({ n: count() }).from(businessRequests).where(where);
  const rows = await ctx.db
    .select()
    .from(businessRequests)
    .where(where)
    .orderBy(...requestOrder)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  // A firm writes its phone or an ID number into a title now and then: lists show them masked, as
  // the export does; the request's own page shows what the firm wrote.
  const items = (await summaries(ctx, rows)).map((s) => ({ ...s, title: maskNumbersInText(s.title) }));
  return { total: total?.n ?? 0, items, canRaise };
}

/**
 * How often the office kept the department the text engine suggested, over the requests routed
 * with a suggestion: the suggestion's accuracy against the office's judgement.
 */
export async function routingAccuracy(ctx: ServiceContext): Promise<RoutingAccuracy> {
  if (!mayEverRequest(ctx.principal, 'routing.accuracy')) throw forbidden();
  const [row] = await ctx.db
    .select({
      routed: count(businessRequests.departmentId),
      suggested: sql<number>`count(*) filter (where ${businessRequests.suggestionKept} is not null)`.mapWith(
        Number,
      ),
      kept: sql<number>`count(*) filter (where ${businessRequests.suggestionKept})`.mapWith(Number),
    })
    .from(businessRequests)
    .where(isNotNull(businessRequests.departmentId));
  const routed = row?.routed ?? 0;
  const suggested = row?.suggested ?? 0;
  const kept = row?.kept ?? 0;
  return { routed, suggested, kept, accuracy: suggested > 0 ? kept / suggested : null };
}
